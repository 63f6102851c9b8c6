package org.cvxlayers.solvers.ipm;

/**
 * Result of a solve. For {@link SolveStatus#isOptimal() optimal} statuses {@code (x, y, s)} is the primal–dual
 * point. For {@link SolveStatus#PRIMAL_INFEASIBLE} {@code y} is the certificate (scaled so that bᵀy = −1) and
 * x, s are NaN; for {@link SolveStatus#DUAL_INFEASIBLE} {@code (x, s)} is the certificate (scaled so that
 * cᵀx = −1) and y is NaN. Other statuses return the last iterate, unscaled, for inspection.
 *
 * @param x      primal variables, length n
 * @param y      dual variables, length m
 * @param s      primal slacks, length m
 * @param status outcome
 * @param info   statistics
 */
public record Solution(double[] x, double[] y, double[] s, SolveStatus status, SolveInfo info) {

    /** Primal objective value (constant included); see {@link SolveInfo#primalObjective()}. */
    public double objective() {
        return info.primalObjective();
    }
}
