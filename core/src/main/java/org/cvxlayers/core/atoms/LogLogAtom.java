package org.cvxlayers.core.atoms;

import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.canon.LogSpace;
import org.cvxlayers.core.expr.Expression;

/**
 * An atom of disciplined geometric programming (Agrawal, Diamond &amp; Boyd 2019). For positive arguments
 * {@code f} is log-log convex (concave, affine) when {@code F(u) = log f(exp(u))} is convex (concave, affine).
 * The DGP analyzer composes these the way the DCP rules compose curvatures, and the DGP → DCP reduction
 * replaces the atom by {@link #logSpace}: the DCP expression of {@code F} applied to the log-space arguments.
 */
public interface LogLogAtom {
    /** Log-log curvature of the atom as a function: AFFINE (monomials), CONVEX or CONCAVE. */
    Curvature atomLogLogCurvature();

    /** Monotonicity in argument {@code i} (for positive arguments). */
    Monotonicity logLogMonotonicity(int i);

    /**
     * Whether argument {@code i} may be a numeric constant with zero entries (the atom folds constants into
     * posynomial coefficients, e.g. {@code A @ x} with a nonnegative matrix A); other constants must be
     * positive.
     */
    default boolean acceptsNonnegativeConstant(int i) {
        return false;
    }

    /** Extra DGP requirements (e.g. nonnegative coefficients); null when satisfied, else the reason. */
    default String logLogViolation() {
        return null;
    }

    /** The DCP expression of {@code log f(exp(u))}; {@code ls.of(arg)} gives an argument's log-space form. */
    Expression logSpace(LogSpace ls);

    /** Whether {@code e} is a numeric constant (no variables, no parameters) with nonnegative entries. */
    static boolean isNonnegativeNumber(Expression e) {
        if (e.hasVariables() || e.hasParameters()) {
            return false;
        }
        for (double v : e.evaluate()) {
            if (!(v >= 0)) {
                return false;
            }
        }
        return true;
    }
}
