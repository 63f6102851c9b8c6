package org.cvxlayers.solvers.sparse;

/**
 * Iterative refinement of solutions of K x = b, where K is the original (unregularized) symmetric matrix
 * and the factorization may belong to a regularized or otherwise perturbed K: x ← x + F⁻¹(b − K x).
 *
 * <p>A step is kept only if it lowers ‖b − K x‖∞; refinement stops when the residual is within
 * {@code absTol + relTol·‖b‖∞}, after {@code maxSteps} steps, or when a step improves the residual by less
 * than a factor {@value #STALL_RATIO} (further steps would not pay). A mutable workspace: allocate once, one
 * per thread; {@link #refine} allocates nothing.
 */
public final class IterativeRefinement {
    /** Minimum residual reduction per step to keep refining (Clarabel uses a similar stop ratio). */
    public static final double STALL_RATIO = 2.0;

    private final CscMatrix upper;
    private final LdlFactorization factorization;
    private final int n;
    private final double[] r;
    private final double[] dx;
    private final double[] xTrial;
    private double lastResidual;

    /**
     * @param upper         the original matrix's upper triangle; its live {@link CscMatrix#values()} array is
     *                      read at every {@link #refine(double[], double[], int, double, double)} call
     * @param factorization a factorization of (an approximation of) the same matrix
     * @throws IllegalArgumentException if the dimensions disagree
     */
    public IterativeRefinement(CscMatrix upper, LdlFactorization factorization) {
        if (upper.rows() != upper.cols() || upper.cols() != factorization.symbolic().n()) {
            throw new IllegalArgumentException("matrix " + upper.rows() + "x" + upper.cols()
                    + " does not match factorization of dimension " + factorization.symbolic().n());
        }
        this.upper = upper;
        this.factorization = factorization;
        this.n = upper.cols();
        this.r = new double[n];
        this.dx = new double[n];
        this.xTrial = new double[n];
    }

    /** Refines with the matrix's current values; see {@link #refine(double[], double[], double[], int, double, double)}. */
    public int refine(double[] b, double[] x, int maxSteps, double relTol, double absTol) {
        return refine(upper.values(), b, x, maxSteps, relTol, absTol);
    }

    /**
     * Refines {@code x} in place toward the solution of K x = b, K given by {@code upperValues} on the
     * pattern of the matrix passed to the constructor.
     *
     * @return the number of refinement steps kept
     */
    public int refine(double[] upperValues, double[] b, double[] x, int maxSteps, double relTol, double absTol) {
        if (b.length < n || x.length < n || upperValues.length < upper.nnz()) {
            throw new IllegalArgumentException("arrays too short for dimension " + n + " / nnz " + upper.nnz());
        }
        double tol = absTol + relTol * normInf(b);
        double norm = residual(upperValues, b, x, r);
        int kept = 0;
        for (int step = 0; step < maxSteps && norm > tol; step++) {
            factorization.solve(r, dx);
            for (int i = 0; i < n; i++) {
                xTrial[i] = x[i] + dx[i];
            }
            double trialNorm = residual(upperValues, b, xTrial, dx);
            if (!(trialNorm < norm)) {
                break;
            }
            System.arraycopy(xTrial, 0, x, 0, n);
            System.arraycopy(dx, 0, r, 0, n);
            kept++;
            boolean stalled = trialNorm * STALL_RATIO > norm;
            norm = trialNorm;
            if (stalled) {
                break;
            }
        }
        lastResidual = norm;
        return kept;
    }

    /** ‖b − K x‖∞ after the last {@link #refine} call. */
    public double lastResidualNorm() {
        return lastResidual;
    }

    /** out = b − K x; returns its infinity norm. */
    private double residual(double[] v, double[] b, double[] x, double[] out) {
        int[] cp = upper.colPtr();
        int[] ri = upper.rowIdx();
        System.arraycopy(b, 0, out, 0, n);
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            double s = 0.0;
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                int i = ri[p];
                double a = v[p];
                out[i] -= a * xj;
                if (i != j) {
                    s += a * x[i];
                }
            }
            out[j] -= s;
        }
        return normInf(out);
    }

    private double normInf(double[] v) {
        double m = 0.0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(v[i]);
            if (a > m || a != a) {
                m = a;
            }
        }
        return m;
    }
}
