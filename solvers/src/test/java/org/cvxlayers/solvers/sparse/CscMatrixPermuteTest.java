package org.cvxlayers.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CscMatrixPermuteTest {

    @Test
    void symmetricPermutationOfUpperTriangleMatchesDense() {
        CscMatrix k = SparseTestMatrices.randomKkt(20, 10, 0.2, 0.0, 4);
        int[] perm = Amd.order(k);
        CscMatrix c = k.permuteSymmetricUpper(perm);
        double[][] dk = k.toDense();
        double[][] dc = c.toDense();
        int n = k.cols();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                int i = perm[a];
                int j = perm[b];
                double expected = i <= j ? dk[i][j] : dk[j][i];
                double actual = a <= b ? dc[a][b] : dc[b][a];
                assertEquals(expected, actual, 0.0, "entry (" + a + ", " + b + ")");
                if (a > b) {
                    assertEquals(0.0, dc[a][b], 0.0, "upper triangle only");
                }
            }
        }
        assertEquals(k.nnz(), c.nnz());
    }

    @Test
    void rejectsBadPermutation() {
        assertThrows(IllegalArgumentException.class, () -> CscMatrix.identity(3).permuteSymmetricUpper(new int[] {0, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> CscMatrix.identity(3).permuteSymmetricUpper(new int[] {0, 1}));
    }
}
