package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * {@code log_sum_exp(x) = log Σ exp(xᵢ)} over all entries: convex, increasing. Canonicalized as
 * {@code Σ exp(xᵢ − t) ≤ 1}: {@code (xᵢ − t, 1, zᵢ) ∈ K_exp, Σ zᵢ ≤ 1}.
 */
public final class LogSumExp extends FixedTraitsAtom {
    public LogSumExp(Expression x) {
        super(Shape.scalar(), List.of(x), "log_sum_exp", Curvature.CONVEX, Monotonicity.INCREASING, Sign.UNKNOWN);
    }

    @Override
    public double[] evaluate() {
        return new double[] {of(args().get(0).evaluate())};
    }

    /** A numerically stable log Σ exp(vᵢ). */
    public static double of(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double a : v) {
            m = Math.max(m, a);
        }
        if (Double.isInfinite(m)) {
            return m;
        }
        double s = 0;
        for (double a : v) {
            s += Math.exp(a - m);
        }
        return m + Math.log(s);
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return epigraph(ctx, args.get(0));
    }

    /** A new scalar t with {@code t ≥ log Σ exp(xᵢ)}. */
    public static AffineTensor epigraph(CanonContext ctx, AffineTensor x) {
        AffineTensor t = ctx.newVariable(1);
        if (x.size() == 1) {
            ctx.addNonneg(t.minus(x));
            return t;
        }
        AffineTensor z = ctx.newVariable(x.size());
        ctx.addExp(x.minus(t.broadcast(x.size())), AffineTensor.scalar(1.0), z);
        ctx.addNonneg(AffineTensor.scalar(1.0).minus(z.sumAll()));
        return t;
    }
}
