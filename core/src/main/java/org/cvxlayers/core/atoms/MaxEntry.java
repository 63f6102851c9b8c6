package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/** {@code max(x)} (convex) or {@code min(x)} (concave): the largest or smallest entry, a scalar. */
public final class MaxEntry extends Atom implements LogLogAtom {
    private final boolean max;

    public MaxEntry(Expression x, boolean max) {
        super(Shape.scalar(), List.of(x));
        this.max = max;
    }

    @Override
    public String name() {
        return max ? "max" : "min";
    }

    @Override
    public Curvature functionCurvature() {
        return max ? Curvature.CONVEX : Curvature.CONCAVE;
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
        double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double v : args().get(0).evaluate()) {
            best = max ? Math.max(best, v) : Math.min(best, v);
        }
        return new double[] {best};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor t = ctx.newVariable(1);
        AffineTensor tb = t.broadcast(x.size());
        ctx.addNonneg(max ? tb.minus(x) : x.minus(tb));
        return t;
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Curvature atomLogLogCurvature() {
        return max ? Curvature.CONVEX : Curvature.CONCAVE;
    }

    @Override
    public Monotonicity logLogMonotonicity(int i) {
        return Monotonicity.INCREASING;
    }

    @Override
    public Expression logSpace(LogSpace ls) {
        return new MaxEntry(ls.of(args().get(0)), max);
    }
}
