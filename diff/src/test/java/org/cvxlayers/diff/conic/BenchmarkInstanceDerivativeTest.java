package org.cvxlayers.diff.conic;

import static org.cvxlayers.diff.conic.TestPrograms.dot;
import static org.cvxlayers.diff.conic.TestPrograms.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.io.ProblemReaders;
import org.cvxlayers.solvers.ipm.InteriorPointSolver;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.ipm.SolverSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Derivatives on public benchmark instances (shared benchdata): read, solve by the interior-point solver,
 * linearize with Newton polishing, then check the adjoint identity and the JVP against central differences
 * of polished re-solves; degenerate instances must be reported singular instead.
 */
class BenchmarkInstanceDerivativeTest {

    private static Path data(String rel) {
        String dir = System.getProperty("cvxlayers.benchdata");
        Path p = dir == null ? null : Path.of(dir, rel);
        boolean present = p != null && Files.isRegularFile(p);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("benchmark data missing: " + rel + " under " + dir);
        }
        Assumptions.assumeTrue(present, "benchmark data not found: " + rel);
        return p;
    }

    private static Solution polishedSolve(ConeProgram pr, SolutionMapStructure st) {
        Solution sol = InteriorPointSolver.solve(pr, SolverSettings.defaults());
        assertTrue(sol.status().isOptimal(), "status " + sol.status());
        SolutionRefinement.Result r = SolutionRefinement.refine(st, pr, sol.x(), sol.y(), sol.s(), 10, 1e-14);
        return new Solution(r.x(), r.y(), r.s(), sol.status(), sol.info());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"maros_meszaros/HS21.QPS.gz", "maros_meszaros/HS35.QPS.gz", "maros_meszaros/QPTEST.QPS.gz",
        "maros_meszaros/TAME.QPS.gz", "cblib_exp/bss1.cbf.gz"})
    void nondegenerateInstances(String file) throws Exception {
        ConeProgram pr = ProblemReaders.read(data(file)).program();
        SolutionMapStructure st = SolutionMapStructure.of(pr);
        Solution sol = polishedSolve(pr, st);
        SolutionMapDerivative d = new SolutionMapDerivative(st, pr, sol.x(), sol.y(), sol.s(), DiffOptions.defaults());
        Random rnd = new Random(1);
        DataPerturbation v = new DataPerturbation(TestPrograms.randomVector(pr.p().nnz(), rnd),
                TestPrograms.randomVector(pr.a().nnz(), rnd), TestPrograms.randomVector(pr.m(), rnd),
                TestPrograms.randomVector(pr.n(), rnd));
        double[] gx = TestPrograms.randomVector(pr.n(), rnd);
        double[] gy = TestPrograms.randomVector(pr.m(), rnd);
        double[] gs = TestPrograms.randomVector(pr.m(), rnd);
        SolutionDerivative jv = d.derivative(v);
        DataGradient vj = d.adjoint(gx, gy, gs);
        assertFalse(jv.isSingular(), file + " residual " + jv.relativeResidual());
        assertFalse(vj.isSingular(), file + " residual " + vj.relativeResidual());
        double lhs = dot(vj.pValues(), v.pValues()) + dot(vj.aValues(), v.aValues()) + dot(vj.b(), v.b())
                + dot(vj.c(), v.c());
        double rhs = dot(gx, jv.dx()) + dot(gy, jv.dy()) + dot(gs, jv.ds());
        assertEquals(lhs, rhs, 1e-8 * Math.max(1, Math.abs(lhs)), file + " adjoint identity");
        double h = 1e-6;
        Solution plus = polishedSolve(SolverFiniteDifferenceTest.perturbed(pr, v, h), st);
        Solution minus = polishedSolve(SolverFiniteDifferenceTest.perturbed(pr, v, -h), st);
        double err = 0;
        for (int j = 0; j < pr.n(); j++) {
            err = Math.max(err, Math.abs((plus.x()[j] - minus.x()[j]) / (2 * h) - jv.dx()[j]));
        }
        assertTrue(err <= 1e-5 * Math.max(1, norm(jv.dx())), file + " dx FD error " + err);
    }

    /** AFIRO's optimal vertex is primal degenerate (37 active rows for 32 variables): the dual is not unique. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"netlib/afiro.mps.gz"})
    void degenerateInstanceIsReportedSingular(String file) throws Exception {
        ConeProgram pr = ProblemReaders.read(data(file)).program();
        SolutionMapStructure st = SolutionMapStructure.of(pr);
        Solution sol = polishedSolve(pr, st);
        SolutionMapDerivative d = new SolutionMapDerivative(st, pr, sol.x(), sol.y(), sol.s(), DiffOptions.defaults());
        SolutionDerivative jv = d.derivative(null, null, TestPrograms.randomVector(pr.m(), new Random(2)), null);
        assertTrue(jv.isSingular(), "residual " + jv.relativeResidual());
        for (double z : jv.dx()) {
            assertTrue(Double.isFinite(z));
        }
    }
}
