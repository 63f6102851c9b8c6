package org.cvxlayers.solvers.sparse;

import java.util.Arrays;

/**
 * Up-looking simplicial LDLᵀ without pivoting (the QDLDL scheme of Stellato et al. 2020): row k of L is the
 * solution of a sparse triangular system whose pattern (the etree reach of column k) was precomputed by
 * {@link LdlSymbolic}, listed in topological order together with the slot of each new entry in L.
 * Stateless; all arrays come from the caller.
 */
final class SimplicialKernel {
    private SimplicialKernel() {
    }

    /**
     * @param x    scratch double[n]
     * @param next scratch int[n]: next free slot of each column of L
     * @return number of regularized pivots
     */
    static int factor(LdlSymbolic sym, double[] upperValues, double[] signs, double regEps, double regDelta,
            double[] lx, double[] d, double[] dInv, double[] x, int[] next) {
        final int n = sym.n();
        final int[] perm = sym.perm();
        final int[] cColPtr = sym.cColPtr();
        final int[] cRowIdx = sym.cRowIdx();
        final int[] cSource = sym.cSource();
        final int[] lColPtr = sym.lColPtr();
        final int[] lRowIdx = sym.lRowIdx();
        final int[] rowPtr = sym.rowPtr();
        final int[] rowCol = sym.rowCol();
        int regularized = 0;
        Arrays.fill(x, 0.0); // the work vector is shared with solve()
        System.arraycopy(lColPtr, 0, next, 0, n);
        for (int k = 0; k < n; k++) {
            // scatter column k of the permuted upper triangle (its pattern lies in row k of L plus k)
            for (int p = cColPtr[k]; p < cColPtr[k + 1]; p++) {
                x[cRowIdx[p]] = upperValues[cSource[p]];
            }
            double dk = x[k];
            x[k] = 0.0;
            // sparse triangular solve for row k of L, descendants before ancestors
            for (int t = rowPtr[k]; t < rowPtr[k + 1]; t++) {
                final int i = rowCol[t];
                final int dest = next[i]++; // rows arrive in increasing k: slots fill in order
                final double xi = x[i];
                x[i] = 0.0;
                for (int p = lColPtr[i]; p < dest; p++) {
                    x[lRowIdx[p]] -= lx[p] * xi;
                }
                final double lki = xi * dInv[i];
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
        return regularized;
    }

    /**
     * Solves (L D Lᵀ) w = w in place, in the permuted order, for L in compressed-column form (the supernodal
     * kernel's factor is copied to this form too); w.length is the dimension.
     */
    static void solve(int[] lColPtr, int[] lRowIdx, double[] lx, double[] dInv, double[] w) {
        final int n = w.length; // loop bounds on the array's own length let the JIT drop bounds checks
        for (int j = 0; j < n; j++) {
            final double wj = w[j];
            for (int p = lColPtr[j], end = lColPtr[j + 1]; p < end; p++) {
                w[lRowIdx[p]] -= lx[p] * wj;
            }
        }
        for (int j = 0; j < n; j++) {
            w[j] *= dInv[j];
        }
        for (int j = n - 1; j >= 0; j--) {
            double s = w[j];
            for (int p = lColPtr[j], end = lColPtr[j + 1]; p < end; p++) {
                s -= lx[p] * w[lRowIdx[p]];
            }
            w[j] = s;
        }
    }
}
