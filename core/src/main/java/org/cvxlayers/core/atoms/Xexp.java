package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** {@code xexp(x) = x·eˣ} elementwise for x ≥ 0: convex, increasing, nonnegative. As CVXPY does:
 * {@code u ≥ x²} (a 3-D second-order cone) and {@code (u, x, t) ∈ K_exp}, i.e. {@code x·e^{u/x} ≤ t}. */
public final class Xexp extends FixedElementwiseAtom {
    public Xexp(Expression x) {
        super(x, "xexp", Curvature.CONVEX, Monotonicity.INCREASING, Sign.NONNEG);
    }

    @Override
    protected double apply(double v) {
        return v * Math.exp(v);
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor t = ctx.newVariable(x.size());
        int n = x.size();
        AffineTensor u = ctx.newVariable(n);
        AffineTensor one = AffineTensor.scalar(1.0);
        for (int i = 0; i < n; i++) {
            ctx.addSoc(u.entry(i).plus(one), AffineTensor.concat(x.entry(i).scale(2.0), u.entry(i).minus(one)));
        }
        ctx.addExp(u, x, t);
        ctx.addNonneg(x);
        return t;
    }
}
