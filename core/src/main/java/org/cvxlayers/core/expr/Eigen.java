package org.cvxlayers.core.expr;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/** Small dense symmetric eigenvalue helpers (commons-math3) for attribute checks and factorizations. */
public final class Eigen {
    private Eigen() {
    }

    /** Smallest eigenvalue of {@code sign · S} for a row-major symmetric n×n matrix S. */
    static double minEigenvalue(double[] rowMajor, int n, double sign) {
        double[] ev = new EigenDecomposition(matrix(rowMajor, n, sign)).getRealEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        for (double v : ev) {
            min = Math.min(min, v);
        }
        return min;
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /**
     * A factor {@code F} (row-major, k×n) with {@code S = Fᵀ F} for a symmetric positive semidefinite n×n
     * matrix S (row-major; column-major is the same by symmetry), dropping eigenvalues below a relative
     * tolerance. Throws if S has a clearly negative eigenvalue.
     */
    public static double[][] psdFactor(double[] s, int n, String what) {
        EigenDecomposition ed = new EigenDecomposition(matrix(s, n, 1.0));
        double[] ev = ed.getRealEigenvalues();
        double scale = Math.max(1.0, maxAbs(s));
        int k = 0;
        for (double v : ev) {
            if (v < -1e-8 * scale) {
                throw new IllegalArgumentException(what + " is not positive semidefinite (eigenvalue " + v + ")");
            }
            if (v > 1e-12 * scale) {
                k++;
            }
        }
        double[][] f = new double[k][n];
        int r = 0;
        for (int e = 0; e < ev.length; e++) {
            if (ev[e] > 1e-12 * scale) {
                double sq = Math.sqrt(ev[e]);
                double[] vec = ed.getEigenvector(e).toArray();
                for (int j = 0; j < n; j++) {
                    f[r][j] = sq * vec[j];
                }
                r++;
            }
        }
        return f;
    }

    private static Array2DRowRealMatrix matrix(double[] rowMajor, int n, double sign) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = sign * 0.5 * (rowMajor[i * n + j] + rowMajor[j * n + i]);
            }
        }
        return new Array2DRowRealMatrix(a, false);
    }
}
