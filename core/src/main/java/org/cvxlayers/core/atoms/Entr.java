package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** {@code entr(x) = −x·log x} elementwise (0 at 0): concave, not monotone, domain x ≥ 0;
 * {@code t ≤ −x log x ⟺ (t, x, 1) ∈ K_exp}. */
public final class Entr extends FixedElementwiseAtom {
    public Entr(Expression x) {
        super(x, "entr", Curvature.CONCAVE, Monotonicity.NONE, Sign.UNKNOWN);
    }

    @Override
    protected double apply(double v) {
        return v > 0 ? -v * Math.log(v) : v == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor t = ctx.newVariable(x.size());
        ctx.addExp(t, x, AffineTensor.scalar(1.0));
        return t;
    }
}
