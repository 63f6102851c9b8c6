package org.cvxlayers.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LdlFactorizationTest {

    private static double maxAbsDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static double normInf(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    @ParameterizedTest(name = "n={0} m={1} density={2}")
    @CsvSource({"5,3,0.5,1", "30,20,0.2,2", "120,80,0.05,3", "400,250,0.01,4", "60,90,0.1,5", "300,100,0.03,6"})
    void solvesRandomQuasiDefiniteKktLikeDenseReference(int n, int m, double density, long seed) {
        CscMatrix k = SparseTestMatrices.randomKkt(n, m, density, 1e-6, seed);
        double[] b = SparseTestMatrices.randomVector(n + m, seed + 100);
        double[] dense = DenseReference.solve(k, b);
        for (Ordering ord : Ordering.values()) {
            LdlSymbolic sym = LdlSymbolic.analyze(k, ord);
            LdlFactorization f = new LdlFactorization(sym);
            assertEquals(0, f.factor(k.values(), SparseTestMatrices.kktSigns(n, m), 1e-13, 1e-7));
            double[] x = new double[n + m];
            f.solve(b, x);
            double res = SparseTestMatrices.relativeResidual(k, x, b);
            assertTrue(res <= 1e-10, ord + " residual " + res);
            assertTrue(maxAbsDiff(x, dense) <= 1e-8 * (1 + normInf(dense)), ord + " differs from dense solve");
            // quasi-definite: inertia (n positive, m negative pivots)
            assertEquals(n, f.positivePivots());
            // in-place variant gives the same bits
            double[] y = b.clone();
            f.solve(y);
            assertArrayEquals(x, y, 0.0);
        }
    }

    @Test
    void refactoringOnTheSamePatternEqualsAFreshFactorization() {
        CscMatrix k1 = SparseTestMatrices.randomKkt(150, 100, 0.04, 1e-6, 21);
        CscMatrix k2 = SparseTestMatrices.randomKkt(150, 100, 0.04, 1e-6, 21);
        // same pattern, new values
        double[] v2 = k2.values().clone();
        java.util.Random rnd = new java.util.Random(3);
        for (int p = 0; p < v2.length; p++) {
            v2[p] *= 1 + 0.3 * rnd.nextDouble();
        }
        LdlSymbolic sym = LdlSymbolic.analyze(k1, Ordering.AMD);
        LdlFactorization reused = new LdlFactorization(sym);
        reused.factor(k1.values());
        reused.factor(v2);
        LdlFactorization fresh = new LdlFactorization(LdlSymbolic.analyze(k1.withValues(v2), Ordering.AMD));
        fresh.factor(v2);
        double[] b = SparseTestMatrices.randomVector(250, 8);
        double[] x1 = new double[250];
        double[] x2 = new double[250];
        reused.solve(b, x1);
        fresh.solve(b, x2);
        assertArrayEquals(x2, x1, 0.0);
        assertTrue(SparseTestMatrices.relativeResidual(k1.withValues(v2), x1, b) <= 1e-10);
    }

    @Test
    void oneByOne() {
        CscMatrix k = CscMatrix.fromTriplets(1, 1, new int[] {0}, new int[] {0}, new double[] {-4.0});
        for (Ordering ord : Ordering.values()) {
            LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(k, ord));
            f.factor(k.values());
            double[] b = {2.0};
            f.solve(b);
            assertEquals(-0.5, b[0], 0.0);
            assertEquals(0, f.positivePivots());
        }
    }

    @Test
    void emptyColumnIsSingularWithoutSignsAndRegularizedWithSigns() {
        // diag(2, <empty>, 5) with a coupling (0,2)
        CscMatrix k = CscMatrix.fromTriplets(3, 3, new int[] {0, 0, 2}, new int[] {0, 2, 2},
                new double[] {2, 1, 5});
        for (Ordering ord : Ordering.values()) {
            LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(k, ord));
            SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> f.factor(k.values()));
            assertEquals(1, e.column());
            assertEquals(0.0, e.pivot());
            int reg = f.factor(k.values(), new double[] {1, 1, 1}, 1e-12, 1e-3);
            assertEquals(1, reg);
            assertEquals(1e-3, f.pivot(1), 0.0);
            double[] b = {3, 1e-3, 6};
            f.solve(b);
            assertArrayEquals(new double[] {1, 1, 1}, b, 1e-14);
        }
    }

    @Test
    void duplicateTripletsAreSummed() {
        // K = [[4, 1], [1, -3]] given with the diagonal split into pieces and the off-diagonal twice
        CscMatrix k = CscMatrix.fromTriplets(2, 2, new int[] {0, 0, 0, 0, 1, 1},
                new int[] {0, 0, 1, 1, 1, 1}, new double[] {1, 3, 0.25, 0.75, -1, -2});
        assertEquals(3, k.nnz());
        LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(k, Ordering.AMD));
        f.factor(k.values());
        double[] b = {5, -2}; // x = (1, 1)
        f.solve(b);
        assertArrayEquals(new double[] {1, 1}, b, 1e-15);
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
        LdlSymbolic sym = LdlSymbolic.analyze(k, perm);
        assertArrayEquals(perm, sym.permutation());
        // nnz(L) equals the elimination-tree count of the explicitly permuted matrix
        assertEquals(EliminationTree.of(k.permuteSymmetricUpper(perm)).nnzL(), sym.nnzL());
        LdlFactorization f = new LdlFactorization(sym);
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
        assertEquals(1, e.position());
        assertTrue(e.getMessage().contains("column 1"));
        assertThrows(IllegalStateException.class, () -> f.solve(new double[2]));
        // still usable afterwards
        f.factor(new double[] {2, 1, 1});
        double[] b = {3, 2};
        f.solve(b);
        assertArrayEquals(new double[] {1, 1}, b, 1e-14);
    }

    @Test
    void nonFinitePivotThrowsEvenWithSigns() {
        CscMatrix k = CscMatrix.fromTriplets(2, 2, new int[] {0, 1}, new int[] {0, 1}, new double[] {1, 1});
        LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(k, Ordering.NATURAL));
        SingularMatrixException e = assertThrows(SingularMatrixException.class,
                () -> f.factor(new double[] {1, Double.NaN}, new double[] {1, 1}, 1e-12, 1e-7));
        assertEquals(1, e.column());
    }

    @Test
    void dynamicRegularizationCountsZeroAndWrongSignPivots() {
        // KKT whose constraint rows 3, 10, 24 have A-row = 0 and D = 0: exactly those dual pivots are 0
        int n = 40;
        int m = 25;
        CscMatrix full = SparseTestMatrices.randomKkt(n, m, 0.15, 0.0, 31);
        int[] cp = full.colPtr();
        int[] ri = full.rowIdx();
        double[] v = full.values().clone();
        for (int j = n; j < n + m; j++) {
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                boolean emptyRow = j == n + 3 || j == n + 10 || j == n + 24;
                if (emptyRow) {
                    v[p] = 0.0;
                }
            }
        }
        LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(full, Ordering.AMD));
        double[] signs = SparseTestMatrices.kktSigns(n, m);
        assertEquals(3, f.factor(v, signs, 1e-12, 1e-8));
        for (int i : new int[] {n + 3, n + 10, n + 24}) {
            assertEquals(-1e-8, f.pivot(i), 0.0);
        }
        assertEquals(n, f.positivePivots());
        // a wrong-sign pivot is flipped to the expected sign: diag(-2, 3) expected (+, +)
        CscMatrix d = CscMatrix.fromTriplets(2, 2, new int[] {0, 1}, new int[] {0, 1}, new double[] {-2, 3});
        LdlFactorization g = new LdlFactorization(LdlSymbolic.analyze(d, Ordering.NATURAL));
        assertEquals(1, g.factor(d.values(), new double[] {1, 1}, 1e-12, 0.5));
        assertEquals(0.5, g.pivot(0), 0.0);
        assertEquals(3.0, g.pivot(1), 0.0);
    }

    @Test
    void badInputIsRejectedWithTypedExceptions() {
        CscMatrix lower = CscMatrix.fromTriplets(2, 2, new int[] {1}, new int[] {0}, new double[] {1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LdlSymbolic.analyze(lower, Ordering.AMD));
        assertTrue(e.getMessage().contains("(1, 0)"));
        assertThrows(IllegalArgumentException.class,
                () -> LdlSymbolic.analyze(CscMatrix.zeros(2, 3), Ordering.NATURAL));
        assertThrows(IllegalArgumentException.class,
                () -> LdlSymbolic.analyze(CscMatrix.identity(3), new int[] {0, 0, 1}));
        LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(CscMatrix.identity(3), Ordering.NATURAL));
        assertThrows(IllegalArgumentException.class, () -> f.factor(new double[2]));
        assertThrows(IllegalArgumentException.class, () -> f.factor(new double[3], new double[1], 0, 1));
    }

    @Test
    void factorAndSolveDoNotAllocate() {
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        CscMatrix k = SparseTestMatrices.randomKkt(200, 150, 0.03, 1e-6, 41);
        LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(k, Ordering.AMD));
        double[] signs = SparseTestMatrices.kktSigns(200, 150);
        double[] b = SparseTestMatrices.randomVector(350, 1);
        double[] x = new double[350];
        for (int r = 0; r < 200; r++) { // warm up (JIT)
            f.factor(k.values(), signs, 1e-13, 1e-7);
            f.solve(b, x);
        }
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        for (int r = 0; r < 100; r++) {
            f.factor(k.values(), signs, 1e-13, 1e-7);
            f.solve(b, x);
        }
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        // a single double[350] would be 2.8 kB per call, 280 kB in total
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes in 100 factor+solve calls");
    }
}
