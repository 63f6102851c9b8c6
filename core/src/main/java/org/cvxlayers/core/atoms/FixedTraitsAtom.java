package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * An atom whose name, curvature, monotonicity and sign do not depend on its arguments: each subclass states
 * them once, in its constructor call, and keeps its own evaluation and canonicalization.
 */
abstract class FixedTraitsAtom extends Atom {
    private final String name;
    private final Curvature curvature;
    private final Monotonicity monotonicity;
    private final Sign sign;

    FixedTraitsAtom(Shape shape, List<Expression> args, String name, Curvature curvature, Monotonicity monotonicity,
            Sign sign) {
        super(shape, args);
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
