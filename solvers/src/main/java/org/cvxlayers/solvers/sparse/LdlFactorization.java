package org.cvxlayers.solvers.sparse;

import java.util.Arrays;

/**
 * Numeric LDLᵀ factorization P K Pᵀ = L D Lᵀ of a symmetric quasi-definite matrix K, without pivoting
 * (the QDLDL approach of Stellato et al. 2020, up-looking, one row of L at a time), with optional dynamic
 * regularization of the pivots (as in Clarabel / OSQP).
 *
 * <p>A mutable workspace: one instance per thread. All arrays are allocated in the constructor;
 * {@link #factor} and {@link #solve} allocate nothing and do no symbolic work (every index map comes from
 * the shared {@link LdlSymbolic}).
 */
public final class LdlFactorization {
    private final LdlSymbolic sym;
    private final int n;
    private final double[] lValues;
    private final double[] d;
    private final double[] dInv;
    private final double[] work;
    private boolean factored;

    /** Allocates the workspace for the given symbolic analysis. */
    public LdlFactorization(LdlSymbolic sym) {
        this.sym = sym;
        this.n = sym.n();
        this.lValues = new double[sym.nnzL()];
        this.d = new double[n];
        this.dInv = new double[n];
        this.work = new double[n];
    }

    /** The symbolic analysis this workspace belongs to. */
    public LdlSymbolic symbolic() {
        return sym;
    }

    /**
     * Factors the matrix with the analysed pattern and the given values.
     *
     * @param upperValues values of the ORIGINAL upper triangle, in its entry order (length &ge; nnz)
     * @param signs       expected sign (+1 or -1) of each pivot, indexed by original row, or {@code null}
     *                    for no regularization
     * @param regEps      with {@code signs}: a pivot d with {@code signs[i] * d <= regEps} is replaced ...
     * @param regDelta    ... by {@code signs[i] * regDelta}
     * @return the number of regularized pivots (0 without {@code signs})
     * @throws SingularMatrixException  if a pivot is not finite, or, without {@code signs}, exactly zero;
     *                                  this workspace then holds no valid factor until the next successful call
     * @throws IllegalArgumentException if an array is too short
     */
    public int factor(double[] upperValues, double[] signs, double regEps, double regDelta) {
        if (upperValues.length < sym.nnzInput()) {
            throw new IllegalArgumentException(
                    "upperValues has length " + upperValues.length + ", expected " + sym.nnzInput());
        }
        if (signs != null && signs.length < n) {
            throw new IllegalArgumentException("signs has length " + signs.length + ", expected " + n);
        }
        factored = false;
        final int[] perm = sym.perm();
        final int[] cColPtr = sym.cColPtr();
        final int[] cRowIdx = sym.cRowIdx();
        final int[] cSource = sym.cSource();
        final int[] lColPtr = sym.lColPtr();
        final int[] lRowIdx = sym.lRowIdx();
        final int[] rowPtr = sym.rowPtr();
        final int[] rowCol = sym.rowCol();
        final int[] rowDest = sym.rowDest();
        final double[] lx = lValues;
        final double[] x = work;
        int regularized = 0;
        Arrays.fill(x, 0.0); // solve() leaves the shared work vector dirty
        for (int k = 0; k < n; k++) {
            // scatter column k of the permuted upper triangle (its pattern lies in row k of L plus k)
            for (int p = cColPtr[k]; p < cColPtr[k + 1]; p++) {
                x[cRowIdx[p]] = upperValues[cSource[p]];
            }
            double dk = x[k];
            x[k] = 0.0;
            // sparse triangular solve for row k of L, in increasing column order
            for (int t = rowPtr[k]; t < rowPtr[k + 1]; t++) {
                int i = rowCol[t];
                int dest = rowDest[t];
                double xi = x[i];
                x[i] = 0.0;
                for (int p = lColPtr[i]; p < dest; p++) {
                    x[lRowIdx[p]] -= lx[p] * xi;
                }
                double lki = xi * dInv[i];
                lx[dest] = lki;
                dk -= lki * xi;
            }
            if (signs != null) {
                double s = signs[perm[k]];
                if (s * dk <= regEps) {
                    dk = s * regDelta;
                    regularized++;
                }
            }
            if (dk == 0.0 || !Double.isFinite(dk)) {
                throw new SingularMatrixException(perm[k], k, dk);
            }
            d[k] = dk;
            dInv[k] = 1.0 / dk;
        }
        factored = true;
        return regularized;
    }

    /** Factors without regularization; see {@link #factor(double[], double[], double, double)}. */
    public int factor(double[] upperValues) {
        return factor(upperValues, null, 0.0, 0.0);
    }

    /**
     * Solves K x = b in place: on return {@code b} holds x. Both in the original ordering.
     *
     * @throws IllegalStateException if no successful factorization is held
     */
    public void solve(double[] b) {
        solve(b, b);
    }

    /**
     * Solves K x = b (original ordering); {@code b} is left unchanged unless it is the same array as
     * {@code x}.
     *
     * @throws IllegalStateException    if no successful factorization is held
     * @throws IllegalArgumentException if an array is shorter than n
     */
    public void solve(double[] b, double[] x) {
        if (!factored) {
            throw new IllegalStateException("no valid factorization: call factor first (or it failed)");
        }
        if (b.length < n || x.length < n) {
            throw new IllegalArgumentException("right-hand side and solution need length " + n);
        }
        final int[] perm = sym.perm();
        final int[] lColPtr = sym.lColPtr();
        final int[] lRowIdx = sym.lRowIdx();
        final double[] lx = lValues;
        final double[] w = work;
        for (int k = 0; k < n; k++) {
            w[k] = b[perm[k]];
        }
        // L w = w
        for (int j = 0; j < n; j++) {
            double wj = w[j];
            if (wj != 0.0) {
                for (int p = lColPtr[j]; p < lColPtr[j + 1]; p++) {
                    w[lRowIdx[p]] -= lx[p] * wj;
                }
            }
        }
        // D w = w
        for (int j = 0; j < n; j++) {
            w[j] *= dInv[j];
        }
        // Lᵀ w = w
        for (int j = n - 1; j >= 0; j--) {
            double s = w[j];
            for (int p = lColPtr[j]; p < lColPtr[j + 1]; p++) {
                s -= lx[p] * w[lRowIdx[p]];
            }
            w[j] = s;
        }
        for (int k = 0; k < n; k++) {
            x[perm[k]] = w[k];
        }
    }

    /** Whether a successful factorization is held. */
    public boolean isFactored() {
        return factored;
    }

    /** Number of positive pivots in D (the inertia's positive count), for quasi-definiteness checks. */
    public int positivePivots() {
        int c = 0;
        for (int k = 0; k < n; k++) {
            if (d[k] > 0) {
                c++;
            }
        }
        return c;
    }

    /** Pivot D of original row/column i (after regularization). */
    public double pivot(int i) {
        return d[sym.inversePositionOf(i)];
    }
}
