package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** {@code log1p(x) = log(1 + x)} elementwise: concave, increasing, same sign as x; {@code (t, 1, 1 + x) ∈ K_exp}. */
public final class Log1p extends ElementwiseAtom {
    public Log1p(Expression x) {
        super(x);
    }

    @Override
    public String name() {
        return "log1p";
    }

    @Override
    protected double apply(double v) {
        return Math.log1p(v);
    }

    @Override
    public Curvature functionCurvature() {
        return Curvature.CONCAVE;
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
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor t = ctx.newVariable(x.size());
        ctx.addExp(t, AffineTensor.scalar(1.0), x.plus(AffineTensor.scalar(1.0).broadcast(x.size())));
        return t;
    }
}
