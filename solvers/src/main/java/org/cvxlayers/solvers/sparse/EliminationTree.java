package org.cvxlayers.solvers.sparse;

/**
 * The elimination tree of a symmetric matrix given by its upper triangle, and the column counts of its
 * Cholesky / LDLᵀ factor L (strictly lower entries per column).
 *
 * <p>Computed in one pass over the columns (Liu 1990; Davis 2006, ch. 4): for column k, every upper entry
 * (i, k), i &lt; k, starts a walk up the partial tree from i, marking the nodes visited with k. Each node
 * reached for the first time in this walk gets an entry in row k of L (so its column count grows by one);
 * a root reached without parent gets k as its parent. The total work is O(nnz(L)).
 */
public final class EliminationTree {
    private final int[] parent;
    private final int[] columnCounts;
    private final long nnzL;

    private EliminationTree(int[] parent, int[] columnCounts, long nnzL) {
        this.parent = parent;
        this.columnCounts = columnCounts;
        this.nnzL = nnzL;
    }

    /**
     * Analyses the pattern of a symmetric matrix stored as its upper triangle; entries below the diagonal
     * are ignored.
     *
     * @throws IllegalArgumentException if the matrix is not square
     */
    public static EliminationTree of(CscMatrix upper) {
        int n = upper.cols();
        if (upper.rows() != n) {
            throw new IllegalArgumentException("elimination tree needs a square matrix, got " + upper.rows() + "x" + n);
        }
        int[] cp = upper.colPtr();
        int[] ri = upper.rowIdx();
        int[] parent = new int[n];
        int[] counts = new int[n];
        int[] mark = new int[n];
        java.util.Arrays.fill(parent, -1);
        java.util.Arrays.fill(mark, -1);
        long total = 0;
        for (int k = 0; k < n; k++) {
            mark[k] = k;
            for (int p = cp[k]; p < cp[k + 1]; p++) {
                int i = ri[p];
                if (i >= k) {
                    continue;
                }
                while (mark[i] != k) {
                    if (parent[i] == -1) {
                        parent[i] = k;
                    }
                    counts[i]++;
                    total++;
                    mark[i] = k;
                    i = parent[i];
                }
            }
        }
        return new EliminationTree(parent, counts, total);
    }

    /** Number of nodes (columns). */
    public int n() {
        return parent.length;
    }

    /** parent[j] of column j, or -1 for a root. Do not modify. */
    public int[] parent() {
        return parent;
    }

    /** Number of strictly-lower entries in each column of L. Do not modify. */
    public int[] columnCounts() {
        return columnCounts;
    }

    /** Total strictly-lower entries of L (may exceed the int range for huge fill). */
    public long nnzL() {
        return nnzL;
    }

    /** A postorder of the tree (children before parents, children visited in increasing order). */
    public int[] postorder() {
        int n = parent.length;
        int[] head = new int[n];
        int[] next = new int[n];
        int[] stack = new int[n];
        int[] post = new int[n];
        java.util.Arrays.fill(head, -1);
        // push children in decreasing order so that lists come out increasing
        for (int j = n - 1; j >= 0; j--) {
            if (parent[j] != -1) {
                next[j] = head[parent[j]];
                head[parent[j]] = j;
            }
        }
        int k = 0;
        for (int root = 0; root < n; root++) {
            if (parent[root] != -1) {
                continue;
            }
            int top = 0;
            stack[0] = root;
            while (top >= 0) {
                int p = stack[top];
                int child = head[p];
                if (child == -1) {
                    top--;
                    post[k++] = p;
                } else {
                    head[p] = next[child];
                    stack[++top] = child;
                }
            }
        }
        return post;
    }
}
