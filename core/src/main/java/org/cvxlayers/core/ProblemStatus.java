package org.cvxlayers.core;

import org.cvxlayers.solvers.ipm.SolveStatus;

/** Status of a solved problem, in CVXPY's vocabulary. */
public enum ProblemStatus {
    OPTIMAL, OPTIMAL_INACCURATE, INFEASIBLE, INFEASIBLE_INACCURATE, UNBOUNDED, UNBOUNDED_INACCURATE,
    /** The iteration or time limit was reached (CVXPY's {@code user_limit}). */
    USER_LIMIT,
    SOLVER_ERROR;

    /** The CVXPY status of a solver status (as CVXPY's Clarabel interface maps them). */
    public static ProblemStatus of(SolveStatus s) {
        return switch (s) {
            case SOLVED -> OPTIMAL;
            case ALMOST_SOLVED -> OPTIMAL_INACCURATE;
            case PRIMAL_INFEASIBLE -> INFEASIBLE;
            case ALMOST_PRIMAL_INFEASIBLE -> INFEASIBLE_INACCURATE;
            case DUAL_INFEASIBLE -> UNBOUNDED;
            case ALMOST_DUAL_INFEASIBLE -> UNBOUNDED_INACCURATE;
            case MAX_ITERATIONS, MAX_TIME -> USER_LIMIT;
            case NUMERICAL_ERROR, INSUFFICIENT_PROGRESS -> SOLVER_ERROR;
        };
    }

    public boolean isOptimal() {
        return this == OPTIMAL || this == OPTIMAL_INACCURATE;
    }

    public boolean isInfeasible() {
        return this == INFEASIBLE || this == INFEASIBLE_INACCURATE;
    }

    public boolean isUnbounded() {
        return this == UNBOUNDED || this == UNBOUNDED_INACCURATE;
    }
}
