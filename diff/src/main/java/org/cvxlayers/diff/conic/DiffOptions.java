package org.cvxlayers.diff.conic;

/**
 * Options of the solution-map derivative.
 *
 * @param method             linear-system method
 * @param kinkTolerance      relative distance to a kink of the projection below which a cone block (or
 *                           entry, for the orthant) is counted as non-differentiable
 * @param staticRegularization static regularization δ (relative to max(1, max|K|)) added with the
 *                           quasi-definite signs before the LDLᵀ factorization (DIRECT)
 * @param refinementSteps    maximum iterative-refinement steps against the unregularized system (DIRECT)
 * @param lsqrTolerance      LSQR's atol = btol (LSQR)
 * @param lsqrMaxIterations  LSQR's iteration limit; 0 means 20·(n + m) (LSQR)
 * @param newtonSteps        Newton steps of {@link SolutionRefinement} applied to the given (x, y, s) before
 *                           linearizing (0: differentiate at the point as given). Interior-point solutions
 *                           at default tolerances can be 1e-5 away from the optimum for nonsymmetric, SOC and
 *                           PSD cones, and so can the derivative; two steps usually reach machine precision.
 */
public record DiffOptions(DerivativeMethod method, double kinkTolerance, double staticRegularization,
        int refinementSteps, double lsqrTolerance, int lsqrMaxIterations, int newtonSteps) {

    public DiffOptions {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (!(kinkTolerance >= 0.0) || !(staticRegularization >= 0.0) || refinementSteps < 0
                || !(lsqrTolerance > 0.0) || lsqrMaxIterations < 0 || newtonSteps < 0) {
            throw new IllegalArgumentException("invalid derivative options: " + method + ", kinkTolerance "
                    + kinkTolerance + ", staticRegularization " + staticRegularization + ", refinementSteps "
                    + refinementSteps + ", lsqrTolerance " + lsqrTolerance + ", lsqrMaxIterations "
                    + lsqrMaxIterations + ", newtonSteps " + newtonSteps);
        }
    }

    /** DIRECT with δ = 1e-10, 10 refinement steps, kink tolerance 1e-7, no Newton steps. */
    public static DiffOptions defaults() {
        return new DiffOptions(DerivativeMethod.DIRECT, 1e-7, 1e-10, 10, 1e-12, 0, 0);
    }

    /** These options with another method. */
    public DiffOptions withMethod(DerivativeMethod m) {
        return new DiffOptions(m, kinkTolerance, staticRegularization, refinementSteps, lsqrTolerance,
                lsqrMaxIterations, newtonSteps);
    }

    /** These options with another LSQR tolerance and iteration limit. */
    public DiffOptions withLsqr(double tol, int maxIterations) {
        return new DiffOptions(method, kinkTolerance, staticRegularization, refinementSteps, tol, maxIterations,
                newtonSteps);
    }

    /** These options with another number of Newton steps polishing the solution before linearizing. */
    public DiffOptions withNewtonSteps(int steps) {
        return new DiffOptions(method, kinkTolerance, staticRegularization, refinementSteps, lsqrTolerance,
                lsqrMaxIterations, steps);
    }
}
