package org.cvxlayers.benchmarks.sparse;

import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcs;
import edu.emory.mathcs.csparsej.tdouble.Dcs_util;
import java.util.Random;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.ejml.data.DMatrixSparseCSC;
import org.ojalgo.matrix.store.R064CSC;
import org.ojalgo.matrix.store.R064Store;

/** Seeded benchmark matrices (upper triangles) and conversions to the peers' formats. */
public final class SparseCases {
    private SparseCases() {
    }

    /** One named case: the upper triangle and the expected pivot signs (null for positive definite). */
    public record Case(String name, CscMatrix upper, double[] signs) {
        public boolean positiveDefinite() {
            return signs == null;
        }
    }

    /** Names: grid50, grid100, grid200 (5-point Laplacians), kkt600, kkt6000 (random quasi-definite KKT). */
    public static Case named(String name) {
        return switch (name) {
            case "grid30" -> new Case(name, laplacian2d(30), null);
            case "grid50" -> new Case(name, laplacian2d(50), null);
            case "grid100" -> new Case(name, laplacian2d(100), null);
            case "grid200" -> new Case(name, laplacian2d(200), null);
            case "kkt600" -> new Case(name, randomKkt(400, 200, 3, 3, 1), kktSigns(400, 200));
            case "kkt6000" -> new Case(name, randomKkt(4000, 2000, 3, 3, 2), kktSigns(4000, 2000));
            default -> throw new IllegalArgumentException("unknown case " + name);
        };
    }

    /** Upper triangle of the 5-point Laplacian on a g×g grid, row-major numbering. */
    public static CscMatrix laplacian2d(int g) {
        int n = g * g;
        int[] ti = new int[3 * n];
        int[] tj = new int[3 * n];
        double[] tv = new double[3 * n];
        int c = 0;
        for (int y = 0; y < g; y++) {
            for (int x = 0; x < g; x++) {
                int k = y * g + x;
                ti[c] = k;
                tj[c] = k;
                tv[c++] = 4.0;
                if (x > 0) {
                    ti[c] = k - 1;
                    tj[c] = k;
                    tv[c++] = -1.0;
                }
                if (y > 0) {
                    ti[c] = k - g;
                    tj[c] = k;
                    tv[c++] = -1.0;
                }
            }
        }
        return CscMatrix.fromTriplets(n, n, ti, tj, tv, c);
    }

    /**
     * Upper triangle of [[P + I, Aᵀ], [A, −D]]: P symmetric with about {@code pPerCol} random off-diagonal
     * entries per column (diagonally dominant), A m×n with about {@code aPerRow} entries per row, D positive
     * diagonal. Quasi-definite.
     */
    public static CscMatrix randomKkt(int n, int m, int pPerCol, int aPerRow, long seed) {
        Random rnd = new Random(seed);
        int cap = n * (pPerCol + 1) + m * (aPerRow + 1);
        int[] ti = new int[cap];
        int[] tj = new int[cap];
        double[] tv = new double[cap];
        double[] rowAbs = new double[n];
        int c = 0;
        for (int j = 1; j < n; j++) {
            for (int t = 0; t < pPerCol; t++) {
                int i = rnd.nextInt(j);
                double v = rnd.nextGaussian();
                ti[c] = i;
                tj[c] = j;
                tv[c++] = v;
                rowAbs[i] += Math.abs(v);
                rowAbs[j] += Math.abs(v);
            }
        }
        for (int j = 0; j < n; j++) {
            ti[c] = j;
            tj[c] = j;
            tv[c++] = rowAbs[j] + 1.0;
        }
        for (int i = 0; i < m; i++) {
            for (int t = 0; t < aPerRow; t++) {
                ti[c] = rnd.nextInt(n);
                tj[c] = n + i;
                tv[c++] = rnd.nextGaussian();
            }
            ti[c] = n + i;
            tj[c] = n + i;
            tv[c++] = -(0.1 + rnd.nextDouble());
        }
        return CscMatrix.fromTriplets(n + m, n + m, ti, tj, tv, c);
    }

    public static double[] kktSigns(int n, int m) {
        double[] s = new double[n + m];
        for (int i = 0; i < n + m; i++) {
            s[i] = i < n ? 1.0 : -1.0;
        }
        return s;
    }

    public static double[] randomVector(int n, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * rnd.nextDouble() - 1;
        }
        return v;
    }

    /** CSparse-for-Java copy (upper triangle). */
    public static Dcs toCs(CscMatrix a) {
        int nnz = a.nnz();
        Dcs c = Dcs_util.cs_spalloc(a.rows(), a.cols(), nnz, true, false);
        System.arraycopy(a.colPtr(), 0, c.p, 0, a.cols() + 1);
        System.arraycopy(a.rowIdx(), 0, c.i, 0, nnz);
        System.arraycopy(a.values(), 0, c.x, 0, nnz);
        c.nz = -1;
        return c;
    }

    /** EJML copy (same triangle as given). */
    public static DMatrixSparseCSC toEjml(CscMatrix a) {
        int nnz = a.nnz();
        DMatrixSparseCSC e = new DMatrixSparseCSC(a.rows(), a.cols(), nnz);
        System.arraycopy(a.colPtr(), 0, e.col_idx, 0, a.cols() + 1);
        System.arraycopy(a.rowIdx(), 0, e.nz_rows, 0, nnz);
        System.arraycopy(a.values(), 0, e.nz_values, 0, nnz);
        e.nz_length = nnz;
        e.indicesSorted = true;
        return e;
    }

    /** ojAlgo compressed-column copy (same triangle as given). */
    public static R064CSC toOjalgoCsc(CscMatrix a) {
        int nnz = a.nnz();
        return new R064CSC(a.rows(), a.cols(), java.util.Arrays.copyOf(a.values(), nnz),
                java.util.Arrays.copyOf(a.rowIdx(), nnz), a.colPtr().clone());
    }

    /** ojAlgo dense copy of the full symmetric matrix. */
    public static R064Store toOjalgoDense(CscMatrix upper) {
        int n = upper.cols();
        R064Store d = R064Store.FACTORY.make(n, n);
        int[] cp = upper.colPtr();
        int[] ri = upper.rowIdx();
        double[] v = upper.values();
        for (int j = 0; j < n; j++) {
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                d.add(ri[p], j, v[p]);
                if (ri[p] != j) {
                    d.add(j, ri[p], v[p]);
                }
            }
        }
        return d;
    }
}
