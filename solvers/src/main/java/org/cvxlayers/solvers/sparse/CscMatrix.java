package org.cvxlayers.solvers.sparse;

import java.util.Arrays;

/**
 * An immutable-pattern sparse matrix in compressed sparse column (CSC) form.
 *
 * <p>Column {@code j} holds the entries {@code rowIdx[colPtr[j] .. colPtr[j+1]-1]} with values at the same
 * positions of {@code values}; row indices are strictly increasing within a column. The pattern arrays are
 * never changed after construction; the value array may be refilled in place by its owner (for example an
 * interior-point workspace) through {@link #values()}, which returns the live array.
 *
 * <p>A symmetric matrix is stored as its upper triangle (row index &le; column index) and flagged by the
 * method that uses it, never by this class.
 */
public final class CscMatrix {
    private final int rows;
    private final int cols;
    private final int[] colPtr;
    private final int[] rowIdx;
    private final double[] values;

    /**
     * Wraps CSC arrays without copying. The caller hands over ownership.
     *
     * @throws IllegalArgumentException if the arrays do not describe a valid CSC matrix
     */
    public CscMatrix(int rows, int cols, int[] colPtr, int[] rowIdx, double[] values) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative dimension " + rows + "x" + cols);
        }
        if (colPtr.length != cols + 1 || colPtr[0] != 0) {
            throw new IllegalArgumentException("colPtr must have length cols+1 = " + (cols + 1) + " and start at 0");
        }
        int nnz = colPtr[cols];
        if (rowIdx.length < nnz || values.length < nnz) {
            throw new IllegalArgumentException("rowIdx/values shorter than nnz = " + nnz);
        }
        for (int j = 0; j < cols; j++) {
            if (colPtr[j + 1] < colPtr[j]) {
                throw new IllegalArgumentException("colPtr decreases at column " + j);
            }
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int i = rowIdx[p];
                if (i < 0 || i >= rows) {
                    throw new IllegalArgumentException("row index " + i + " out of range in column " + j);
                }
                if (p > colPtr[j] && rowIdx[p - 1] >= i) {
                    throw new IllegalArgumentException("row indices not strictly increasing in column " + j);
                }
            }
        }
        this.rows = rows;
        this.cols = cols;
        this.colPtr = colPtr;
        this.rowIdx = rowIdx;
        this.values = values;
    }

    /** An all-zero matrix with no stored entries. */
    public static CscMatrix zeros(int rows, int cols) {
        return new CscMatrix(rows, cols, new int[cols + 1], new int[0], new double[0]);
    }

    /** The n×n identity. */
    public static CscMatrix identity(int n) {
        int[] cp = new int[n + 1];
        int[] ri = new int[n];
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            cp[j + 1] = j + 1;
            ri[j] = j;
            v[j] = 1.0;
        }
        return new CscMatrix(n, n, cp, ri, v);
    }

    /**
     * Builds a matrix from triplets; duplicate (row, col) entries are summed. Explicit zeros are kept as
     * stored entries (they belong to the pattern).
     */
    public static CscMatrix fromTriplets(int rows, int cols, int[] ti, int[] tj, double[] tv, int count) {
        if (ti.length < count || tj.length < count || tv.length < count) {
            throw new IllegalArgumentException("triplet arrays shorter than count = " + count);
        }
        int[] cnt = new int[cols + 1];
        for (int k = 0; k < count; k++) {
            if (ti[k] < 0 || ti[k] >= rows || tj[k] < 0 || tj[k] >= cols) {
                throw new IllegalArgumentException(
                        "triplet " + k + " at (" + ti[k] + ", " + tj[k] + ") outside " + rows + "x" + cols);
            }
            cnt[tj[k] + 1]++;
        }
        for (int j = 0; j < cols; j++) {
            cnt[j + 1] += cnt[j];
        }
        int[] next = Arrays.copyOf(cnt, cols);
        int[] ri = new int[count];
        double[] rv = new double[count];
        for (int k = 0; k < count; k++) {
            int p = next[tj[k]]++;
            ri[p] = ti[k];
            rv[p] = tv[k];
        }
        // sort each column by row and sum duplicates
        int[] cp = new int[cols + 1];
        int out = 0;
        for (int j = 0; j < cols; j++) {
            int start = cnt[j];
            int end = cnt[j + 1];
            sortByRow(ri, rv, start, end);
            cp[j] = out;
            for (int p = start; p < end; p++) {
                if (out > cp[j] && ri[out - 1] == ri[p]) {
                    rv[out - 1] += rv[p];
                } else {
                    ri[out] = ri[p];
                    rv[out] = rv[p];
                    out++;
                }
            }
        }
        cp[cols] = out;
        return new CscMatrix(rows, cols, cp, Arrays.copyOf(ri, out), Arrays.copyOf(rv, out));
    }

    /** Convenience overload using the full length of the triplet arrays. */
    public static CscMatrix fromTriplets(int rows, int cols, int[] ti, int[] tj, double[] tv) {
        return fromTriplets(rows, cols, ti, tj, tv, ti.length);
    }

    /** Builds a CSC matrix from a dense row-major array, keeping nonzero entries only. */
    public static CscMatrix fromDense(double[][] a) {
        int m = a.length;
        int n = m == 0 ? 0 : a[0].length;
        int nnz = 0;
        for (double[] row : a) {
            for (double v : row) {
                if (v != 0.0) {
                    nnz++;
                }
            }
        }
        int[] cp = new int[n + 1];
        int[] ri = new int[nnz];
        double[] v = new double[nnz];
        int p = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                if (a[i][j] != 0.0) {
                    ri[p] = i;
                    v[p++] = a[i][j];
                }
            }
            cp[j + 1] = p;
        }
        return new CscMatrix(m, n, cp, ri, v);
    }

    private static void sortByRow(int[] ri, double[] rv, int start, int end) {
        // insertion sort: columns are short and usually nearly sorted
        for (int p = start + 1; p < end; p++) {
            int r = ri[p];
            double v = rv[p];
            int q = p - 1;
            while (q >= start && ri[q] > r) {
                ri[q + 1] = ri[q];
                rv[q + 1] = rv[q];
                q--;
            }
            ri[q + 1] = r;
            rv[q + 1] = v;
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** Number of stored entries. */
    public int nnz() {
        return colPtr[cols];
    }

    /** Column pointers (length cols+1). Do not modify. */
    public int[] colPtr() {
        return colPtr;
    }

    /** Row indices of stored entries. Do not modify. */
    public int[] rowIdx() {
        return rowIdx;
    }

    /** The live value array (length &ge; nnz); may be refilled in place by the owner of this matrix. */
    public double[] values() {
        return values;
    }

    /** A copy with the same (shared) pattern and copied values. */
    public CscMatrix copy() {
        return new CscMatrix(rows, cols, colPtr, rowIdx, Arrays.copyOf(values, nnz()));
    }

    /** A matrix with this pattern (shared) and the given values (not copied). */
    public CscMatrix withValues(double[] newValues) {
        if (newValues.length < nnz()) {
            throw new IllegalArgumentException("expected " + nnz() + " values, got " + newValues.length);
        }
        return new CscMatrix(rows, cols, colPtr, rowIdx, newValues);
    }

    /** Entry (i, j), zero if not stored; O(log nnz(column)). */
    public double get(int i, int j) {
        int lo = colPtr[j];
        int hi = colPtr[j + 1] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int r = rowIdx[mid];
            if (r == i) {
                return values[mid];
            } else if (r < i) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return 0.0;
    }

    /** y = alpha * A x + beta * y. */
    public void mulVec(double alpha, double[] x, double beta, double[] y) {
        scale(y, rows, beta);
        for (int j = 0; j < cols; j++) {
            double xj = alpha * x[j];
            if (xj == 0.0) {
                continue;
            }
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                y[rowIdx[p]] += values[p] * xj;
            }
        }
    }

    /** y = alpha * Aᵀ x + beta * y. */
    public void mulTransVec(double alpha, double[] x, double beta, double[] y) {
        for (int j = 0; j < cols; j++) {
            double s = 0.0;
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                s += values[p] * x[rowIdx[p]];
            }
            y[j] = (beta == 0.0 ? 0.0 : beta * y[j]) + alpha * s;
        }
    }

    /**
     * y = alpha * S x + beta * y where S is the symmetric matrix whose upper triangle this matrix stores
     * (entries below the diagonal, if any, are ignored).
     */
    public void mulSymUpperVec(double alpha, double[] x, double beta, double[] y) {
        scale(y, rows, beta);
        for (int j = 0; j < cols; j++) {
            double yj = 0.0;
            double xj = x[j];
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int i = rowIdx[p];
                if (i > j) {
                    continue;
                }
                double v = values[p];
                y[i] += alpha * v * xj;
                if (i != j) {
                    yj += v * x[i];
                }
            }
            y[j] += alpha * yj;
        }
    }

    private static void scale(double[] y, int n, double beta) {
        if (beta == 0.0) {
            Arrays.fill(y, 0, n, 0.0);
        } else if (beta != 1.0) {
            for (int i = 0; i < n; i++) {
                y[i] *= beta;
            }
        }
    }

    /** The transpose, as a new matrix. */
    public CscMatrix transpose() {
        int nnz = nnz();
        int[] cp = new int[rows + 1];
        for (int p = 0; p < nnz; p++) {
            cp[rowIdx[p] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            cp[i + 1] += cp[i];
        }
        int[] next = Arrays.copyOf(cp, rows);
        int[] ri = new int[nnz];
        double[] v = new double[nnz];
        for (int j = 0; j < cols; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int q = next[rowIdx[p]]++;
                ri[q] = j;
                v[q] = values[p];
            }
        }
        return new CscMatrix(cols, rows, cp, ri, v);
    }

    /**
     * The symmetric permutation C = P S Pᵀ of the symmetric matrix S whose upper triangle this matrix
     * stores, again as an upper triangle: S(perm[a], perm[b]) becomes C(a, b). Entries that would fall below
     * the diagonal are reflected into the upper triangle.
     *
     * @param perm {@code perm[k]} = original index placed at position k
     * @throws IllegalArgumentException if the matrix is not square, has entries below the diagonal, or
     *                                  {@code perm} is not a permutation
     */
    public CscMatrix permuteSymmetricUpper(int[] perm) {
        if (rows != cols || perm.length != cols) {
            throw new IllegalArgumentException(
                    "symmetric permutation of " + rows + "x" + cols + " by a permutation of length " + perm.length);
        }
        int n = cols;
        int[] pinv = new int[n];
        Arrays.fill(pinv, -1);
        for (int k = 0; k < n; k++) {
            if (perm[k] < 0 || perm[k] >= n || pinv[perm[k]] != -1) {
                throw new IllegalArgumentException("perm[" + k + "] = " + perm[k] + " is out of range or repeated");
            }
            pinv[perm[k]] = k;
        }
        int nnz = nnz();
        int[] cp = new int[n + 1];
        for (int j = 0; j < n; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                if (rowIdx[p] > j) {
                    throw new IllegalArgumentException("entry (" + rowIdx[p] + ", " + j + ") lies below the diagonal");
                }
                cp[Math.max(pinv[rowIdx[p]], pinv[j]) + 1]++;
            }
        }
        for (int k = 0; k < n; k++) {
            cp[k + 1] += cp[k];
        }
        int[] next = Arrays.copyOf(cp, n);
        int[] ri = new int[nnz];
        double[] v = new double[nnz];
        for (int j = 0; j < n; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int a = pinv[rowIdx[p]];
                int b = pinv[j];
                int q = next[Math.max(a, b)]++;
                ri[q] = Math.min(a, b);
                v[q] = values[p];
            }
        }
        for (int k = 0; k < n; k++) {
            sortByRow(ri, v, cp[k], cp[k + 1]);
        }
        return new CscMatrix(n, n, cp, ri, v);
    }

    /** Dense row-major copy, for tests and small problems. */
    public double[][] toDense() {
        double[][] d = new double[rows][cols];
        for (int j = 0; j < cols; j++) {
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                d[rowIdx[p]][j] += values[p];
            }
        }
        return d;
    }

    @Override
    public String toString() {
        return "CscMatrix[" + rows + "x" + cols + ", nnz=" + nnz() + "]";
    }
}
