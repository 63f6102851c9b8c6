package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** {@code log(x)} elementwise: concave, increasing, domain x &gt; 0; {@code t ≤ log x ⟺ (t, 1, x) ∈ K_exp}. */
public final class Log extends FixedElementwiseAtom {
    public Log(Expression x) {
        super(x, "log", Curvature.CONCAVE, Monotonicity.INCREASING, Sign.UNKNOWN);
    }

    @Override
    protected double apply(double v) {
        return Math.log(v);
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor t = ctx.newVariable(x.size());
        ctx.addExp(t, AffineTensor.scalar(1.0), x);
        return t;
    }
}
