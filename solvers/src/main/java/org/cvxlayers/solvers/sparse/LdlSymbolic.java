package org.cvxlayers.solvers.sparse;

import java.util.Arrays;

/**
 * The symbolic analysis of an LDLᵀ factorization: fill-reducing ordering, elimination tree, the full
 * pattern of L and every index map the numeric phase needs, computed once per sparsity pattern.
 *
 * <p>Immutable and thread-safe; share one instance between any number of {@link LdlFactorization}
 * workspaces.
 *
 * <p>Layout (after the symmetric permutation C = P K Pᵀ, upper triangle):
 * <ul>
 *   <li>column k of C lists, for each stored entry, its permuted row and the index of the entry in the
 *       ORIGINAL upper triangle that supplies its value (an original entry (i, j) lands at
 *       (min(q_i, q_j), max(q_i, q_j)) with q = inverse permutation, so entries moving below the diagonal
 *       are reflected back into the upper triangle);</li>
 *   <li>L is stored by columns ({@code lColPtr}, {@code lRowIdx}), strictly lower part only;</li>
 *   <li>for the up-looking numeric factorization, row k of L is listed in increasing column order
 *       ({@code rowPtr}, {@code rowCol}) together with the position in L's value array that receives
 *       L(k, i) ({@code rowDest}). Because rows are produced in increasing order, the entries of column
 *       i already computed when row k is formed are exactly {@code lColPtr[i] .. rowDest-1}.</li>
 * </ul>
 */
public final class LdlSymbolic {
    private final int n;
    private final int nnzInput;
    private final int[] perm;
    private final int[] pinv;
    private final int[] parent;
    // permuted upper triangle: pattern plus source entry index
    private final int[] cColPtr;
    private final int[] cRowIdx;
    private final int[] cSource;
    // L by columns
    private final int[] lColPtr;
    private final int[] lRowIdx;
    // L by rows (for the up-looking numeric phase)
    private final int[] rowPtr;
    private final int[] rowCol;
    private final int[] rowDest;

    private LdlSymbolic(int n, int nnzInput, int[] perm, int[] pinv, int[] parent, int[] cColPtr, int[] cRowIdx,
            int[] cSource, int[] lColPtr, int[] lRowIdx, int[] rowPtr, int[] rowCol, int[] rowDest) {
        this.n = n;
        this.nnzInput = nnzInput;
        this.perm = perm;
        this.pinv = pinv;
        this.parent = parent;
        this.cColPtr = cColPtr;
        this.cRowIdx = cRowIdx;
        this.cSource = cSource;
        this.lColPtr = lColPtr;
        this.lRowIdx = lRowIdx;
        this.rowPtr = rowPtr;
        this.rowCol = rowCol;
        this.rowDest = rowDest;
    }

    /**
     * Analyses the pattern of a symmetric matrix given by its upper triangle.
     *
     * @param upperTriangle square CSC matrix with entries on or above the diagonal only (values ignored;
     *                      explicit zeros are part of the pattern; missing diagonal entries are allowed)
     * @param ordering      fill-reducing ordering to apply
     * @throws IllegalArgumentException if the matrix is not square, has an entry below the diagonal, or the
     *                                  factor would have more than {@code Integer.MAX_VALUE - 8} entries
     */
    public static LdlSymbolic analyze(CscMatrix upperTriangle, Ordering ordering) {
        if (upperTriangle == null || ordering == null) {
            throw new IllegalArgumentException("upperTriangle and ordering must not be null");
        }
        int n = upperTriangle.cols();
        if (upperTriangle.rows() != n) {
            throw new IllegalArgumentException(
                    "LDL^T needs a square matrix, got " + upperTriangle.rows() + "x" + n);
        }
        int[] cp = upperTriangle.colPtr();
        int[] ri = upperTriangle.rowIdx();
        for (int j = 0; j < n; j++) {
            int last = cp[j + 1] - 1;
            if (last >= cp[j] && ri[last] > j) {
                throw new IllegalArgumentException("entry (" + ri[last] + ", " + j
                        + ") lies below the diagonal: pass the upper triangle only");
            }
        }
        int[] perm = switch (ordering) {
            case NATURAL -> identity(n);
            case AMD -> Amd.order(upperTriangle);
        };
        return analyze(upperTriangle, perm);
    }

