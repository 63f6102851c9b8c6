package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** {@code logistic(x) = log(1 + eˣ)} elementwise: convex, increasing, positive. As a two-term log-sum-exp,
 * {@code e^{−t} + e^{x−t} ≤ 1}: {@code (−t, 1, z₁), (x − t, 1, z₂) ∈ K_exp, z₁ + z₂ ≤ 1}. */
public final class Logistic extends FixedElementwiseAtom {
    public Logistic(Expression x) {
        super(x, "logistic", Curvature.CONVEX, Monotonicity.INCREASING, Sign.NONNEG);
    }

    @Override
    protected double apply(double v) {
        return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor t = ctx.newVariable(x.size());
        int n = x.size();
        AffineTensor z1 = ctx.newVariable(n);
        AffineTensor z2 = ctx.newVariable(n);
        ctx.addExp(t.scale(-1.0), AffineTensor.scalar(1.0), z1);
        ctx.addExp(x.minus(t), AffineTensor.scalar(1.0), z2);
        ctx.addNonneg(AffineTensor.scalar(1.0).broadcast(n).minus(z1).minus(z2));
        return t;
    }
}
