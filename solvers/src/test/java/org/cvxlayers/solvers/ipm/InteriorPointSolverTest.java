package org.cvxlayers.solvers.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.junit.jupiter.api.Test;

class InteriorPointSolverTest {

    private static Solution solve(ConeProgram p) {
        return InteriorPointSolver.solve(p, SolverSettings.defaults());
    }

    @Test
    void smallLpHasAnalyticOptimum() {
        // min -x1 - x2  s.t.  x1 + 2 x2 <= 4, 3 x1 + x2 <= 6, x >= 0  ->  x = (8/5, 6/5), obj -14/5
        CscMatrix a = CscMatrix.fromDense(new double[][] {{1, 2}, {3, 1}, {-1, 0}, {0, -1}});
        ConeProgram p = new ConeProgram(CscMatrix.zeros(2, 2), new double[] {-1, -1}, a, new double[] {4, 6, 0, 0},
                List.of(new NonnegativeCone(4)));
        Solution s = solve(p);
        assertEquals(SolveStatus.SOLVED, s.status());
        assertEquals(-2.8, s.objective(), 1e-8);
        assertEquals(1.6, s.x()[0], 1e-7);
        assertEquals(1.2, s.x()[1], 1e-7);
        // duals of the two binding rows: c + Aᵀy = 0 -> y = (2/5, 1/5)
        assertEquals(0.4, s.y()[0], 1e-7);
        assertEquals(0.2, s.y()[1], 1e-7);
        KktCheck.assertOptimal(p, s, 1e-7);
    }

    @Test
    void equalityConstrainedQp() {
        // min ½(x1² + x2²) s.t. x1 + x2 = 1 -> x = (½, ½), y = -½, obj ¼
        CscMatrix pm = CscMatrix.identity(2);
        CscMatrix a = CscMatrix.fromDense(new double[][] {{1, 1}});
        ConeProgram p = new ConeProgram(pm, new double[] {0, 0}, a, new double[] {1}, List.of(new ZeroCone(1)), 3.0);
        Solution s = solve(p);
        assertEquals(SolveStatus.SOLVED, s.status());
        assertEquals(3.25, s.objective(), 1e-8);
        assertEquals(0.5, s.x()[0], 1e-7);
        assertEquals(0.5, s.x()[1], 1e-7);
        assertEquals(-0.5, s.y()[0], 1e-7);
        assertEquals(0.0, s.s()[0], 1e-12);
    }

    @Test
    void emptyConstraintMatrix() {
        // min ½·2x² − 4x + ½y² + y  ->  x = 2, y = −1, obj −4.5
        CscMatrix pm = CscMatrix.fromDense(new double[][] {{2, 0}, {0, 1}});
        ConeProgram p = new ConeProgram(pm, new double[] {-4, 1}, CscMatrix.zeros(0, 2), new double[0], List.of());
        Solution s = solve(p);
        assertEquals(SolveStatus.SOLVED, s.status());
        assertEquals(-4.5, s.objective(), 1e-8);
        assertEquals(2.0, s.x()[0], 1e-7);
        assertEquals(-1.0, s.x()[1], 1e-7);
    }

    @Test
    void smallSecondOrderCone() {
        // min t s.t. t >= ‖(1, 1)‖  -> t = √2
        CscMatrix a = CscMatrix.fromDense(new double[][] {{-1}, {0}, {0}});
        ConeProgram p = new ConeProgram(CscMatrix.zeros(1, 1), new double[] {1}, a, new double[] {0, 1, 1},
                List.of(new SecondOrderCone(3)));
        Solution s = solve(p);
        assertEquals(SolveStatus.SOLVED, s.status());
        assertEquals(Math.sqrt(2), s.objective(), 1e-8);
        KktCheck.assertOptimal(p, s, 1e-7);
    }

