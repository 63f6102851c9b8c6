package org.cvxlayers.solvers.sparse;

import java.util.Arrays;

/**
 * Numeric LDLᵀ factorization P K Pᵀ = L D Lᵀ of a symmetric quasi-definite matrix K, without pivoting, with
 * optional dynamic regularization of the pivots (as in Clarabel / OSQP). Two kernels, chosen by the
 * {@link LdlSymbolic}: simplicial up-looking, one row of L at a time (the QDLDL approach of Stellato et al.
 * 2020), or left-looking supernodal with dense panels ({@link SupernodalKernel}).
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
    private final int[] rel;
    private final int[] colNext;
    /** Supernodal kernel only: compact copy of L (no panel zeros) used by the solves. */
    private final double[] lCompact;
    private final double[] tmp;
    private boolean factored;

    /** Allocates the workspace for the given symbolic analysis. */
    public LdlFactorization(LdlSymbolic sym) {
        this.sym = sym;
        this.n = sym.n();
        Supernodes sn = sym.supernodes();
        this.lValues = new double[sn != null ? sn.valueCount : sym.nnzL()];
        this.rel = sn != null ? new int[n] : null;
        this.colNext = sn == null ? new int[n] : null;
        this.lCompact = sn != null ? new double[sym.nnzL()] : null;
        this.tmp = sn != null ? new double[SupernodalKernel.UPDATE_COLS * sn.maxRows] : null;
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
        Supernodes sn = sym.supernodes();
        if (sn != null) {
            int reg = SupernodalKernel.factor(sn, sym.perm(), upperValues, signs, regEps, regDelta, lValues, d, dInv,
                    rel, tmp);
            // solves are faster on the compact column form than on the padded panels
            final int[] pos = sn.lPanelPos;
            final double[] lc = lCompact;
            for (int p = 0; p < lc.length; p++) {
                lc[p] = lValues[pos[p]];
            }
            factored = true;
            return reg;
        }
        int reg = SimplicialKernel.factor(sym, upperValues, signs, regEps, regDelta, lValues, d, dInv, work, colNext);
        factored = true;
        return reg;
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
        final double[] w = work;
        for (int k = 0; k < n; k++) {
            w[k] = b[perm[k]];
        }
        // both kernels leave L in compressed-column form for the solves (the supernodal one as a copy)
        SimplicialKernel.solve(sym.lColPtr(), sym.lRowIdx(), lCompact != null ? lCompact : lValues, dInv, w);
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
