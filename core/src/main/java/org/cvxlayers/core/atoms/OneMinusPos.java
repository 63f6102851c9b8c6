package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.canon.LogSpace;
import org.cvxlayers.core.expr.Constant;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code one_minus_pos(x) = 1 − x} elementwise on 0 &lt; x &lt; 1. Affine (DCP), and in DGP log-log concave and
 * decreasing: its log-space form {@code log(1 − exp(u))} is concave.
 */
public final class OneMinusPos extends FixedElementwiseAtom implements LogLogAtom {
    public OneMinusPos(Expression x) {
        super(x, "one_minus_pos", Curvature.AFFINE, Monotonicity.DECREASING, Sign.NONNEG);
    }

    @Override
    protected double apply(double v) {
        return 1 - v;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return AffineTensor.scalar(1.0).broadcast(size()).minus(args.get(0));
    }

    @Override
    public Curvature atomLogLogCurvature() {
        return Curvature.CONCAVE;
    }

    @Override
    public Monotonicity logLogMonotonicity(int i) {
        return Monotonicity.DECREASING;
    }

    @Override
    public Expression logSpace(LogSpace ls) {
        double[] ones = new double[size()];
        java.util.Arrays.fill(ones, 1.0);
        Expression one = Constant.ofColMajor(shape(), ones, null);
        return new Log(one.minus(new Exp(ls.of(args().get(0)))));
    }
}
