package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** {@code pos(x) = max(x, 0)} elementwise; {@code t ≥ x, t ≥ 0}. */
public final class Pos extends ElementwiseAtom {
    public Pos(Expression x) {
        super(x);
    }

    @Override
    public String name() {
        return "pos";
    }

    @Override
    protected double apply(double v) {
        return Math.max(v, 0.0);
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
        return args().get(0).sign().isNonpos() ? Sign.ZERO : Sign.NONNEG;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return epigraph(ctx, args.get(0));
    }

    /** A new t of x's size with {@code t ≥ x, t ≥ 0}, i.e. {@code t ≥ max(x, 0)}. */
    static AffineTensor epigraph(CanonContext ctx, AffineTensor x) {
        AffineTensor t = ctx.newVariable(x.size());
        ctx.addNonneg(t.minus(x));
        ctx.addNonneg(t);
        return t;
    }
}
