package org.cvxlayers.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AmdTest {

    static long fill(CscMatrix upper, Ordering ord) {
        return LdlSymbolic.analyze(upper, ord).nnzL();
    }

    static void assertPermutation(int[] p, int n) {
        assertEquals(n, p.length);
        boolean[] seen = new boolean[n];
        for (int v : p) {
            assertTrue(v >= 0 && v < n && !seen[v], "not a permutation at " + v);
            seen[v] = true;
        }
    }

    @Test
    void laplacianFill() {
        CscMatrix k = SparseTestMatrices.laplacian2d(100);
        int[] p = Amd.order(k);
        assertPermutation(p, 10000);
        long nat = fill(k, Ordering.NATURAL);
        long amd = fill(k, Ordering.AMD);
        System.out.println("laplacian 100x100: natural " + nat + " amd " + amd + " ratio " + (double) nat / amd);
    }

    @Test
    void kktFill() {
        for (int s = 0; s < 4; s++) {
            CscMatrix k = SparseTestMatrices.randomKkt(300 + 100 * s, 200, 0.01, 1e-6, s);
            int n = k.cols();
            assertPermutation(Amd.order(k), n);
            assertArrayEquals(Amd.order(k), Amd.order(k));
            long nat = fill(k, Ordering.NATURAL);
            long amd = fill(k, Ordering.AMD);
            System.out.println("kkt " + n + ": natural " + nat + " amd " + amd + " ratio " + (double) nat / amd);
        }
    }
}