    /**
     * Analyses with a caller-supplied permutation ({@code perm[k]} = original index placed at position k).
     *
     * @throws IllegalArgumentException if {@code perm} is not a permutation of 0..n-1 or the matrix is not
     *                                  an upper triangle
     */
    public static LdlSymbolic analyze(CscMatrix upperTriangle, int[] perm) {
        int n = upperTriangle.cols();
        if (upperTriangle.rows() != n) {
            throw new IllegalArgumentException(
                    "LDL^T needs a square matrix, got " + upperTriangle.rows() + "x" + n);
        }
        if (perm.length != n) {
            throw new IllegalArgumentException("permutation has length " + perm.length + ", expected " + n);
        }
        int[] pinv = new int[n];
        Arrays.fill(pinv, -1);
        for (int k = 0; k < n; k++) {
            int i = perm[k];
            if (i < 0 || i >= n || pinv[i] != -1) {
                throw new IllegalArgumentException("perm[" + k + "] = " + i + " is out of range or repeated");
            }
            pinv[i] = k;
        }
        int[] cp = upperTriangle.colPtr();
        int[] ri = upperTriangle.rowIdx();
        int nnz = upperTriangle.nnz();

        // 1. permuted upper triangle C with the source index of every entry
        int[] cColPtr = new int[n + 1];
        for (int j = 0; j < n; j++) {
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                int i = ri[p];
                if (i > j) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j
                            + ") lies below the diagonal: pass the upper triangle only");
                }
                cColPtr[Math.max(pinv[i], pinv[j]) + 1]++;
            }
        }
        for (int k = 0; k < n; k++) {
            cColPtr[k + 1] += cColPtr[k];
        }
        int[] cRowIdx = new int[nnz];
        int[] cSource = new int[nnz];
        int[] next = Arrays.copyOf(cColPtr, n);
        for (int j = 0; j < n; j++) {
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                int a = pinv[ri[p]];
                int b = pinv[j];
                int col = Math.max(a, b);
                int q = next[col]++;
                cRowIdx[q] = Math.min(a, b);
                cSource[q] = p;
            }
        }
        for (int k = 0; k < n; k++) {
            sortPairs(cRowIdx, cSource, cColPtr[k], cColPtr[k + 1]);
        }
        CscMatrix cPattern = new CscMatrix(n, n, cColPtr, cRowIdx, new double[nnz]);

        // 2. elimination tree and column counts
        EliminationTree tree = EliminationTree.of(cPattern);
        if (tree.nnzL() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("factor L would have " + tree.nnzL() + " entries, too many");
        }
        int nnzL = (int) tree.nnzL();
        int[] parent = tree.parent();
        int[] counts = tree.columnCounts();
        int[] lColPtr = new int[n + 1];
        for (int j = 0; j < n; j++) {
            lColPtr[j + 1] = lColPtr[j] + counts[j];
        }

        // 3. row patterns of L (etree reach of each column of C), sorted; place each entry in L's columns
        int[] rowPtr = new int[n + 1];
        int[] rowCol = new int[nnzL];
        int[] rowDest = new int[nnzL];
        int[] lRowIdx = new int[nnzL];
        int[] fill = Arrays.copyOf(lColPtr, n);
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int top = 0;
        for (int k = 0; k < n; k++) {
            mark[k] = k;
            int start = top;
            for (int p = cColPtr[k]; p < cColPtr[k + 1]; p++) {
                int i = cRowIdx[p];
                while (i != -1 && i < k && mark[i] != k) {
                    mark[i] = k;
                    rowCol[top++] = i;
                    i = parent[i];
                }
            }
            Arrays.sort(rowCol, start, top);
            for (int t = start; t < top; t++) {
                int i = rowCol[t];
                int dest = fill[i]++;
                rowDest[t] = dest;
                lRowIdx[dest] = k;
            }
            rowPtr[k + 1] = top;
        }
        return new LdlSymbolic(n, nnz, perm.clone(), pinv, parent, cColPtr, cRowIdx, cSource, lColPtr, lRowIdx,
                rowPtr, rowCol, rowDest);
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    private static void sortPairs(int[] key, int[] val, int start, int end) {
        for (int p = start + 1; p < end; p++) {
            int k = key[p];
            int v = val[p];
            int q = p - 1;
            while (q >= start && key[q] > k) {
                key[q + 1] = key[q];
                val[q + 1] = val[q];
                q--;
            }
            key[q + 1] = k;
            val[q + 1] = v;
        }
    }

    /** Dimension of the matrix. */
    public int n() {
        return n;
    }

    /** Number of stored entries in the strictly lower triangle of L. */
    public int nnzL() {
        return lRowIdx.length;
    }

    /** Number of stored entries of the analysed upper triangle (length expected of the value array). */
    public int nnzInput() {
        return nnzInput;
    }

    /** A copy of the permutation: {@code perm[k]} is the original index placed at position k. */
    public int[] permutation() {
        return perm.clone();
    }

    /** A copy of the inverse permutation: {@code pinv[i]} is the position of original index i. */
    public int[] inversePermutation() {
        return pinv.clone();
    }

    /** A copy of the elimination tree of the permuted matrix (parent of each position, -1 for roots). */
    public int[] eliminationTree() {
        return parent.clone();
    }

    /** Position of original index i in the factorization order. */
    public int inversePositionOf(int i) {
        return pinv[i];
    }

    // package-private views for LdlFactorization (never modified)
    int[] perm() {
        return perm;
    }

    int[] cColPtr() {
        return cColPtr;
    }

    int[] cRowIdx() {
        return cRowIdx;
    }

    int[] cSource() {
        return cSource;
    }

    int[] lColPtr() {
        return lColPtr;
    }

    int[] lRowIdx() {
        return lRowIdx;
    }

    int[] rowPtr() {
        return rowPtr;
    }

    int[] rowCol() {
        return rowCol;
    }

    int[] rowDest() {
        return rowDest;
    }
}
