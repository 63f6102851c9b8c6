package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * An atom: a function applied to argument expressions. Each atom class states, in one place, its sign,
 * its curvature as a function ({@link #functionCurvature()}), its monotonicity in each argument (which may
 * depend on the arguments' signs) and its canonicalization ({@link #canonicalize}). New atoms (exponential,
 * PSD, power-cone or log-log atoms) extend this class and the DCP analyzer picks them up unchanged.
 */
public abstract class Atom extends Expression {

    protected Atom(Shape shape, List<Expression> args) {
        super(shape, args);
    }

    /** The atom's name as CVXPY prints it, e.g. {@code norm1}. */
    public abstract String name();

    /** Curvature of the atom as a function of its arguments: CONVEX, CONCAVE or AFFINE. */
    public abstract Curvature functionCurvature();

    /** Monotonicity in argument {@code i}, given the current signs of the arguments. */
    public abstract Monotonicity monotonicity(int i);

    /**
     * Extra DCP requirements on the arguments (e.g. a matrix that must be constant). Returns null when
     * satisfied, otherwise the reason. {@code dpp} tells whether parameters count as affine.
     */
    public String argumentViolation(boolean dpp) {
        return null;
    }

    /** Extra arguments printed after the expression arguments, e.g. {@code ", 3"}; empty by default. */
    protected String extraArgs() {
        return "";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name()).append('(');
        for (int i = 0; i < args().size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(args().get(i));
        }
        return sb.append(extraArgs()).append(')').toString();
    }
}
