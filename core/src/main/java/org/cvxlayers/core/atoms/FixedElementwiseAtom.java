package org.cvxlayers.core.atoms;

import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.expr.Expression;

/**
 * An elementwise atom whose sign, curvature and monotonicity do not depend on its argument (exp, log,
 * entr, …): each atom states them once, in its constructor.
 */
abstract class FixedElementwiseAtom extends ElementwiseAtom {
    private final String name;
    private final Curvature curvature;
    private final Monotonicity monotonicity;
    private final Sign sign;

    FixedElementwiseAtom(Expression x, String name, Curvature curvature, Monotonicity monotonicity, Sign sign) {
        super(x);
        this.name = name;
        this.curvature = curvature;
        this.monotonicity = monotonicity;
        this.sign = sign;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Curvature functionCurvature() {
        return curvature;
    }

    @Override
    public final Monotonicity monotonicity(int i) {
        return monotonicity;
    }

    @Override
    public final Sign sign() {
        return sign;
    }
}
