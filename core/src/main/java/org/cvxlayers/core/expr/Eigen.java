package org.cvxlayers.core.expr;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.cvxlayers.solvers.sparse.LdlFactorization;
import org.cvxlayers.solvers.sparse.LdlSymbolic;
import org.cvxlayers.solvers.sparse.Ordering;
import org.cvxlayers.solvers.sparse.SingularMatrixException;

/** Small dense symmetric eigenvalue helpers (commons-math3) for attribute checks and factorizations. */
public final class Eigen {
    /** Eigenvalues below {@code -PSD_TOL · max(1, max|S|)} make a matrix not PSD (as in {@link #psdFactor}). */
    private static final double PSD_TOL = 1e-8;
    /** Sparse test: every LDLᵀ pivot must exceed this times {@code max(1, max|S|)} to prove definiteness. */
    private static final double PIVOT_TOL = 1e-14;

    private Eigen() {
    }

    /**
     * Semidefiniteness of the symmetric part of an n×n matrix S (row- or column-major): +1 if PSD, −1 if NSD,
     * 0 if neither (or n = 0 counts as PSD). A sparse LDLᵀ of S (then of −S) with all pivots clearly positive
     * proves definiteness in about the cost of the factorization; only when both are inconclusive (a zero
     * or negative pivot: S may be singular semidefinite or indefinite) the dense eigenvalue test decides,
     * with the same tolerance as {@link #psdFactor}.
     */
    public static int semidefiniteSign(double[] s, int n) {
        if (n == 0) {
            return 1;
        }
        double scale = Math.max(1.0, maxAbs(s));
        int sparse = sparseDefiniteSign(s, n, PIVOT_TOL * scale);
        if (sparse > 0) {
            return 1;
        }
        if (sparse < 0 && maxAbsDiagonal(s, n) > PSD_TOL * scale) {
            // −S definite: the tolerant PSD test below accepts S only if ‖S‖₂ ≤ PSD_TOL·scale, and
            // ‖S‖₂ ≥ max |S_jj| rules that out, so the answer matches the dense test exactly
            return -1;
        }
        double[] ev = new EigenDecomposition(matrix(s, n, 1.0)).getRealEigenvalues();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : ev) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min >= -PSD_TOL * scale) {
            return 1;
        }
        return max <= PSD_TOL * scale ? -1 : 0;
    }

    /**
     * +1 if the symmetric part of S is positive definite by an unregularized sparse LDLᵀ (all pivots above
     * {@code pivotTol}), −1 if −S is, else 0 (inconclusive).
     */
    static int sparseDefiniteSign(double[] s, int n, double pivotTol) {
        int count = n;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                if (s[i + n * j] != 0.0 || s[j + n * i] != 0.0) {
                    count++;
                }
            }
        }
        int[] ti = new int[count];
        int[] tj = new int[count];
        double[] tv = new double[count];
        int k = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                double a = s[i + n * j];
                double b = s[j + n * i];
                if (a != 0.0 || b != 0.0) {
                    ti[k] = i;
                    tj[k] = j;
                    tv[k++] = 0.5 * (a + b);
                }
            }
            // the diagonal always belongs to the pattern, even when zero
            ti[k] = j;
            tj[k] = j;
            tv[k++] = s[j + n * j];
        }
        CscMatrix upper = CscMatrix.fromTriplets(n, n, ti, tj, tv);
        LdlFactorization ldl = new LdlFactorization(LdlSymbolic.analyze(upper, Ordering.AMD));
        double[] values = upper.values().clone();
        for (int sign = 1; sign >= -1; sign -= 2) {
            if (sign < 0) {
                for (int p = 0; p < values.length; p++) {
                    values[p] = -values[p];
                }
            }
            if (allPivotsAbove(ldl, values, n, pivotTol)) {
                return sign;
            }
        }
        return 0;
    }

    private static boolean allPivotsAbove(LdlFactorization ldl, double[] values, int n, double tol) {
        try {
            ldl.factor(values);
        } catch (SingularMatrixException zeroPivot) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!(ldl.pivot(i) > tol)) {
                return false;
            }
        }
        return true;
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

    private static double maxAbsDiagonal(double[] s, int n) {
        double m = 0;
        for (int j = 0; j < n; j++) {
            m = Math.max(m, Math.abs(s[j + n * j]));
        }
        return m;
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
