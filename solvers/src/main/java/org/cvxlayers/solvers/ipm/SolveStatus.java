package org.cvxlayers.solvers.ipm;

/** Outcome of a solve, as in Clarabel. Infeasibility statuses come with a certificate in the solution. */
public enum SolveStatus {
    /** Optimal to the requested tolerances. */
    SOLVED,
    /** Optimal to the reduced ("almost") tolerances only. */
    ALMOST_SOLVED,
    /** A certificate y ∈ K*, Aᵀy = 0, bᵀy &lt; 0 was found. */
    PRIMAL_INFEASIBLE,
    /** A certificate Px = 0, Ax + s = 0, s ∈ K, cᵀx &lt; 0 was found. */
    DUAL_INFEASIBLE,
    ALMOST_PRIMAL_INFEASIBLE,
    ALMOST_DUAL_INFEASIBLE,
    MAX_ITERATIONS,
    MAX_TIME,
    NUMERICAL_ERROR,
    INSUFFICIENT_PROGRESS;

    /** Whether the solution is an (approximately) optimal primal–dual pair. */
    public boolean isOptimal() {
        return this == SOLVED || this == ALMOST_SOLVED;
    }

    /** Whether the solution is an (approximate) infeasibility certificate. */
    public boolean isInfeasible() {
        return this == PRIMAL_INFEASIBLE || this == DUAL_INFEASIBLE
                || this == ALMOST_PRIMAL_INFEASIBLE || this == ALMOST_DUAL_INFEASIBLE;
    }
}
