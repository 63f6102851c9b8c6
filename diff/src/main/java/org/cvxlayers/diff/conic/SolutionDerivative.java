package org.cvxlayers.diff.conic;

/**
 * Result of a derivative (JVP): the first-order change of the primal–dual solution.
 *
 * @param dx               change of x (length n)
 * @param dy               change of y (length m)
 * @param ds               change of s (length m)
 * @param nonDifferentiable number of cone blocks (orthant: entries) at a kink of the projection; when
 *                         positive the result is one element of the generalized Jacobian (as in diffcp)
 * @param relativeResidual relative residual of the linear solve (accuracy indicator)
 */
public record SolutionDerivative(double[] dx, double[] dy, double[] ds, int nonDifferentiable,
        double relativeResidual) {

    /**
     * Whether the linear system was singular (relative residual above 1e-6 even after the LSQR fallback):
     * the solution is not unique or the point is degenerate, and the result is a least-squares element.
     */
    public boolean isSingular() {
        return !(relativeResidual <= SolutionMapDerivative.SINGULAR_RESIDUAL);
    }
}
