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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Perturbed programs solved to machine precision by Newton refinement of the residual map (started from
 * the reference solution; each refined point is certified by its own KKT residual, computed directly from
 * the projections), then the JVP against central differences for every cone type.
 */
class RefinementFiniteDifferenceTest {

    static Stream<Arguments> instances() {
        return Stream.of(
                Arguments.of("qp-soc", TestPrograms.random(9, List.of(new ZeroCone(1), new SecondOrderCone(4),
                        new SecondOrderCone(3)), true, 3)),
                Arguments.of("qp-exp", TestPrograms.random(7, List.of(new ExponentialCone(), new ExponentialCone()), true, 4)),
                Arguments.of("qp-dual-exp", TestPrograms.random(7, List.of(new DualExponentialCone(), new ExponentialCone()), true, 5)),
                Arguments.of("qp-pow", TestPrograms.random(7, List.of(new PowerCone(0.3), new DualPowerCone(0.6)), true, 6)),
                Arguments.of("qp-psd", TestPrograms.random(8, List.of(new PsdCone(3)), true, 7)),
                Arguments.of("qp-mixed", TestPrograms.random(16, List.of(new ZeroCone(1), new NonnegativeCone(3),
                        new SecondOrderCone(3), new ExponentialCone(), new PowerCone(0.7), new PsdCone(2)), true, 8)),
                Arguments.of("lp-vertex", TestPrograms.lpVertex(6, 2, 10, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void refinementRecoversTheSolutionFromANoisyPoint(String name, Instance in) {
        ConeProgram pr = in.program();
        SolutionMapStructure st = SolutionMapStructure.of(pr);
        Random rnd = new Random(5);
        double[] x = in.x().clone();
        double[] y = in.y().clone();
        double[] s = in.s().clone();
        for (int j = 0; j < x.length; j++) {
            x[j] += 1e-4 * rnd.nextGaussian();
        }
        for (int i = 0; i < y.length; i++) {
            y[i] += 1e-4 * rnd.nextGaussian();
            s[i] += 1e-4 * rnd.nextGaussian();
        }
        SolutionRefinement.Result r = SolutionRefinement.refine(st, pr, x, y, s, 20, 1e-13);
        assertTrue(r.initialResidual() > 1e-6, "noise was added");
        assertTrue(r.finalResidual() <= 1e-12, name + ": residual " + r.finalResidual());
        for (int j = 0; j < x.length; j++) {
            assertEquals(in.x()[j], r.x()[j], 1e-10, name + " x");
        }
        for (int i = 0; i < y.length; i++) {
            assertEquals(in.y()[i], r.y()[i], 1e-10, name + " y");
            assertEquals(in.s()[i], r.s()[i], 1e-10, name + " s");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void derivativeMatchesCentralDifferencesOfRefinedSolves(String name, Instance in) {
        ConeProgram pr = in.program();
        SolutionMapStructure st = SolutionMapStructure.of(pr);
        SolutionMapDerivative d = new SolutionMapDerivative(st, pr, in.x(), in.y(), in.s(), DiffOptions.defaults());
        Random rnd = new Random(77);
        double h = 1e-6;
        for (int trial = 0; trial < 3; trial++) {
            DataPerturbation v = new DataPerturbation(TestPrograms.randomVector(pr.p().nnz(), rnd),
                    TestPrograms.randomVector(pr.a().nnz(), rnd), TestPrograms.randomVector(pr.m(), rnd),
                    TestPrograms.randomVector(pr.n(), rnd));
            SolutionRefinement.Result plus = solveNear(st, SolverFiniteDifferenceTest.perturbed(pr, v, h), in);
            SolutionRefinement.Result minus = solveNear(st, SolverFiniteDifferenceTest.perturbed(pr, v, -h), in);
            SolutionDerivative jv = d.derivative(v);
            check(name + " dx", plus.x(), minus.x(), h, jv.dx());
            check(name + " dy", plus.y(), minus.y(), h, jv.dy());
            check(name + " ds", plus.s(), minus.s(), h, jv.ds());
        }
    }

    private static SolutionRefinement.Result solveNear(SolutionMapStructure st, ConeProgram pr, Instance start) {
        SolutionRefinement.Result r = SolutionRefinement.refine(st, pr, start.x(), start.y(), start.s(), 30, 1e-14);
        assertTrue(r.finalResidual() <= 1e-13, "perturbed program solved, residual " + r.finalResidual());
        return r;
    }

    private static void check(String what, double[] p, double[] m, double h, double[] an) {
        double e = 0;
        for (int i = 0; i < an.length; i++) {
            e = Math.max(e, Math.abs((p[i] - m[i]) / (2 * h) - an[i]));
        }
        double rel = e / Math.max(1.0, norm(an));
        assertTrue(rel <= 1e-5, what + ": FD relative error " + rel);
    }

    /** An interior-point SOCP solution polished by refinement reaches machine-precision KKT residuals. */
    @Test
    void refinesInteriorPointSolutions() {
        Instance in = TestPrograms.random(12, List.of(new NonnegativeCone(2), new SecondOrderCone(4),
                new SecondOrderCone(5)), true, 43);
        Solution sol = InteriorPointSolver.solve(in.program(), SolverSettings.defaults());
        SolutionRefinement.Result r = SolutionRefinement.refine(SolutionMapStructure.of(in.program()), in.program(),
                sol.x(), sol.y(), sol.s(), 10, 1e-14);
        assertTrue(r.finalResidual() <= 1e-13, "residual " + r.finalResidual());
        for (int j = 0; j < 12; j++) {
            assertEquals(in.x()[j], r.x()[j], 1e-10);
        }
    }
}
