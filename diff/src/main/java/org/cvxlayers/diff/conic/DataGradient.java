package org.cvxlayers.diff.conic;

/**
 * Result of an adjoint (VJP): the gradient of a scalar loss with respect to the program data, on the
 * sparsity patterns of P (upper triangle; an off-diagonal value counts for both symmetric entries) and A.
 *
 * @param data             the gradient
 * @param nonDifferentiable as in {@link SolutionDerivative#nonDifferentiable()}
 * @param relativeResidual relative residual of the linear solve
 */
public record DataGradient(DataPerturbation data, int nonDifferentiable, double relativeResidual) {

    /** dL/dP values. */
    public double[] pValues() {
        return data.pValues();
    }

    /** dL/dA values. */
    public double[] aValues() {
        return data.aValues();
    }

    /** dL/db. */
    public double[] b() {
        return data.b();
    }

    /** dL/dc. */
    public double[] c() {
        return data.c();
    }

    /**
     * Whether the linear system was singular (relative residual above 1e-6 even after the LSQR fallback):
     * the solution is not unique or the point is degenerate, and the result is a least-squares element.
     */
    public boolean isSingular() {
        return !(relativeResidual <= SolutionMapDerivative.SINGULAR_RESIDUAL);
    }
}
