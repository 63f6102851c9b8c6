package org.cvxlayers.solvers.ipm;

/**
 * Statistics of one solve, in the units of the original (unequilibrated) problem.
 *
 * @param iterations      interior-point iterations taken
 * @param primalObjective ½xᵀPx + cᵀx + constant at the returned point
 * @param dualObjective   dual objective at the returned point (constant included)
 * @param primalResidual  relative primal residual ‖Ax + s − b‖∞ / max(1, ‖b‖∞, …)
 * @param dualResidual    relative dual residual ‖Px + Aᵀy + c‖∞ / max(1, ‖c‖∞, …)
 * @param gap             absolute duality gap |primal − dual|
 * @param setupMs         milliseconds spent in setup (equilibration, symbolic analysis)
 * @param solveMs         milliseconds spent in iterations
 */
public record SolveInfo(int iterations, double primalObjective, double dualObjective, double primalResidual,
        double dualResidual, double gap, double setupMs, double solveMs) {
}
