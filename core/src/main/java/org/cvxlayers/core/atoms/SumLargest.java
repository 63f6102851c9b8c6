package org.cvxlayers.core.atoms;

import java.util.Arrays;
import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * {@code sum_largest(x, k)}: the sum of the k largest entries (convex, increasing), by its LP dual
 * {@code min k·q + Σ zᵢ  s.t. z ≥ x − q, z ≥ 0}. {@code sum_smallest(x, k) = −sum_largest(−x, k)}.
 */
public final class SumLargest extends Atom {
    private final double k;

    public SumLargest(Expression x, double k) {
        super(Shape.scalar(), List.of(x));
        if (!(k > 0) || k > x.size()) {
            throw new IllegalArgumentException("sum_largest(" + x + ", " + k + "): k must lie in (0, " + x.size() + "]");
        }
        this.k = k;
    }

    @Override
    public String name() {
        return "sum_largest";
    }

    @Override
    protected String extraArgs() {
        return ", " + (k == Math.rint(k) ? Long.toString((long) k) : Double.toString(k));
    }

    @Override
    public Curvature functionCurvature() {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return Monotonicity.INCREASING;
    }

    @Override
    public Sign sign() {
        return args().get(0).sign();
    }

    @Override
    public double[] evaluate() {
        double[] v = args().get(0).evaluate();
        Arrays.sort(v);
        double s = 0;
        double left = k;
        for (int i = v.length - 1; i >= 0 && left > 0; i--) {
            double w = Math.min(1.0, left);
            s += w * v[i];
            left -= w;
        }
        return new double[] {s};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor q = ctx.newVariable(1);
        AffineTensor z = ctx.newVariable(x.size());
        ctx.addNonneg(z);
        ctx.addNonneg(z.plus(q.broadcast(x.size())).minus(x));
        return q.scale(k).plus(z.sumAll());
    }
}
