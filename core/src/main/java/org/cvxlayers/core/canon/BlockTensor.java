package org.cvxlayers.core.canon;

import java.util.ArrayList;
import java.util.List;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * Assembles a column-major N×N affine matrix from blocks, for the linear matrix inequalities of the PSD
 * atoms (e.g. {@code [[t·I, A], [Aᵀ, t·I]] ⪰ 0}). Blocks are placed through sparse selection maps, so the cost
 * is linear in the blocks' entries.
 */
public final class BlockTensor {
    private final int n;
    private final List<AffineTensor> parts = new ArrayList<>();

    /** An N×N matrix, zero until blocks are placed. */
    public BlockTensor(int n) {
        this.n = n;
    }

    /**
     * Adds the column-major {@code rows×cols} block {@code b} at {@code (r0, c0)}; with {@code mirror} also its
     * transpose at {@code (c0, r0)} (the symmetric counterpart of an off-diagonal block).
     */
    public BlockTensor place(AffineTensor b, int rows, int cols, int r0, int c0, boolean mirror) {
        int size = rows * cols;
        int cnt = mirror ? 2 * size : size;
        int[] ti = new int[cnt];
        int[] tj = new int[cnt];
        double[] tv = new double[cnt];
        int k = 0;
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                int src = i + rows * j;
                ti[k] = (r0 + i) + n * (c0 + j);
                tj[k] = src;
                tv[k++] = 1.0;
                if (mirror) {
                    ti[k] = (c0 + j) + n * (r0 + i);
                    tj[k] = src;
                    tv[k++] = 1.0;
                }
            }
        }
        parts.add(b.apply(CscMatrix.fromTriplets(n * n, size, ti, tj, tv, cnt)));
        return this;
    }

    /**
     * Adds {@code d} on the diagonal from {@code (r0, r0)} for {@code count} entries: a scalar d times the
     * identity, or a vector d of length count as a diagonal matrix.
     */
    public BlockTensor diagonal(AffineTensor d, int r0, int count) {
        int[] ti = new int[count];
        int[] tj = new int[count];
        double[] tv = new double[count];
        for (int i = 0; i < count; i++) {
            ti[i] = (r0 + i) + n * (r0 + i);
            tj[i] = d.size() == 1 ? 0 : i;
            tv[i] = 1.0;
        }
        parts.add(d.apply(CscMatrix.fromTriplets(n * n, d.size(), ti, tj, tv, count)));
        return this;
    }

    /** The assembled N×N tensor (column-major). */
    public AffineTensor build() {
        return parts.isEmpty() ? AffineTensor.zeros(n * n) : AffineTensor.sum(parts.toArray(new AffineTensor[0]));
    }

    /**
     * A new symmetric n×n matrix variable as a column-major tensor: n(n+1)/2 columns, entries (i, j) and (j, i)
     * sharing one column (so no free antisymmetric part is left to the solver).
     */
    public static AffineTensor symmetricVariable(CanonContext ctx, int n) {
        AffineTensor v = ctx.newVariable(n * (n + 1) / 2);
        return v.apply(triangleMap(n, true));
    }

    /** A new lower-triangular n×n matrix variable (column-major tensor; zeros above the diagonal). */
    public static AffineTensor lowerTriangularVariable(CanonContext ctx, int n) {
        AffineTensor v = ctx.newVariable(n * (n + 1) / 2);
        return v.apply(triangleMap(n, false));
    }

    /** The map from the packed lower triangle (column by column) to the full column-major matrix. */
    private static CscMatrix triangleMap(int n, boolean symmetric) {
        int cnt = symmetric ? n * n : n * (n + 1) / 2;
        int[] ti = new int[cnt];
        int[] tj = new int[cnt];
        double[] tv = new double[cnt];
        int k = 0;
        int p = 0;
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                ti[k] = i + n * j;
                tj[k] = p;
                tv[k++] = 1.0;
                if (symmetric && i != j) {
                    ti[k] = j + n * i;
                    tj[k] = p;
                    tv[k++] = 1.0;
                }
                p++;
            }
        }
        return CscMatrix.fromTriplets(n * n, n * (n + 1) / 2, ti, tj, tv, cnt);
    }

    /** The diagonal entries of a column-major n×n tensor, as a vector tensor. */
    public static AffineTensor diagonalOf(AffineTensor m, int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i + n * i;
        }
        return m.select(rows);
    }
}
