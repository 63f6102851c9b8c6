package org.cvxlayers.diff.conic;

import static org.cvxlayers.diff.conic.TestPrograms.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cvxlayers.diff.conic.TestPrograms.Instance;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.DualExponentialCone;
import org.cvxlayers.solvers.cones.DualPowerCone;
import org.cvxlayers.solvers.cones.ExponentialCone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PowerCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.ipm.InteriorPointSolver;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.ipm.SolverSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JVP against central finite differences of programs re-solved by the interior-point solver (LP, QP,
 * SOCP, exponential, power and PSD cones), differentiating at the solver's own solution. The solver's SOCP solutions are accurate to about
 * 1e-7 only (status ALMOST_SOLVED at tolerance 1e-11), too coarse for differences, so every solve is
 * polished by {@link SolutionRefinement} (Newton on the residual map) before use; LP and QP solves are
 * polished the same way for uniformity.
 */
class SolverFiniteDifferenceTest {
    private static final SolverSettings TIGHT = SolverSettings.builder().tolGapAbs(1e-11).tolGapRel(1e-11)
            .tolFeas(1e-11).maxIterations(200).build();

    static Stream<Arguments> instances() {
        return Stream.of(
                Arguments.of("lp", TestPrograms.lpVertex(8, 2, 16, 41)),
                Arguments.of("qp", TestPrograms.random(12, List.of(new ZeroCone(2), new NonnegativeCone(8)), true, 42)),
                Arguments.of("socp-qp", TestPrograms.random(12, List.of(new NonnegativeCone(2), new SecondOrderCone(4),
                        new SecondOrderCone(5)), true, 43)),
                Arguments.of("exp-qp", TestPrograms.random(8, List.of(new ExponentialCone(), new DualExponentialCone()), true, 44)),
                Arguments.of("pow-qp", TestPrograms.random(8, List.of(new PowerCone(0.3), new DualPowerCone(0.6)), true, 45)),
                Arguments.of("sdp-qp", TestPrograms.random(10, List.of(new NonnegativeCone(2), new PsdCone(3)), true, 46)),
                Arguments.of("mixed-qp", TestPrograms.random(16, List.of(new ZeroCone(1), new NonnegativeCone(3),
                        new SecondOrderCone(3), new ExponentialCone(), new PowerCone(0.7), new PsdCone(2)), true, 8)));
    }

    private static Solution solve(ConeProgram pr) {
        Solution sol = InteriorPointSolver.solve(pr, TIGHT);
        assertTrue(sol.status().isOptimal(), "solver status " + sol.status() + " " + sol.info());
        SolutionRefinement.Result r = SolutionRefinement.refine(SolutionMapStructure.of(pr), pr, sol.x(), sol.y(),
                sol.s(), 10, 1e-14);
        assertTrue(r.finalResidual() <= 1e-12, "refined residual " + r.finalResidual());
        return new Solution(r.x(), r.y(), r.s(), sol.status(), sol.info());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void derivativeMatchesFiniteDifferencesOfSolves(String name, Instance in) {
        ConeProgram pr = in.program();
        Solution sol = solve(pr);
        for (int j = 0; j < pr.n(); j++) {
            assertEquals(in.x()[j], sol.x()[j], 1e-7, name + ": solver finds the constructed optimum");
        }
        SolutionMapDerivative d = SolutionMapDerivative.at(pr, sol);
        assertEquals(0, d.nonDifferentiableCount());
        Random rnd = new Random(7);
        double h = 1e-4;
        for (int trial = 0; trial < 2; trial++) {
            DataPerturbation v = new DataPerturbation(TestPrograms.randomVector(pr.p().nnz(), rnd),
                    TestPrograms.randomVector(pr.a().nnz(), rnd), TestPrograms.randomVector(pr.m(), rnd),
                    TestPrograms.randomVector(pr.n(), rnd));
            Solution plus = solve(perturbed(pr, v, h));
            Solution minus = solve(perturbed(pr, v, -h));
            SolutionDerivative jv = d.derivative(v);
            check(name + " dx", plus.x(), minus.x(), h, jv.dx());
            check(name + " dy", plus.y(), minus.y(), h, jv.dy());
            check(name + " ds", plus.s(), minus.s(), h, jv.ds());
        }
    }

    private static void check(String what, double[] p, double[] m, double h, double[] an) {
        double e = 0;
        for (int i = 0; i < an.length; i++) {
            e = Math.max(e, Math.abs((p[i] - m[i]) / (2 * h) - an[i]));
        }
        double rel = e / Math.max(1.0, norm(an));
        assertTrue(rel <= 1e-5, what + ": FD relative error " + rel);
    }

    static ConeProgram perturbed(ConeProgram pr, DataPerturbation v, double h) {
        double[] pv = pr.p().values().clone();
        double[] av = pr.a().values().clone();
        double[] b = pr.b().clone();
        double[] c = pr.c().clone();
        for (int q = 0; q < pv.length; q++) {
            pv[q] += h * v.pValues()[q];
        }
        for (int q = 0; q < av.length; q++) {
            av[q] += h * v.aValues()[q];
        }
        for (int i = 0; i < b.length; i++) {
            b[i] += h * v.b()[i];
        }
        for (int j = 0; j < c.length; j++) {
            c[j] += h * v.c()[j];
        }
        return new ConeProgram(pr.p().withValues(pv), c, pr.a().withValues(av), b, pr.cones());
    }

    /**
     * Differentiating at the raw interior-point solution with Newton polishing (DiffOptions.newtonSteps)
     * reproduces the derivative at the exact, constructed solution.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void newtonStepsMakeRawSolverSolutionsExact(String name, Instance in) {
        ConeProgram pr = in.program();
        Solution raw = InteriorPointSolver.solve(pr, SolverSettings.defaults());
        assertTrue(raw.status().isOptimal(), name + " " + raw.status());
        SolutionMapDerivative polished = SolutionMapDerivative.at(pr, raw, DiffOptions.defaults().withNewtonSteps(3));
        SolutionMapDerivative exact = new SolutionMapDerivative(SolutionMapStructure.of(pr), pr, in.x(), in.y(),
                in.s(), DiffOptions.defaults());
        for (int j = 0; j < pr.n(); j++) {
            assertEquals(in.x()[j], polished.x()[j], 1e-11, name + " polished x");
        }
        Random rnd = new Random(3);
        DataPerturbation v = new DataPerturbation(TestPrograms.randomVector(pr.p().nnz(), rnd),
                TestPrograms.randomVector(pr.a().nnz(), rnd), TestPrograms.randomVector(pr.m(), rnd),
                TestPrograms.randomVector(pr.n(), rnd));
        double[] a = polished.derivative(v).dx();
        double[] b = exact.derivative(v).dx();
        for (int j = 0; j < a.length; j++) {
            assertEquals(b[j], a[j], 1e-9 * Math.max(1, norm(b)), name + " JVP at polished solution");
        }
    }
}
