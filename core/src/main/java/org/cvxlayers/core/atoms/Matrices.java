package org.cvxlayers.core.atoms;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.ShapeException;

/** Dense numerics (commons-math3) for evaluating the PSD atoms, and their shape checks. */
final class Matrices {
    private Matrices() {
    }

    /** The n of a square n×n expression (a scalar counts as 1×1), else a ShapeException naming the atom. */
    static int requireSquare(String atom, Expression x) {
        if (x.shape().isScalar()) {
            return 1;
        }
        if (!x.shape().isMatrix() || x.shape().rows() != x.shape().cols()) {
            throw new ShapeException(atom + "(" + x + "): the argument must be a square matrix, got " + x.shape());
        }
        return x.shape().rows();
    }

    /** Rows of a matrix expression (vectors are columns). */
    static int rows(Expression x) {
        return x.shape().isMatrix() ? x.shape().rows() : x.size();
    }

    static int cols(Expression x) {
        return x.shape().isMatrix() ? x.shape().cols() : 1;
    }

    /** The symmetric part (A + Aᵀ)/2 of a column-major n×n array. */
    static RealMatrix symmetricPart(double[] colMajor, int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = 0.5 * (colMajor[i + n * j] + colMajor[j + n * i]);
            }
        }
        return new Array2DRowRealMatrix(a, false);
    }

    /** Eigenvalues of the symmetric part, in decreasing order. */
    static double[] eigenvalues(double[] colMajor, int n) {
        double[] ev = new EigenDecomposition(symmetricPart(colMajor, n)).getRealEigenvalues();
        java.util.Arrays.sort(ev);
        for (int i = 0; i < ev.length / 2; i++) {
            double t = ev[i];
            ev[i] = ev[ev.length - 1 - i];
            ev[ev.length - 1 - i] = t;
        }
        return ev;
    }

    /** Singular values of a column-major m×n array, decreasing. */
    static double[] singularValues(double[] colMajor, int m, int n) {
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = colMajor[i + m * j];
            }
        }
        return new SingularValueDecomposition(new Array2DRowRealMatrix(a, false)).getSingularValues();
    }
}
