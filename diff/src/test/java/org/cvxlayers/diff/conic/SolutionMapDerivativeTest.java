package org.cvxlayers.diff.conic;

import static org.cvxlayers.diff.conic.TestPrograms.dot;
import static org.cvxlayers.diff.conic.TestPrograms.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import org.cvxlayers.solvers.cones.projection.ConeProjections;
import org.cvxlayers.solvers.cones.projection.ProductProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SolutionMapDerivativeTest {

    static Stream<Arguments> instances() {
        return Stream.of(
                Arguments.of("qp-zero-nonneg", TestPrograms.random(8, List.of(new ZeroCone(2), new NonnegativeCone(5)), true, 1)),
                Arguments.of("lp-vertex", TestPrograms.lpVertex(6, 2, 10, 2)),
                Arguments.of("qp-soc", TestPrograms.random(9, List.of(new ZeroCone(1), new SecondOrderCone(4),
                        new SecondOrderCone(3)), true, 3)),
                Arguments.of("qp-exp", TestPrograms.random(7, List.of(new ExponentialCone(), new ExponentialCone()), true, 4)),
                Arguments.of("qp-dual-exp", TestPrograms.random(7, List.of(new DualExponentialCone(), new ExponentialCone()), true, 5)),
                Arguments.of("qp-pow", TestPrograms.random(7, List.of(new PowerCone(0.3), new DualPowerCone(0.6)), true, 6)),
                Arguments.of("qp-psd", TestPrograms.random(8, List.of(new PsdCone(3)), true, 7)),
                Arguments.of("qp-mixed", TestPrograms.random(16, List.of(new ZeroCone(1), new NonnegativeCone(3),
                        new SecondOrderCone(3), new ExponentialCone(), new PowerCone(0.7), new PsdCone(2)), true, 8)));
    }

    private static DataPerturbation randomData(ConeProgram pr, Random rnd) {
        return new DataPerturbation(TestPrograms.randomVector(pr.p().nnz(), rnd),
                TestPrograms.randomVector(pr.a().nnz(), rnd), TestPrograms.randomVector(pr.m(), rnd),
                TestPrograms.randomVector(pr.n(), rnd));
    }

    private static double inner(DataPerturbation a, DataPerturbation b) {
        return dot(a.pValues(), b.pValues()) + dot(a.aValues(), b.aValues()) + dot(a.b(), b.b()) + dot(a.c(), b.c());
    }

    private static SolutionMapDerivative linearize(Instance in, DerivativeMethod method) {
        return new SolutionMapDerivative(SolutionMapStructure.of(in.program()), in.program(), in.x(), in.y(), in.s(),
                DiffOptions.defaults().withMethod(method));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void adjointIsTransposeOfDerivative(String name, Instance in) {
        for (DerivativeMethod method : DerivativeMethod.values()) {
            SolutionMapDerivative d = linearize(in, method);
            assertEquals(0, d.nonDifferentiableCount(), name + " constructed strictly complementary");
            Random rnd = new Random(42);
            for (int trial = 0; trial < 3; trial++) {
                DataPerturbation v = randomData(in.program(), rnd);
                double[] gx = TestPrograms.randomVector(in.program().n(), rnd);
                double[] gy = TestPrograms.randomVector(in.program().m(), rnd);
                double[] gs = TestPrograms.randomVector(in.program().m(), rnd);
                SolutionDerivative jv = d.derivative(v);
                DataGradient vj = d.adjoint(gx, gy, gs);
                double lhs = inner(vj.data(), v);
                double rhs = dot(gx, jv.dx()) + dot(gy, jv.dy()) + dot(gs, jv.ds());
                double scale = Math.max(1.0, Math.abs(lhs));
                assertEquals(lhs, rhs, 1e-8 * scale, name + " " + method + " <VJP(u), v> = <u, JVP(v)>");
                if (method == DerivativeMethod.DIRECT) {
                    assertTrue(jv.relativeResidual() < 1e-12, name + " residual " + jv.relativeResidual());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void directAndLsqrAgree(String name, Instance in) {
        SolutionMapDerivative direct = linearize(in, DerivativeMethod.DIRECT);
        SolutionMapDerivative lsqr = linearize(in, DerivativeMethod.LSQR);
        DataPerturbation v = randomData(in.program(), new Random(9));
        SolutionDerivative a = direct.derivative(v);
        SolutionDerivative b = lsqr.derivative(v);
        double scale = Math.max(1.0, norm(a.dx()) + norm(a.dy()) + norm(a.ds()));
        for (int j = 0; j < a.dx().length; j++) {
            assertEquals(a.dx()[j], b.dx()[j], 1e-7 * scale, name + " dx");
        }
        for (int i = 0; i < a.dy().length; i++) {
            assertEquals(a.dy()[i], b.dy()[i], 1e-7 * scale, name + " dy");
            assertEquals(a.ds()[i], b.ds()[i], 1e-7 * scale, name + " ds");
        }
    }

    /**
     * The JVP solves the linearized optimality conditions: moving the data by t·dθ and the solution by
     * t·(dx, dy, ds) leaves the KKT residual and the projection identities y = Π_{K*}(y − s),
     * s = Π_K(s − y) at O(t²).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void derivativeSatisfiesLinearizedOptimality(String name, Instance in) {
        ConeProgram pr = in.program();
        SolutionMapDerivative d = linearize(in, DerivativeMethod.DIRECT);
        DataPerturbation v = randomData(pr, new Random(17));
        SolutionDerivative jv = d.derivative(v);
        ProductProjection proj = ConeProjections.product(pr.cones());
        double t = 1e-6;
        int n = pr.n();
        int m = pr.m();
        double[] pv = pr.p().values().clone();
        double[] av = pr.a().values().clone();
        for (int q = 0; q < pv.length; q++) {
            pv[q] += t * v.pValues()[q];
        }
        for (int q = 0; q < av.length; q++) {
            av[q] += t * v.aValues()[q];
        }
        double[] x = new double[n];
        double[] c = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = in.x()[j] + t * jv.dx()[j];
            c[j] = pr.c()[j] + t * v.c()[j];
        }
        double[] y = new double[m];
        double[] s = new double[m];
        double[] b = new double[m];
        double[] w = new double[m];
        double[] mw = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = in.y()[i] + t * jv.dy()[i];
            s[i] = in.s()[i] + t * jv.ds()[i];
            b[i] = pr.b()[i] + t * v.b()[i];
            w[i] = y[i] - s[i];
            mw[i] = -w[i];
        }
        double[] rd = c.clone();
        pr.p().withValues(pv).mulSymUpperVec(1.0, x, 1.0, rd);
        pr.a().withValues(av).mulTransVec(1.0, y, 1.0, rd);
        double[] rp = s.clone();
        pr.a().withValues(av).mulVec(1.0, x, 1.0, rp);
        for (int i = 0; i < m; i++) {
            rp[i] -= b[i];
        }
        double[] py = new double[m];
        double[] ps = new double[m];
        proj.projectDual(w, py);
        proj.project(mw, ps);
        double err = norm(rd) + norm(rp);
        for (int i = 0; i < m; i++) {
            err += Math.abs(py[i] - y[i]) + Math.abs(ps[i] - s[i]);
        }
        double scale = Math.max(1.0, norm(jv.dx()) + norm(jv.dy()) + norm(jv.ds()));
        assertTrue(err / t < 1e-4 * scale, name + ": first-order residual " + err / t);
    }

    static Stream<Arguments> activeSetInstances() {
        return Stream.of(
                Arguments.of("equality-qp", TestPrograms.random(7, List.of(new ZeroCone(3)), true, 11)),
                Arguments.of("qp-zero-nonneg", TestPrograms.random(8, List.of(new ZeroCone(2), new NonnegativeCone(5)), true, 1)),
                Arguments.of("qp-nonneg", TestPrograms.random(10, List.of(new NonnegativeCone(8)), true, 12)),
                Arguments.of("lp-vertex", TestPrograms.lpVertex(6, 2, 10, 2)),
                Arguments.of("lp-vertex-ineq", TestPrograms.lpVertex(8, 0, 20, 13)));
    }

    private static ConeProgram perturbed(ConeProgram pr, DataPerturbation v, double h) {
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

    private static double maxRelErr(double[] fd, double[] an) {
        double scale = Math.max(1.0, norm(an));
        double e = 0;
        for (int i = 0; i < fd.length; i++) {
            e = Math.max(e, Math.abs(fd[i] - an[i]));
        }
        return e / scale;
    }

    /** JVP and the optimal-value derivative against central differences of exactly solved perturbed programs. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("activeSetInstances")
    void derivativeMatchesCentralDifferences(String name, Instance in) {
        ConeProgram pr = in.program();
        ActiveSetSolver solver = new ActiveSetSolver(pr, in.y());
        double[][] ref = solver.solve(pr);
        for (int j = 0; j < pr.n(); j++) {
            assertEquals(in.x()[j], ref[0][j], 1e-9, "active-set solver reproduces the constructed x");
        }
        for (DerivativeMethod method : DerivativeMethod.values()) {
            SolutionMapDerivative d = linearize(in, method);
            Random rnd = new Random(99);
            for (int trial = 0; trial < 3; trial++) {
                DataPerturbation v = randomData(pr, rnd);
                double h = 1e-6;
                double[][] plus = solver.solve(perturbed(pr, v, h));
                double[][] minus = solver.solve(perturbed(pr, v, -h));
                SolutionDerivative jv = d.derivative(v);
                double[][] an = {jv.dx(), jv.dy(), jv.ds()};
                for (int part = 0; part < 3; part++) {
                    double[] fd = new double[plus[part].length];
                    for (int i = 0; i < fd.length; i++) {
                        fd[i] = (plus[part][i] - minus[part][i]) / (2 * h);
                    }
                    double err = maxRelErr(fd, an[part]);
                    assertTrue(err <= 1e-5, name + " " + method + " part " + part + " FD relative error " + err);
                }
                double fdObj = (objective(perturbed(pr, v, h), plus[0]) - objective(perturbed(pr, v, -h), minus[0]))
                        / (2 * h);
                double dObj = d.objectiveDerivative(v.pValues(), v.aValues(), v.b(), v.c());
                assertEquals(fdObj, dObj, 1e-5 * Math.max(1, Math.abs(dObj)), name + " optimal-value derivative");
            }
        }
    }

    static double objective(ConeProgram pr, double[] x) {
        double[] px = new double[x.length];
        pr.p().mulSymUpperVec(1.0, x, 0.0, px);
        return 0.5 * dot(x, px) + dot(pr.c(), x);
    }

    @Test
    void degenerateLpIsFlaggedAndStaysFinite() {
        // a vertex LP where one extra inequality is weakly active: y_i = s_i = 0
        Instance base = TestPrograms.lpVertex(4, 0, 8, 21);
        double[] v = new double[8];
        for (int i = 0; i < 8; i++) {
            v[i] = base.y()[i] - base.s()[i];
        }
        v[7] = 0.0;
        Instance in = TestPrograms.complete(base.program().p(), base.program().a(), base.program().cones(), base.x(), v);
        for (DerivativeMethod method : DerivativeMethod.values()) {
            SolutionMapDerivative d = linearize(in, method);
            assertEquals(1, d.nonDifferentiableCount());
            SolutionDerivative jv = d.derivative(randomData(in.program(), new Random(1)));
            assertEquals(1, jv.nonDifferentiable());
            for (double z : jv.dx()) {
                assertTrue(Double.isFinite(z));
            }
            DataGradient g = d.adjoint(jv.dx(), null, null);
            assertEquals(1, g.nonDifferentiable());
            for (double z : g.c()) {
                assertTrue(Double.isFinite(z));
            }
        }
    }

    @Test
    void objectiveGradientMatchesDerivative() {
        Instance in = TestPrograms.random(8, List.of(new ZeroCone(2), new SecondOrderCone(4)), true, 31);
        SolutionMapDerivative d = linearize(in, DerivativeMethod.DIRECT);
        DataPerturbation v = randomData(in.program(), new Random(2));
        DataPerturbation g = d.objectiveGradient();
        assertEquals(inner(g, v), d.objectiveDerivative(v.pValues(), v.aValues(), v.b(), v.c()), 1e-12);
        // first-order: d(½xᵀPx + cᵀx) along the JVP equals the envelope formula
        SolutionDerivative jv = d.derivative(v);
        ConeProgram pr = in.program();
        double[] px = new double[pr.n()];
        pr.p().mulSymUpperVec(1.0, in.x(), 0.0, px);
        double viaJvp = dot(px, jv.dx()) + dot(pr.c(), jv.dx()) + dot(v.c(), in.x());
        double[] dpx = new double[pr.n()];
        pr.p().withValues(v.pValues()).mulSymUpperVec(1.0, in.x(), 0.0, dpx);
        viaJvp += 0.5 * dot(in.x(), dpx);
        assertEquals(viaJvp, d.objectiveDerivative(v.pValues(), v.aValues(), v.b(), v.c()), 1e-8 * Math.max(1, Math.abs(viaJvp)));
    }

    @Test
    void badInputIsRejectedWithNames() {
        Instance in = TestPrograms.random(5, List.of(new NonnegativeCone(3)), true, 3);
        SolutionMapStructure st = SolutionMapStructure.of(in.program());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SolutionMapDerivative(st,
                in.program(), new double[4], in.y(), in.s(), DiffOptions.defaults()));
        assertTrue(e.getMessage().contains("x must have length 5"), e.getMessage());
        double[] ybad = in.y().clone();
        ybad[1] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> new SolutionMapDerivative(st, in.program(), in.x(),
                ybad, in.s(), DiffOptions.defaults()));
        assertTrue(e.getMessage().contains("y[1]"), e.getMessage());
        SolutionMapDerivative d = new SolutionMapDerivative(st, in.program(), in.x(), in.y(), in.s(), DiffOptions.defaults());
        e = assertThrows(IllegalArgumentException.class, () -> d.derivative(null, new double[1], null, null));
        assertTrue(e.getMessage().contains("dA"), e.getMessage());
        // still usable after the error
        assertEquals(5, d.derivative(null, null, null, new double[5]).dx().length);
        Instance other = TestPrograms.random(5, List.of(new NonnegativeCone(4)), true, 3);
        assertThrows(IllegalArgumentException.class, () -> new SolutionMapDerivative(st, other.program(), other.x(),
                other.y(), other.s(), DiffOptions.defaults()));
    }

    /**
     * A primal-degenerate vertex (n + 1 active inequalities in n variables): M and K are singular. The
     * direct method's refinement stalls, the LSQR fallback answers, and the results stay finite.
     */
    @Test
    void singularSystemAtDegenerateVertexStaysFinite() {
        Instance base = TestPrograms.lpVertex(4, 0, 8, 23);
        double[] v = new double[8];
        for (int i = 0; i < 8; i++) {
            v[i] = base.y()[i] - base.s()[i];
        }
        v[4] = 0.7; // a fifth active row with y > 0, s = 0
        Instance in = TestPrograms.complete(base.program().p(), base.program().a(), base.program().cones(), base.x(), v);
        SolutionMapDerivative d = linearize(in, DerivativeMethod.DIRECT);
        assertEquals(0, d.nonDifferentiableCount(), "no kink: the trouble is a singular M");
        SolutionDerivative jv = d.derivative(randomData(in.program(), new Random(3)));
        // the fallback returns LSQR's least-squares element, as the LSQR method does
        SolutionDerivative viaLsqr = linearize(in, DerivativeMethod.LSQR).derivative(randomData(in.program(),
                new Random(3)));
        for (int j = 0; j < jv.dx().length; j++) {
            assertEquals(viaLsqr.dx()[j], jv.dx()[j], 1e-6 * Math.max(1, norm(viaLsqr.dx())));
        }
        DataGradient g = d.adjoint(TestPrograms.randomVector(4, new Random(4)), null, null);
        for (double z : jv.dx()) {
            assertTrue(Double.isFinite(z));
        }
        for (double z : g.aValues()) {
            assertTrue(Double.isFinite(z));
        }
        assertTrue(Double.isFinite(jv.relativeResidual()) && Double.isFinite(g.relativeResidual()));
    }

    /** y = 0 with s on the boundary of a second-order cone is a kink, exactly and in interior-point form. */
    @Test
    void secondOrderKinkIsFlagged() {
        Random rnd = new Random(12);
        java.util.List<org.cvxlayers.solvers.cones.Cone> cones = List.of(new ZeroCone(1), new SecondOrderCone(3));
        org.cvxlayers.solvers.sparse.CscMatrix a = TestPrograms.randomMatrix(4, 6, 0.5, rnd);
        org.cvxlayers.solvers.sparse.CscMatrix p = TestPrograms.randomP(6, true, rnd);
        double[] v = {0.3, -1.0, -1.0, 0.0}; // s = (1, 1, 0) on the boundary, y = 0
        Instance in = TestPrograms.complete(p, a, cones, TestPrograms.randomVector(6, rnd), v);
        assertEquals(1, linearize(in, DerivativeMethod.DIRECT).nonDifferentiableCount());
        // interior-point picture: y ≈ √μ (1, −1, 0), s ≈ (1, 1 − √μ, 0)
        double[] y = in.y().clone();
        double[] s = in.s().clone();
        y[1] = 1e-5;
        y[2] = -1e-5 * (1 - 1e-6);
        s[2] = 1 - 1e-5;
        SolutionMapDerivative d = new SolutionMapDerivative(SolutionMapStructure.of(in.program()), in.program(),
                in.x(), y, s, DiffOptions.defaults());
        assertEquals(1, d.nonDifferentiableCount());
        // strictly complementary: both nonzero on the boundary
        double[] v2 = {0.3, 0.5, -0.2, 1.0};
        Instance ok = TestPrograms.complete(p, a, cones, TestPrograms.randomVector(6, rnd), v2);
        assertEquals(0, linearize(ok, DerivativeMethod.DIRECT).nonDifferentiableCount());
    }
}
