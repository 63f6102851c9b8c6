package org.cvxlayers.core;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Seeded random data and small dense linear algebra (commons-math3) for reference solutions. */
final class TestData {
    private TestData() {
    }

    static double[][] randn(Random r, int m, int n) {
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = r.nextGaussian();
            }
        }
        return a;
    }

    static double[] randn(Random r, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    /** Solves the square system M x = v. */
    static double[] solve(double[][] m, double[] v) {
        return new LUDecomposition(new Array2DRowRealMatrix(m)).getSolver().solve(new ArrayRealVector(v)).toArray();
    }

    /** argmin ‖Ax − b‖² by the normal equations AᵀA x = Aᵀb. */
    static double[] leastSquares(double[][] a, double[] b) {
        RealMatrix am = new Array2DRowRealMatrix(a);
        RealMatrix ata = am.transpose().multiply(am);
        double[] atb = am.transpose().operate(b);
        return solve(ata.getData(), atb);
    }

    static double[] mul(double[][] a, double[] x) {
        return new Array2DRowRealMatrix(a).operate(x);
    }

    static double[] mulT(double[][] a, double[] y) {
        return new Array2DRowRealMatrix(a).transpose().operate(y);
    }

    static double[] minus(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] - b[i];
        }
        return c;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm2(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    /** A random symmetric positive definite matrix F Fᵀ + δ I. */
    static double[][] spd(Random r, int n, double delta) {
        double[][] f = randn(r, n, n);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    s[i][j] += f[i][k] * f[j][k];
                }
            }
            s[i][i] += delta;
        }
        return s;
    }

    /** Euclidean projection onto the probability simplex (sort-based closed form). */
    static double[] projectSimplex(double[] y, double radius) {
        double[] u = y.clone();
        java.util.Arrays.sort(u);
        int n = u.length;
        double cum = 0;
        double theta = 0;
        for (int k = 1; k <= n; k++) {
            cum += u[n - k];
            double t = (cum - radius) / k;
            if (u[n - k] - t > 0) {
                theta = t;
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(y[i] - theta, 0);
        }
        return x;
    }

    /** Euclidean projection onto the ℓ1 ball of the given radius. */
    static double[] projectL1Ball(double[] y, double radius) {
        double l1 = 0;
        for (double v : y) {
            l1 += Math.abs(v);
        }
        if (l1 <= radius) {
            return y.clone();
        }
        double[] a = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            a[i] = Math.abs(y[i]);
        }
        double[] p = projectSimplex(a, radius);
        for (int i = 0; i < y.length; i++) {
            p[i] *= Math.signum(y[i]);
        }
        return p;
    }
}
