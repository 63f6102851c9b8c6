package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** {@code exp(x)} elementwise: convex, increasing, positive; {@code t ≥ eˣ ⟺ (x, 1, t) ∈ K_exp}. */
public final class Exp extends FixedElementwiseAtom {
    public Exp(Expression x) {
        super(x, "exp", Curvature.CONVEX, Monotonicity.INCREASING, Sign.NONNEG);
    }

    @Override
    protected double apply(double v) {
        return Math.exp(v);
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor t = ctx.newVariable(x.size());
        ctx.addExp(x, AffineTensor.scalar(1.0), t);
        return t;
    }
}
