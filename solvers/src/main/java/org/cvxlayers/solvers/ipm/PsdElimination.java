package org.cvxlayers.solvers.ipm;

/**
 * Whether {@link SolverStructure} eliminates the rows of PSD cone blocks from the KKT system (Schur
 * complement, as SDPA and CSDP do) instead of storing their dense scaling block {@code Hs}.
 */
public enum PsdElimination {
    /**
     * Eliminate a PSD block of svec dimension d when d &gt; 500 and fewer than d columns of A touch it (the
     * clique the elimination adds is then smaller than the dense block it removes), when it has order 8 or
     * more and between d and 2d touching columns that mostly touch other PSD blocks too (kept, such blocks
     * make the factor fill far beyond the clique), and always when d exceeds
     * {@link SolverStructure#MAX_DENSE_BLOCK_DIM}. Smaller blocks stay in the KKT matrix: they are cheap there,
     * and the unreduced system is better conditioned near the optimum than the Schur complement.
     */
    AUTO,
    /** Eliminate every PSD block. */
    ALWAYS,
    /** Keep every PSD block's dense {@code Hs} in the KKT matrix (blocks above the dense limit are refused). */
    NEVER
}
