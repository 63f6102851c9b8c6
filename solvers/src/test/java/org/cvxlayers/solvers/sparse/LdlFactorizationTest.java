package org.cvxlayers.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LdlFactorizationTest {

    @ParameterizedTest
    @CsvSource({"5,3,0.5,1", "30,20,0.2,2", "120,80,0.05,3", "400,250,0.01,4"})
    void solvesRandomQuasiDefiniteKkt(int n, int m, double density, long seed) {
        CscMatrix k = SparseTestMatrices.randomKkt(n, m, density, 1e-6, seed);
        for (Ordering ord : Ordering.values()) {
            LdlSymbolic sym = LdlSymbolic.analyze(k, ord);
            LdlFactorization f = new LdlFactorization(sym);
            assertEquals(0, f.factor(k.values(), null, 0, 0));
            double[] b = SparseTestMatrices.randomVector(n + m, seed + 100);
            double[] x = new double[n + m];
            f.solve(b, x);
            assertTrue(SparseTestMatrices.relativeResidual(k, x, b) <= 1e-10, ord.toString());
            assertEquals(n, f.positivePivots());
        }
    }

    @Test
    void randomPermutationMovesEntriesBelowTheDiagonalCorrectly() {
        CscMatrix k = SparseTestMatrices.randomKkt(60, 40, 0.08, 1e-6, 7);
        int[] perm = new int[100];
        for (int i = 0; i < 100; i++) {
            perm[i] = i;
        }
        java.util.Random rnd = new java.util.Random(11);
        for (int i = 99; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(k, perm));
        f.factor(k.values(), SparseTestMatrices.kktSigns(60, 40), 1e-13, 1e-7);
        double[] b = SparseTestMatrices.randomVector(100, 5);
        double[] x = b.clone();
        f.solve(x);
        assertTrue(SparseTestMatrices.relativeResidual(k, x, b) <= 1e-10);
    }

    @Test
    void zeroPivotWithoutRegularizationNamesTheColumn() {
        // [[1, 1], [1, 1]] is singular: the second pivot is exactly 0
        CscMatrix k = CscMatrix.fromTriplets(2, 2, new int[] {0, 0, 1}, new int[] {0, 1, 1},
                new double[] {1, 1, 1});
        LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(k, Ordering.NATURAL));
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> f.factor(k.values()));
        assertEquals(1, e.column());
        assertThrows(IllegalStateException.class, () -> f.solve(new double[2]));
        // still usable afterwards
        f.factor(new double[] {2, 1, 1});
        double[] b = {3, 2};
        f.solve(b);
        assertArrayEquals(new double[] {1, 1}, b, 1e-14);
    }
}
