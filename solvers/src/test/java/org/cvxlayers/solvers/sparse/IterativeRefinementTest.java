package org.cvxlayers.solvers.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IterativeRefinementTest {

    @Test
    void refinementRecoversTheUnregularizedSolution() {
        int n = 200;
        int m = 120;
        CscMatrix k = SparseTestMatrices.randomKkt(n, m, 0.03, 0.0, 13);
        // factor a statically regularized copy: K + 1e-6·diag(signs)
        double[] reg = k.values().clone();
        int[] cp = k.colPtr();
        int[] ri = k.rowIdx();
        for (int j = 0; j < n + m; j++) {
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                if (ri[p] == j) {
                    reg[p] += j < n ? 1e-6 : -1e-6;
                }
            }
        }
        LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(k, Ordering.AMD));
        f.factor(reg);
        double[] b = SparseTestMatrices.randomVector(n + m, 2);
        double[] x = new double[n + m];
        f.solve(b, x);
        double before = SparseTestMatrices.relativeResidual(k, x, b);
        assertTrue(before > 1e-9, "regularization should perturb the solve, residual " + before);
        IterativeRefinement ir = new IterativeRefinement(k, f);
        int steps = ir.refine(b, x, 10, 1e-14, 1e-14);
        double after = SparseTestMatrices.relativeResidual(k, x, b);
        assertTrue(steps >= 1 && steps <= 10);
        assertTrue(after <= 1e-13, "residual after refinement " + after);
        double[] exact = DenseReference.solve(k, b);
        for (int i = 0; i < n + m; i++) {
            assertEquals(exact[i], x[i], 1e-9 * (1 + Math.abs(exact[i])));
        }
    }

    @Test
    void exactSolutionNeedsNoStep() {
        CscMatrix k = SparseTestMatrices.randomKkt(30, 10, 0.2, 1e-6, 1);
        LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(k, Ordering.AMD));
        f.factor(k.values());
        double[] b = SparseTestMatrices.randomVector(40, 3);
        double[] x = new double[40];
        f.solve(b, x);
        IterativeRefinement ir = new IterativeRefinement(k, f);
        assertEquals(0, ir.refine(b, x, 5, 1e-8, 1e-10));
        assertTrue(ir.lastResidualNorm() <= 1e-10);
    }

    @Test
    void dimensionMismatchIsRejected() {
        LdlFactorization f = new LdlFactorization(LdlSymbolic.analyze(CscMatrix.identity(3), Ordering.NATURAL));
        assertThrows(IllegalArgumentException.class, () -> new IterativeRefinement(CscMatrix.identity(4), f));
    }
}
