package org.cvxlayers.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class EliminationTreeTest {

    @Test
    void tridiagonalIsAPath() {
        int n = 6;
        int[] ti = new int[2 * n - 1];
        int[] tj = new int[2 * n - 1];
        int c = 0;
        for (int j = 0; j < n; j++) {
            ti[c] = j;
            tj[c++] = j;
            if (j > 0) {
                ti[c] = j - 1;
                tj[c++] = j;
            }
        }
        EliminationTree t = EliminationTree.of(CscMatrix.fromTriplets(n, n, ti, tj, new double[c]));
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, -1}, t.parent());
        assertArrayEquals(new int[] {1, 1, 1, 1, 1, 0}, t.columnCounts());
        assertEquals(5, t.nnzL());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, t.postorder());
    }

    @Test
    void columnCountsMatchDenseSymbolicElimination() {
        Random rnd = new Random(5);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + rnd.nextInt(40);
            boolean[][] g = new boolean[n][n];
            int[] ti = new int[n * n];
            int[] tj = new int[n * n];
            int c = 0;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i <= j; i++) {
                    if (i == j || rnd.nextDouble() < 0.08) {
                        g[i][j] = true;
                        g[j][i] = true;
                        ti[c] = i;
                        tj[c++] = j;
                    }
                }
            }
            // dense symbolic Cholesky: eliminating k connects all its later neighbours
            int[] counts = new int[n];
            int[] parent = new int[n];
            for (int k = 0; k < n; k++) {
                parent[k] = -1;
                for (int i = k + 1; i < n; i++) {
                    if (g[i][k]) {
                        counts[k]++;
                        if (parent[k] == -1) {
                            parent[k] = i;
                        }
                        for (int j = k + 1; j < n; j++) {
                            if (g[j][k]) {
                                g[i][j] = true;
                            }
                        }
                    }
                }
            }
            EliminationTree t = EliminationTree.of(CscMatrix.fromTriplets(n, n, ti, tj, new double[c], c));
            assertArrayEquals(parent, t.parent());
            assertArrayEquals(counts, t.columnCounts());
            int[] post = t.postorder();
            int[] pos = new int[n];
            for (int k = 0; k < n; k++) {
                pos[post[k]] = k;
            }
            for (int j = 0; j < n; j++) {
                assertTrue(parent[j] == -1 || pos[parent[j]] > pos[j], "postorder puts parent after child");
            }
        }
    }
}
