package org.cvxlayers.solvers.sparse;

import java.util.Random;

/** Seeded test matrices: quasi-definite KKT systems and grid Laplacians, as upper triangles. */
final class SparseTestMatrices {
    private SparseTestMatrices() {
    }

    /**
     * Upper triangle of K = [[P + δI, Aᵀ], [A, −D]] with P sparse symmetric positive definite (diagonally
     * dominant), A an m×n sparse matrix with the given density and D a positive diagonal.
     */
    static CscMatrix randomKkt(int n, int m, double density, double delta, long seed) {
        Random rnd = new Random(seed);
        int cap = (int) (n * (double) n * density) + (int) (m * (double) n * density) + 2 * (n + m) + 16;
        int[] ti = new int[cap];
        int[] tj = new int[cap];
        double[] tv = new double[cap];
        double[] rowAbs = new double[n];
        int c = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                if (rnd.nextDouble() < density) {
                    double v = rnd.nextGaussian();
                    ti[c] = i;
                    tj[c] = j;
                    tv[c++] = v;
                    rowAbs[i] += Math.abs(v);
                    rowAbs[j] += Math.abs(v);
                }
            }
        }
        for (int j = 0; j < n; j++) {
            ti[c] = j;
            tj[c] = j;
            tv[c++] = rowAbs[j] + 0.5 + rnd.nextDouble() + delta;
        }
        for (int i = 0; i < m; i++) {
            boolean any = false;
            for (int j = 0; j < n; j++) {
                if (rnd.nextDouble() < density) {
                    any = true;
                    ti[c] = j;
                    tj[c] = n + i;
                    tv[c++] = rnd.nextGaussian();
                    if (c == cap) {
                        throw new IllegalStateException("capacity");
                    }
                }
            }
            if (!any) { // every constraint row touches at least one variable
                ti[c] = rnd.nextInt(n);
                tj[c] = n + i;
                tv[c++] = 1.0 + rnd.nextDouble();
            }
            ti[c] = n + i;
            tj[c] = n + i;
            tv[c++] = -(0.1 + rnd.nextDouble());
        }
        return CscMatrix.fromTriplets(n + m, n + m, ti, tj, tv, c);
    }

    /** Expected pivot signs of {@link #randomKkt}: +1 for the n primal rows, −1 for the m dual rows. */
    static double[] kktSigns(int n, int m) {
        double[] s = new double[n + m];
        for (int i = 0; i < n + m; i++) {
            s[i] = i < n ? 1.0 : -1.0;
        }
        return s;
    }

    /** Upper triangle of the 5-point Laplacian on a g×g grid (Dirichlet), row-major numbering. */
    static CscMatrix laplacian2d(int g) {
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

    /** A seeded random vector with entries in [-1, 1). */
    static double[] randomVector(int n, long seed) {
        Random rnd = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 2 * rnd.nextDouble() - 1;
        }
        return v;
    }

    /** ‖K x − b‖∞ / (‖K‖∞‖x‖∞ + ‖b‖∞) with K given by its upper triangle. */
    static double relativeResidual(CscMatrix upper, double[] x, double[] b) {
        int n = upper.cols();
        double[] r = new double[n];
        upper.mulSymUpperVec(1.0, x, 0.0, r);
        double rn = 0;
        double bn = 0;
        double xn = 0;
        for (int i = 0; i < n; i++) {
            rn = Math.max(rn, Math.abs(r[i] - b[i]));
            bn = Math.max(bn, Math.abs(b[i]));
            xn = Math.max(xn, Math.abs(x[i]));
        }
        double kn = 0;
        double[][] dense = null;
        // ‖K‖∞ from the upper triangle: row sums of |K|
        double[] rs = new double[n];
        int[] cp = upper.colPtr();
        int[] ri = upper.rowIdx();
        double[] v = upper.values();
        for (int j = 0; j < n; j++) {
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                rs[ri[p]] += Math.abs(v[p]);
                if (ri[p] != j) {
                    rs[j] += Math.abs(v[p]);
                }
            }
        }
        for (double s : rs) {
            kn = Math.max(kn, s);
        }
        return rn / (kn * xn + bn);
    }
}
