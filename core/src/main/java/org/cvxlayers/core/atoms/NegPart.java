package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** CVXPY's {@code neg(x) = max(−x, 0)} elementwise; {@code t ≥ −x, t ≥ 0}. */
public final class NegPart extends ElementwiseAtom {
    public NegPart(Expression x) {
        super(x);
    }

    @Override
    public String name() {
        return "neg";
    }

    @Override
    protected double apply(double v) {
        return Math.max(-v, 0.0);
    }

    @Override
    public Curvature functionCurvature() {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return Monotonicity.DECREASING;
    }

    @Override
    public Sign sign() {
        return args().get(0).sign().isNonneg() ? Sign.ZERO : Sign.NONNEG;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return Pos.epigraph(ctx, args.get(0).scale(-1.0)); // neg(x) = pos(−x)
    }
}
