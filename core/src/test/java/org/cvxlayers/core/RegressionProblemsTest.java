package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.cvxlayers.core.canon.ParametricConeProgram;
import org.cvxlayers.core.constraints.Inequality;
import org.cvxlayers.core.expr.Attributes;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** Least squares and its relatives, each solved for several parameter values against known optima. */
class RegressionProblemsTest {
    private static final double TOL = 1e-6;

    @Test
    void leastSquaresMatchesNormalEquationsAcrossParameterValues() {
        Random r = new Random(7);
        int m = 12;
        int n = 5;
        Variable x = variable(n, "x");
        Parameter a = parameter(m, n, "A");
        Parameter b = parameter(m, "b");
        Problem p = Problem.minimize(sumSquares(a.matmul(x).minus(b)));
        ParametricConeProgram first = null;
        for (int trial = 0; trial < 3; trial++) {
            double[][] av = TestData.randn(r, m, n);
            double[] bv = TestData.randn(r, m);
            a.setValue(av);
            b.setValue(bv);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            double[] ref = TestData.leastSquares(av, bv);
            assertArrayEquals(ref, x.vectorValue(), TOL);
            double[] res = TestData.minus(TestData.mul(av, ref), bv);
            assertEquals(TestData.dot(res, res), p.value(), TOL);
            if (first == null) {
                first = p.compile();
            }
            assertSame(first, p.compile(), "the compilation is reused");
        }
        assertEquals(1, p.solverSetups(), "the solver (and its symbolic analysis) is reused");
    }

    @Test
    void largerLeastSquaresWithParameterMatrix() {
        Random r = new Random(15);
        int m = 80;
        int n = 40;
        Variable x = variable(n, "x");
        Parameter a = parameter(m, n, "A");
        Parameter b = parameter(m, "b");
        Problem p = Problem.minimize(sumSquares(a.matmul(x).minus(b)));
        for (int trial = 0; trial < 2; trial++) {
            double[][] av = TestData.randn(r, m, n);
            double[] bv = TestData.randn(r, m);
            a.setValue(av);
            b.setValue(bv);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            assertArrayEquals(TestData.leastSquares(av, bv), x.vectorValue(), 1e-6);
        }
        assertEquals(1, p.solverSetups());
    }

    @Test
    void leastSquaresWithConstantData() {
        Random r = new Random(8);
        double[][] av = TestData.randn(r, 8, 3);
        double[] bv = TestData.randn(r, 8);
        Variable x = variable(3, "x");
        Problem p = Problem.minimize(sumSquares(constant(av).matmul(x).minus(constant(bv))));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertArrayEquals(TestData.leastSquares(av, bv), x.vectorValue(), TOL);
    }

    @Test
    void nonnegativeLeastSquaresSatisfiesKkt() {
        Random r = new Random(9);
        int m = 10;
        int n = 6;
        Variable x = variable(n, "x");
        Parameter a = parameter(m, n, "A");
        Parameter b = parameter(m, "b");
        Inequality nonneg = x.ge(0);
        Problem p = Problem.minimize(sumSquares(a.matmul(x).minus(b)), nonneg);
        for (int trial = 0; trial < 3; trial++) {
            double[][] av = TestData.randn(r, m, n);
            double[] bv = TestData.randn(r, m);
            a.setValue(av);
            b.setValue(bv);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            double[] xv = x.vectorValue();
            double[] grad = TestData.mulT(av, TestData.minus(TestData.mul(av, xv), bv));
            double[] lambda = nonneg.dualValue();
            for (int i = 0; i < n; i++) {
                assertTrue(xv[i] >= -TOL, "primal feasibility");
                assertTrue(lambda[i] >= -TOL, "dual of x >= 0 is nonnegative (CVXPY convention)");
                assertEquals(2 * grad[i], lambda[i], 1e-5, "stationarity ∇f = λ");
                assertEquals(0.0, xv[i] * lambda[i], 1e-6, "complementary slackness");
            }
        }
    }

    @Test
    void lassoSatisfiesOptimalityConditions() {
        Random r = new Random(10);
        int m = 15;
        int n = 8;
        double[][] av = TestData.randn(r, m, n);
        double[] bv = TestData.randn(r, m);
        Variable x = variable(n, "x");
        Parameter gamma = new Parameter(Shape.scalar(), "gamma", Attributes.nonnegative());
        Problem p = Problem.minimize(sumSquares(constant(av).matmul(x).minus(constant(bv))).plus(gamma.mul(norm1(x))));
        assertTrue(p.isDpp());
        for (double g : new double[] {0.5, 3.0, 10.0}) {
            gamma.setValue(g);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            double[] xv = x.vectorValue();
            double[] corr = TestData.mulT(av, TestData.minus(bv, TestData.mul(av, xv)));
            int zeros = 0;
            for (int i = 0; i < n; i++) {
                // 2 aᵢᵀ(b − Ax) ∈ γ ∂|xᵢ|
                if (Math.abs(xv[i]) > 1e-6) {
                    assertEquals(g * Math.signum(xv[i]), 2 * corr[i], 1e-5);
                } else {
                    zeros++;
                    assertTrue(Math.abs(2 * corr[i]) <= g + 1e-5);
                }
            }
            if (g == 10.0) {
                assertTrue(zeros > 0, "a large penalty produces zeros");
            }
        }
    }

