package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * What {@code max}/{@code min} of entries and elementwise {@code maximum}/{@code minimum} share: the largest
 * (convex) or smallest (concave) value, increasing in every argument, with the same curvature under the
 * log-log (DGP) rules since {@code log max(eᵘ) = max(u)}.
 */
abstract class ExtremumAtom extends Atom implements LogLogAtom {
    /** true for the largest value, false for the smallest. */
    final boolean max;
    private final String name;

    ExtremumAtom(Shape shape, List<Expression> args, boolean max, String maxName, String minName) {
        super(shape, args);
        this.max = max;
        this.name = max ? maxName : minName;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Curvature functionCurvature() {
        return max ? Curvature.CONVEX : Curvature.CONCAVE;
    }

    @Override
    public final Monotonicity monotonicity(int i) {
        return Monotonicity.INCREASING;
    }

    @Override
    public final Curvature atomLogLogCurvature() {
        return functionCurvature();
    }

    @Override
    public final Monotonicity logLogMonotonicity(int i) {
        return Monotonicity.INCREASING;
    }

    /** The larger (max) or smaller (min) of a and b. */
    final double pick(double a, double b) {
        return max ? Math.max(a, b) : Math.min(a, b);
    }
}
