package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;

/**
 * An atom that can contribute to the solver's quadratic objective {@code ½ xᵀPx} instead of being lifted
 * into second-order cones, when it appears as a nonnegatively weighted term of a minimized objective
 * (sum_squares, square, quad_form, quad_over_lin with a constant denominator, huber).
 */
public interface QuadraticAtom {
    /** Whether this instance has a quadratic form (e.g. power only for p = 2). */
    boolean hasQuadraticForm();

    /**
     * Adds {@code coef · Σ entries of this atom} to the objective: its quadratic part to
     * {@link CanonContext#quadratic()}, returning the remaining affine part as a scalar tensor.
     *
     * @param coef a scalar, variable-free tensor known to be nonnegative: a number or an affine function of
     *             θ (a nonnegative parameter weighting the term)
     */
    AffineTensor canonicalizeQuadratic(CanonContext ctx, AffineTensor coef);
}
