package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.expr.Expression;

/**
 * A norm-like atom (see {@link ConvexScalarAtom}) that is also a DGP atom: on positive entries a norm or a
 * sum of powers is log-log convex and increasing (its log-space form is a log-sum-exp or a max).
 */
abstract class LogLogNormAtom extends ConvexScalarAtom implements LogLogAtom {
    private final String name;

    LogLogNormAtom(String name, List<Expression> args) {
        super(args);
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Curvature atomLogLogCurvature() {
        return Curvature.CONVEX;
    }

    @Override
    public final Monotonicity logLogMonotonicity(int i) {
        return Monotonicity.INCREASING;
    }
}
