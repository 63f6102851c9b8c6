package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.cvxlayers.core.constraints.Equality;
import org.cvxlayers.core.constraints.Inequality;
import org.cvxlayers.core.constraints.SocConstraint;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** Dual values: CVXPY's sign conventions, complementary slackness and stationarity. */
class DualValuesTest {

    @Test
    void equalityAndNonnegativityDualsFollowCvxpy() {
        // cvxpy/cvxpy#2849: min x₀ + 2x₁ s.t. x₀ + x₁ == 1, x >= 0 gives equality dual −1
        Variable x = variable(2, "x");
        Equality eq = sum(x).eq(1);
        Inequality nonneg = x.ge(0);
        Problem p = Problem.minimize(x.index(0).plus(x.index(1).mul(2)), eq, nonneg);
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(1.0, p.value(), 1e-7);
        assertEquals(-1.0, eq.dualScalar(), 1e-6);
        assertArrayEquals(new double[] {0, 1}, nonneg.dualValue(), 1e-6);
    }

    @Test
    void lpDualsSatisfyKkt() {
        Random r = new Random(31);
        int n = 4;
        int m = 10;
        double[][] a = TestData.randn(r, m, n);
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = 1 + r.nextDouble(); // x = 0 is strictly feasible
        }
        // objective −Aᵀ1 keeps the LP bounded (it is a nonnegative combination of constraint rows)
        double[] c = TestData.mulT(a, new double[m]);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                c[j] -= a[i][j] * (0.5 + r.nextDouble());
            }
        }
        Variable x = variable(n, "x");
        Inequality con = constant(a).matmul(x).le(constant(b));
        Problem p = Problem.minimize(constant(c).matmul(x), con);
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        double[] xv = x.vectorValue();
        double[] lam = con.dualValue();
        double[] slack = TestData.minus(b, TestData.mul(a, xv));
        double[] stat = TestData.mulT(a, lam);
        for (int j = 0; j < n; j++) {
            assertEquals(0.0, c[j] + stat[j], 1e-6, "c + Aᵀλ = 0");
        }
        for (int i = 0; i < m; i++) {
            assertTrue(lam[i] >= -1e-8);
            assertTrue(slack[i] >= -1e-7);
            assertEquals(0.0, lam[i] * slack[i], 1e-6);
        }
        // strong duality: cᵀx = −bᵀλ
        assertEquals(p.value(), -TestData.dot(b, lam), 1e-6);
    }

    @Test
    void geAndLeFormsGiveTheSameDual() {
        Variable x = variable("x");
        Inequality ge = x.ge(1);
        Problem p1 = Problem.minimize(x, ge);
        assertEquals(ProblemStatus.OPTIMAL, p1.solve());
        Inequality le = constant(1).le(x);
        Problem p2 = Problem.minimize(x, le);
        assertEquals(ProblemStatus.OPTIMAL, p2.solve());
        assertEquals(1.0, ge.dualScalar(), 1e-7);
        assertEquals(1.0, le.dualScalar(), 1e-7);
        // maximization is min −f: the dual of x <= 1 in max x is 1
        Inequality cap = x.le(1);
        Problem p3 = Problem.maximize(x, cap);
        assertEquals(ProblemStatus.OPTIMAL, p3.solve());
        assertEquals(1.0, cap.dualScalar(), 1e-7);
    }

    @Test
    void equalityDualOfMinimumNormProblem() {
        Random r = new Random(32);
        double[][] a = TestData.randn(r, 2, 5);
        Variable x = variable(5, "x");
        Parameter b = parameter(2, "b");
        Equality eq = constant(a).matmul(x).eq(b);
        Problem p = Problem.minimize(sumSquares(x), eq);
        for (int trial = 0; trial < 2; trial++) {
            double[] bv = TestData.randn(r, 2);
            b.setValue(bv);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            // 2x + Aᵀν = 0 and Ax = b ⇒ ν = −2 (AAᵀ)⁻¹ b
            double[][] aat = {{TestData.dot(a[0], a[0]), TestData.dot(a[0], a[1])},
                    {TestData.dot(a[1], a[0]), TestData.dot(a[1], a[1])}};
            double[] nu = TestData.solve(aat, bv);
            assertArrayEquals(new double[] {-2 * nu[0], -2 * nu[1]}, eq.dualValue(), 1e-6);
        }
    }

    @Test
    void secondOrderConeDualIsComplementary() {
        // max Σx s.t. ‖x‖ ≤ 1: x = 1/√3, dual (λ, μ) with μ = −λ x and λ = √3
        Variable x = variable(3, "x");
        SocConstraint soc = soc(constant(1), x);
        Problem p = Problem.maximize(sum(x), soc);
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        double[] d = soc.dualValue();
        assertEquals(4, d.length);
        double s3 = Math.sqrt(3);
        assertArrayEquals(new double[] {s3, -1, -1, -1}, d, 1e-6);
        double[] xv = x.vectorValue();
        assertEquals(0.0, 1 * d[0] + d[1] * xv[0] + d[2] * xv[1] + d[3] * xv[2], 1e-6);
    }

    @Test
    void matrixConstraintDualKeepsShape() {
        Variable xm = variable(2, 2, "X");
        double[][] lo = {{1, 2}, {3, 4}};
        Inequality con = xm.ge(constant(lo));
        double[][] w = {{1, 0.5}, {2, 3}};
        Problem p = Problem.minimize(sum(xm.mul(constant(w))), con);
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        double[][] dual = con.dualMatrix();
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(w[i], dual[i], 1e-6);
        }
    }

    @Test
    void dualMapsAndTheirAdjointsAgree() {
        Random r = new Random(33);
        Variable xm = variable(3, 3, "X");
        Variable v = variable(2, 3, "V");
        java.util.List<org.cvxlayers.core.constraints.Constraint> cons = java.util.List.of(
                xm.psd(), v.ge(0), v.eq(1), soc(xm.index(0, 0), v));
        for (org.cvxlayers.core.constraints.Constraint c : cons) {
            int len = c instanceof org.cvxlayers.core.constraints.PsdConstraint ? 6 : c instanceof SocConstraint ? 7 : 6;
            double[] y = TestData.randn(r, len);
            double[] d = TestData.randn(r, c.dualShape().size());
            double lhs = TestData.dot(c.dualValueFrom(y), d);
            double rhs = TestData.dot(y, c.dualValueAdjoint(d));
            assertEquals(lhs, rhs, 1e-12, c.toString());
        }
        // a PSD dual is the symmetric matrix with off-diagonals y/√2
        double[] z = xm.psd().dualValueFrom(new double[] {1, Math.sqrt(2), 3, 0, 0, 0});
        assertArrayEquals(new double[] {1, 1, 0, 1, 3, 0, 0, 0, 0}, z, 1e-15);
    }

    @Test
    void dualsAreClearedWhenInfeasible() {
        Variable x = variable("x");
        Inequality a = x.ge(2);
        Inequality b = x.le(1);
        Problem p = Problem.minimize(x, a, b);
        assertEquals(ProblemStatus.INFEASIBLE, p.solve());
        assertFalse(a.hasDualValue());
        assertThrows(IllegalStateException.class, a::dualValue);
    }
}
