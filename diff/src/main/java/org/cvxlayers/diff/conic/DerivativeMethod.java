package org.cvxlayers.diff.conic;

/** How the linear systems of the solution-map derivative are solved. */
public enum DerivativeMethod {
    /**
     * The symmetric reformulation {@code [[P, AᵀS], [SA, −(I − D)]]} (S = D^{1/2}) factored once per
     * solution by the sparse quasi-definite LDLᵀ, with static regularization and iterative refinement.
     * Exact up to rounding; the default.
     */
    DIRECT,
    /**
     * Matrix-free LSQR on the (non-symmetric) residual-map Jacobian {@code M = (Q − I) DΠ + I}, as diffcp
     * does; no factorization, cost per iteration two sparse products.
     */
    LSQR
}