    @Test
    void largeSecondOrderConeUsesSparseExpansion() {
        // min t s.t. ‖x − a‖ ≤ t, x1 + ... + x9 = 0 with a = (1..9): optimum is the distance from a to the
        // hyperplane, |Σa|/3 = 45/3 = 15
        int k = 9;
        int n = k + 1; // x (9), t
        int m = 1 + 1 + k; // equality row, then SOC (t, x − a)
        double[][] ad = new double[m][n];
        double[] b = new double[m];
        for (int i = 0; i < k; i++) {
            ad[0][i] = 1;
        }
        ad[1][k] = -1; // s0 = t
        for (int i = 0; i < k; i++) {
            ad[2 + i][i] = -1; // s = x − a
            b[2 + i] = -(i + 1);
        }
        double[] c = new double[n];
        c[k] = 1;
        ConeProgram p = new ConeProgram(CscMatrix.zeros(n, n), c, CscMatrix.fromDense(ad), b,
                List.of(new ZeroCone(1), new SecondOrderCone(k + 1)));
        SolverStructure st = new SolverStructure(p);
        assertEquals(n + m + 2, st.kktDim());
        Solution s = solve(p);
        assertEquals(SolveStatus.SOLVED, s.status());
        assertEquals(15.0, s.objective(), 1e-7);
        KktCheck.assertOptimal(p, s, 1e-7);
    }

    @Test
    void primalInfeasibleLpGivesCertificate() {
        // x >= 1 and x <= 0
        CscMatrix a = CscMatrix.fromDense(new double[][] {{-1}, {1}});
        ConeProgram p = new ConeProgram(CscMatrix.zeros(1, 1), new double[] {1}, a, new double[] {-1, 0},
                List.of(new NonnegativeCone(2)));
        Solution s = solve(p);
        assertEquals(SolveStatus.PRIMAL_INFEASIBLE, s.status());
        KktCheck.assertPrimalInfeasibilityCertificate(p, s, 1e-7);
    }

    @Test
    void primalInfeasibleSocpGivesCertificate() {
        // ‖(x, 1)‖ ≤ x − 1 is impossible? No: need t ≥ ‖v‖ with t = 0 and v = (1, 0): infeasible
        // s = (0 − 0·x, 1, x) requires 0 ≥ ‖(1, x)‖
        CscMatrix a = CscMatrix.fromDense(new double[][] {{0}, {0}, {-1}});
        ConeProgram p = new ConeProgram(CscMatrix.identity(1), new double[] {0}, a, new double[] {0, 1, 0},
                List.of(new SecondOrderCone(3)));
        Solution s = solve(p);
        assertEquals(SolveStatus.PRIMAL_INFEASIBLE, s.status());
        KktCheck.assertPrimalInfeasibilityCertificate(p, s, 1e-7);
    }

    @Test
    void unboundedLpGivesCertificate() {
        // min −x1 + x2 s.t. x >= 0, x2 <= 3
        CscMatrix a = CscMatrix.fromDense(new double[][] {{-1, 0}, {0, -1}, {0, 1}});
        ConeProgram p = new ConeProgram(CscMatrix.zeros(2, 2), new double[] {-1, 1}, a, new double[] {0, 0, 3},
                List.of(new NonnegativeCone(3)));
        Solution s = solve(p);
        assertEquals(SolveStatus.DUAL_INFEASIBLE, s.status());
        KktCheck.assertDualInfeasibilityCertificate(p, s, 1e-7);
    }

    @Test
    void unboundedQpAlongNullSpaceOfP() {
        // min ½x1² − x2 s.t. x2 >= 0: unbounded along (0, 1), Px = 0
        CscMatrix pm = CscMatrix.fromDense(new double[][] {{1, 0}, {0, 0}});
        CscMatrix a = CscMatrix.fromDense(new double[][] {{0, -1}});
        ConeProgram p = new ConeProgram(pm, new double[] {0, -1}, a, new double[] {0}, List.of(new NonnegativeCone(1)));
        Solution s = solve(p);
        assertEquals(SolveStatus.DUAL_INFEASIBLE, s.status());
        KktCheck.assertDualInfeasibilityCertificate(p, s, 1e-7);
    }

    @Test
    void randomProblemsFromKnownPrimalDualPair() {
        for (int seed = 1; seed <= 12; seed++) {
            RandomConeProgram r = RandomConeProgram.build(seed, 30 + 3 * seed, seed % 3 != 0, seed % 2 == 0);
            Solution s = solve(r.program());
            assertEquals(SolveStatus.SOLVED, s.status(), "seed " + seed);
            double rel = Math.abs(s.objective() - r.optimalObjective()) / Math.max(1, Math.abs(r.optimalObjective()));
            assertTrue(rel < 1e-7, "seed " + seed + ": objective " + s.objective() + " vs " + r.optimalObjective());
            KktCheck.assertOptimal(r.program(), s, 1e-7);
        }
    }

