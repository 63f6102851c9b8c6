package org.cvxlayers.solvers.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.junit.jupiter.api.Test;

/**
 * PSD blocks too large for the dense KKT scaling block are refused before any numeric work when eliminating
 * them would not help either (every one of the 2556 columns of the identity touches the block, so its Schur
 * complement would be as large); blocks touched by few columns are eliminated, see SchurEliminationTest.
 */
class DenseBlockLimitTest {

    private static ConeProgram identityPsd(int order) {
        int d = new PsdCone(order).dim();
        return new ConeProgram(CscMatrix.zeros(d, d), new double[d], CscMatrix.identity(d), new double[d],
                List.of(new PsdCone(order)));
    }

    @Test
    void order70IsAcceptedAndSolves() {
        // min 0 s.t. X = S ⪰ 0: trivially optimal with objective 0
        Solution sol = InteriorPointSolver.solve(identityPsd(5), SolverSettings.defaults());
        assertEquals(SolveStatus.SOLVED, sol.status());
        assertEquals(0.0, sol.objective(), 1e-9);
        assertTrue(new PsdCone(70).dim() <= SolverStructure.MAX_DENSE_BLOCK_DIM);
    }

    @Test
    void order71IsRefusedWithTheConeNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SolverStructure(identityPsd(71)));
        assertTrue(e.getMessage().contains("PsdCone[n=71]"), e.getMessage());
        assertTrue(e.getMessage().contains("2556"), e.getMessage());
    }
}
