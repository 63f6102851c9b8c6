package org.cvxlayers.core.expr;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Which path (sparse LDLᵀ or dense eigenvalues) decides the semidefiniteness of a matrix. */
class EigenDefinitenessTest {

    private static double[] negate(double[] a) {
        double[] b = a.clone();
        for (int k = 0; k < b.length; k++) {
            b[k] = -b[k];
        }
        return b;
    }

    @Test
    void definiteMatricesAreDecidedByTheSparseFactorization() {
        int n = 50;
        double[] q = new double[n * n];
        for (int i = 0; i < n; i++) {
            q[i + n * i] = 2.1;
            if (i + 1 < n) {
                q[i + n * (i + 1)] = -1;
                q[i + 1 + n * i] = -1;
            }
        }
        assertEquals(1, Eigen.sparseDefiniteSign(q, n, 1e-14));
        assertEquals(-1, Eigen.sparseDefiniteSign(negate(q), n, 1e-14));
        assertEquals(1, Eigen.semidefiniteSign(q, n));
        assertEquals(-1, Eigen.semidefiniteSign(negate(q), n));
    }

    @Test
    void singularSemidefiniteMatricesFallBackToEigenvalues() {
        // rank 2 with a zero pivot in any elimination order of the first block
        double[] q = {1, 1, 0, 1, 1, 0, 0, 0, 2};
        assertEquals(0, Eigen.sparseDefiniteSign(q, 3, 1e-14));
        assertEquals(1, Eigen.semidefiniteSign(q, 3));
        assertEquals(-1, Eigen.semidefiniteSign(negate(q), 3));
        // an asymmetric input counts by its symmetric part: [[1, 2], [0, 1]] → [[1, 1], [1, 1]] (PSD, singular)
        assertEquals(1, Eigen.semidefiniteSign(new double[] {1, 0, 2, 1}, 2));
    }

    @Test
    void indefiniteAndTinyMatrices() {
        double[] q = {2, 0, 0, 0, -1, 0, 0, 0, 1};
        assertEquals(0, Eigen.sparseDefiniteSign(q, 3, 1e-14));
        assertEquals(0, Eigen.semidefiniteSign(q, 3));
        // −1e-10·I lies within the PSD tolerance (1e-8): the dense test's verdict (PSD) is kept
        assertEquals(1, Eigen.semidefiniteSign(new double[] {-1e-10, 0, 0, -1e-10}, 2));
        assertEquals(1, Eigen.semidefiniteSign(new double[0], 0));
    }
}