    @Test
    void updateThenResolveEqualsFreshSolve() {
        RandomConeProgram r1 = RandomConeProgram.build(21, 40, true, true);
        RandomConeProgram r2 = RandomConeProgram.build(22, 40, true, true, r1.program());
        InteriorPointSolver solver = new InteriorPointSolver(r1.program(), SolverSettings.defaults());
        Solution first = solver.solve();
        assertEquals(SolveStatus.SOLVED, first.status());
        ConeProgram p2 = r2.program();
        solver.update(p2.p().values(), p2.c(), p2.a().values(), p2.b());
        Solution updated = solver.solve();
        Solution fresh = solve(p2);
        assertEquals(SolveStatus.SOLVED, updated.status());
        assertEquals(fresh.objective(), updated.objective(), 1e-12 * Math.max(1, Math.abs(fresh.objective())));
        for (int j = 0; j < fresh.x().length; j++) {
            assertEquals(fresh.x()[j], updated.x()[j], 1e-12);
        }
        assertEquals(r2.optimalObjective(), updated.objective(), 1e-7 * Math.max(1, Math.abs(r2.optimalObjective())));
        // only b changes: null keeps the rest
        double[] b3 = p2.b().clone();
        b3[0] += 0.5;
        solver.update(null, null, null, b3);
        Solution partial = solver.solve();
        ConeProgram p3 = new ConeProgram(p2.p(), p2.c(), p2.a(), b3, p2.cones());
        assertEquals(solve(p3).objective(), partial.objective(), 1e-10);
    }

    @Test
    void sharedStructureServesSeveralSolvers() {
        RandomConeProgram r1 = RandomConeProgram.build(31, 35, true, true);
        RandomConeProgram r2 = RandomConeProgram.build(32, 35, true, true, r1.program());
        SolverStructure shared = new SolverStructure(r1.program());
        Solution s1 = new InteriorPointSolver(shared, r1.program(), SolverSettings.defaults()).solve();
        Solution s2 = new InteriorPointSolver(shared, r2.program(), SolverSettings.defaults()).solve();
        assertEquals(r1.optimalObjective(), s1.objective(), 1e-7 * Math.max(1, Math.abs(r1.optimalObjective())));
        assertEquals(r2.optimalObjective(), s2.objective(), 1e-7 * Math.max(1, Math.abs(r2.optimalObjective())));
        ConeProgram other = new ConeProgram(CscMatrix.identity(2), new double[2], CscMatrix.zeros(0, 2),
                new double[0], List.of());
        assertThrows(IllegalArgumentException.class, () -> new InteriorPointSolver(shared, other, null));
    }

    @Test
    void maxIterationsAndBadInputAreReported() {
        RandomConeProgram r = RandomConeProgram.build(41, 30, true, true);
        Solution s = InteriorPointSolver.solve(r.program(), SolverSettings.builder().maxIterations(2).build());
        assertEquals(SolveStatus.MAX_ITERATIONS, s.status());
        assertEquals(2, s.info().iterations());
        InteriorPointSolver solver = new InteriorPointSolver(r.program(), SolverSettings.defaults());
        assertThrows(IllegalArgumentException.class, () -> solver.update(null, new double[3], null, null));
        double[] bad = r.program().b().clone();
        bad[1] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> solver.update(null, null, null, bad));
        CscMatrix lower = CscMatrix.fromDense(new double[][] {{1, 0}, {1, 1}});
        ConeProgram notUpper = new ConeProgram(lower, new double[2], CscMatrix.zeros(0, 2), new double[0], List.of());
        assertThrows(IllegalArgumentException.class, () -> solve(notUpper));
    }

    @Test
    void verboseModePrintsWithoutChangingTheResult() {
        RandomConeProgram r = RandomConeProgram.build(51, 20, true, false);
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        Solution loud;
        try {
            System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
            loud = InteriorPointSolver.solve(r.program(), SolverSettings.builder().verbose(true).build());
        } finally {
            System.setOut(old);
        }
        Solution quiet = solve(r.program());
        String text = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("pcost") && text.contains("status SOLVED"), text);
        assertEquals(quiet.objective(), loud.objective(), 0.0);
    }

    static List<Cone> list(Cone... c) {
        return new ArrayList<>(List.of(c));
    }

    static Random rng(long seed) {
        return new Random(seed);
    }
}
