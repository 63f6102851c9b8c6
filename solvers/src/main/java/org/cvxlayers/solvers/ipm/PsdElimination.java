package org.cvxlayers.solvers.ipm;

/**
 * Whether {@link SolverStructure} eliminates the rows of PSD cone blocks from the KKT system (Schur
 * complement, as SDPA and CSDP do) instead of storing their dense scaling block {@code Hs}.
 */
public enum PsdElimination {
    /**
     * Eliminate a PSD block when fewer columns of A touch it than its svec dimension (the clique the
     * elimination adds is then smaller than the dense block it removes), and always when its svec dimension
     * exceeds {@link SolverStructure#MAX_DENSE_BLOCK_DIM}.
     */
    AUTO,
    /** Eliminate every PSD block. */
    ALWAYS,
    /** Keep every PSD block's dense {@code Hs} in the KKT matrix (blocks above the dense limit are refused). */
    NEVER
}
