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
 */
public record DiffOptions(DerivativeMethod method, double kinkTolerance, double staticRegularization,
        int refinementSteps, double lsqrTolerance, int lsqrMaxIterations) {

    public DiffOptions {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (!(kinkTolerance >= 0.0) || !(staticRegularization >= 0.0) || refinementSteps < 0
                || !(lsqrTolerance > 0.0) || lsqrMaxIterations < 0) {
            throw new IllegalArgumentException("invalid derivative options: " + method + ", kinkTolerance "
                    + kinkTolerance + ", staticRegularization " + staticRegularization + ", refinementSteps "
                    + refinementSteps + ", lsqrTolerance " + lsqrTolerance + ", lsqrMaxIterations "
                    + lsqrMaxIterations);
        }
    }

    /** DIRECT with δ = 1e-10, 10 refinement steps, kink tolerance 1e-7. */
    public static DiffOptions defaults() {
        return new DiffOptions(DerivativeMethod.DIRECT, 1e-7, 1e-10, 10, 1e-12, 0);
    }

    /** These options with another method. */
    public DiffOptions withMethod(DerivativeMethod m) {
        return new DiffOptions(m, kinkTolerance, staticRegularization, refinementSteps, lsqrTolerance,
                lsqrMaxIterations);
    }

    /** These options with another LSQR tolerance and iteration limit. */
    public DiffOptions withLsqr(double tol, int maxIterations) {
        return new DiffOptions(method, kinkTolerance, staticRegularization, refinementSteps, tol, maxIterations);
    }
}
