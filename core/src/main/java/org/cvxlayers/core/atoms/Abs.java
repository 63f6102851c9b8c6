package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** {@code abs(x)}, elementwise; canonicalized as {@code t ≥ x, t ≥ −x}. */
public final class Abs extends ElementwiseAtom {
    public Abs(Expression x) {
        super(x);
    }

    @Override
    public String name() {
        return "abs";
    }

    @Override
    protected double apply(double v) {
        return Math.abs(v);
    }

    @Override
    public Curvature functionCurvature() {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return Monotonicity.ofEvenFunction(args().get(0).sign());
    }

    @Override
    public Sign sign() {
        return args().get(0).sign() == Sign.ZERO ? Sign.ZERO : Sign.NONNEG;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return epigraph(ctx, args.get(0));
    }

    /** A new t with t ≥ |x| entrywise. */
    static AffineTensor epigraph(CanonContext ctx, AffineTensor x) {
        AffineTensor t = ctx.newVariable(x.size());
        ctx.addNonneg(t.minus(x));
        ctx.addNonneg(t.plus(x));
        return t;
    }
}