    @Test
    void minimumNormSolutionOfUnderdeterminedSystem() {
        Random r = new Random(11);
        double[][] av = TestData.randn(r, 3, 7);
        Variable x = variable(7, "x");
        Parameter b = parameter(3, "b");
        Problem socp = Problem.minimize(norm2(x), constant(av).matmul(x).eq(b));
        Problem qp = Problem.minimize(sumSquares(x), constant(av).matmul(x).eq(b));
        for (int trial = 0; trial < 2; trial++) {
            double[] bv = TestData.randn(r, 3);
            b.setValue(bv);
            // x* = Aᵀ (A Aᵀ)⁻¹ b
            double[][] aat = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    aat[i][j] = TestData.dot(av[i], av[j]);
                }
            }
            double[] ref = TestData.mulT(av, TestData.solve(aat, bv));
            assertEquals(ProblemStatus.OPTIMAL, socp.solve());
            assertArrayEquals(ref, x.vectorValue(), 1e-6);
            assertEquals(TestData.norm2(ref), socp.value(), 1e-7);
            assertEquals(ProblemStatus.OPTIMAL, qp.solve());
            assertArrayEquals(ref, x.vectorValue(), 1e-6);
            assertEquals(TestData.dot(ref, ref), qp.value(), 1e-7);
        }
    }

    @Test
    void huberRegressionHasZeroGradient() {
        Random r = new Random(12);
        int m = 20;
        int n = 3;
        double[][] av = TestData.randn(r, m, n);
        double[] bv = TestData.randn(r, m);
        bv[0] += 8; // outliers
        bv[5] -= 6;
        double mm = 0.8;
        Variable x = variable(n, "x");
        Parameter b = parameter(m, "b");
        b.setValue(bv);
        Problem p = Problem.minimize(sum(huber(constant(av).matmul(x).minus(b), mm)));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        double[] xv = x.vectorValue();
        double[] res = TestData.minus(TestData.mul(av, xv), bv);
        double[] dphi = new double[m];
        double obj = 0;
        for (int i = 0; i < m; i++) {
            double a = Math.abs(res[i]);
            dphi[i] = a <= mm ? 2 * res[i] : 2 * mm * Math.signum(res[i]);
            obj += a <= mm ? res[i] * res[i] : 2 * mm * a - mm * mm;
        }
        assertArrayEquals(new double[n], TestData.mulT(av, dphi), 1e-5);
        assertEquals(obj, p.value(), 1e-6);
        // huber in a constraint (second-order-cone form) gives the same optimum
        Variable t = variable("t");
        Problem epi = Problem.minimize(t, sum(huber(constant(av).matmul(x).minus(b), mm)).le(t));
        assertEquals(ProblemStatus.OPTIMAL, epi.solve());
        assertEquals(obj, epi.value(), 1e-6);
    }

    @Test
    void quadraticProgramWithPsdParameterMatrix() {
        Random r = new Random(14);
        int n = 4;
        Variable x = variable(n, "x");
        Parameter q = new Parameter(Shape.matrix(n, n), "Q", Attributes.NONE.withPsd());
        Parameter c = parameter(n, "c");
        Problem p = Problem.minimize(quadForm(x, q).plus(c.matmul(x)));
        assertTrue(p.isDpp());
        for (int trial = 0; trial < 3; trial++) {
            double[][] qv = TestData.spd(r, n, 0.5);
            double[] cv = TestData.randn(r, n);
            q.setValue(qv);
            c.setValue(cv);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            // 2Qx + c = 0
            double[] ref = TestData.solve(qv, cv);
            for (int i = 0; i < n; i++) {
                ref[i] *= -0.5;
            }
            assertArrayEquals(ref, x.vectorValue(), 1e-7);
            assertEquals(0.5 * TestData.dot(cv, ref), p.value(), 1e-8);
        }
        // without the PSD attribute the problem is DCP (by value) but not DPP, and still solves
        Parameter plain = parameter(n, n, "P");
        double[][] pv = TestData.spd(r, n, 1.0);
        plain.setValue(pv);
        c.setValue(new double[n]);
        Problem q2 = Problem.minimize(quadForm(x.minus(1), plain));
        assertTrue(q2.isDcp());
        assertFalse(q2.isDpp());
        assertEquals(ProblemStatus.OPTIMAL, q2.solve());
        assertArrayEquals(new double[] {1, 1, 1, 1}, x.vectorValue(), 1e-6);
    }

    @Test
    void matrixLeastSquaresWithTranspose() {
        Random r = new Random(13);
        double[][] bm = TestData.randn(r, 3, 5);
        double[][] cm = TestData.randn(r, 2, 5);
        Variable xm = variable(2, 3, "X");
        // minimize ‖X B − C‖_F²: each row solves Bᵀ xᵢ ≈ cᵢ
        Problem p = Problem.minimize(sumSquares(xm.matmul(constant(bm)).minus(constant(cm))));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        double[][] bt = new double[5][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                bt[j][i] = bm[i][j];
            }
        }
        double[][] xv = xm.value();
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(TestData.leastSquares(bt, cm[i]), xv[i], 1e-6);
        }
        // the same through the transpose: minimize ‖Bᵀ Xᵀ − Cᵀ‖_F²
        Problem q = Problem.minimize(sumSquares(constant(bt).matmul(xm.T()).minus(constant(cm).T())));
        assertEquals(ProblemStatus.OPTIMAL, q.solve());
        assertEquals(p.value(), q.value(), 1e-7);
    }
}
