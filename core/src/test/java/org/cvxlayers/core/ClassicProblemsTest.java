package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.constraints.Constraint;
import org.cvxlayers.core.constraints.Equality;
import org.cvxlayers.core.expr.Attributes;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** Projections, Chebyshev center, portfolio, robust LP and piecewise-linear atoms with closed-form answers. */
class ClassicProblemsTest {

    @Test
    void projectionOntoSimplexMatchesClosedForm() {
        Random r = new Random(21);
        int n = 6;
        Variable x = variable(n, "x");
        Parameter y = parameter(n, "y");
        Problem p = Problem.minimize(sumSquares(x.minus(y)), sum(x).eq(1), x.ge(0));
        for (int trial = 0; trial < 4; trial++) {
            double[] yv = TestData.randn(r, n);
            y.setValue(yv);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            assertArrayEquals(TestData.projectSimplex(yv, 1.0), x.vectorValue(), 1e-6);
        }
    }

    @Test
    void projectionOntoL1BallMatchesClosedForm() {
        Random r = new Random(22);
        int n = 5;
        Variable x = variable(n, "x");
        Parameter y = parameter(n, "y");
        Parameter radius = new Parameter(Shape.scalar(), "radius", Attributes.nonnegative());
        Problem p = Problem.minimize(sumSquares(x.minus(y)), norm1(x).le(radius));
        double[] radii = {0.5, 1.0, 10.0};
        for (double rad : radii) {
            double[] yv = TestData.randn(r, n);
            y.setValue(yv);
            radius.setValue(rad);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            assertArrayEquals(TestData.projectL1Ball(yv, rad), x.vectorValue(), 1e-6);
        }
    }

    @Test
    void chebyshevCenterOfTriangleAndBox() {
        // triangle (0,0), (4,0), (0,3): inradius 1, incenter (1, 1)
        double[][] a = {{-1, 0}, {0, -1}, {3, 4}};
        Variable xc = variable(2, "xc");
        Variable radius = variable("r");
        Parameter b = parameter(3, "b");
        List<Constraint> cons = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double na = Math.hypot(a[i][0], a[i][1]);
            cons.add(constant(a[i]).matmul(xc).plus(radius.mul(na)).le(b.index(i)));
        }
        Problem p = Problem.maximize(radius, cons);
        b.setValue(new double[] {0, 0, 12});
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(1.0, p.value(), 1e-7);
        assertArrayEquals(new double[] {1, 1}, xc.vectorValue(), 1e-6);
        // scaled triangle (0,0), (8,0), (0,6) after moving the hypotenuse: inradius 2
        b.setValue(new double[] {0, 0, 24});
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(2.0, p.value(), 1e-7);
        assertArrayEquals(new double[] {2, 2}, xc.vectorValue(), 1e-6);
    }

    @Test
    void meanVariancePortfolioMatchesKktSystem() {
        Random r = new Random(23);
        int n = 4;
        double[][] sigma = TestData.spd(r, n, 0.5);
        Variable w = variable(n, "w");
        Parameter mu = parameter(n, "mu");
        Parameter gamma = new Parameter(Shape.scalar(), "gamma", Attributes.nonnegative());
        Problem p = Problem.maximize(mu.matmul(w).minus(gamma.mul(quadForm(w, sigma))), sum(w).eq(1));
        for (double g : new double[] {0.5, 2.0}) {
            double[] muv = TestData.randn(r, n);
            mu.setValue(muv);
            gamma.setValue(g);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            // [2γΣ 1; 1ᵀ 0] [w; ν] = [μ; 1]
            double[][] k = new double[n + 1][n + 1];
            double[] rhs = new double[n + 1];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    k[i][j] = 2 * g * sigma[i][j];
                }
                k[i][n] = 1;
                k[n][i] = 1;
                rhs[i] = muv[i];
            }
            rhs[n] = 1;
            double[] sol = TestData.solve(k, rhs);
            double[] wref = java.util.Arrays.copyOf(sol, n);
            assertArrayEquals(wref, w.vectorValue(), 1e-6);
            double var = TestData.dot(wref, TestData.mul(sigma, wref));
            assertEquals(TestData.dot(muv, wref) - g * var, p.value(), 1e-7);
        }
    }

    @Test
    void longOnlyPortfolioSatisfiesKkt() {
        Random r = new Random(24);
        int n = 5;
        double[][] sigma = TestData.spd(r, n, 0.1);
        double[] muv = {0.5, 0.1, -0.3, 0.8, 0.2};
        Variable w = variable(n, "w");
        Equality budget = sum(w).eq(1);
        org.cvxlayers.core.constraints.Inequality longOnly = w.ge(0);
        Problem p = Problem.minimize(quadForm(w, sigma).minus(constant(muv).matmul(w)), budget, longOnly);
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        double[] wv = w.vectorValue();
        double[] lam = longOnly.dualValue();
        double nu = budget.dualScalar();
        double[] grad = TestData.mul(sigma, wv);
        for (int i = 0; i < n; i++) {
            // L = f + ν(1ᵀw − 1) + λᵀ(0 − w): 2Σw − μ + ν − λ = 0
            assertEquals(0.0, 2 * grad[i] - muv[i] + nu - lam[i], 1e-6);
            assertEquals(0.0, lam[i] * wv[i], 1e-7);
            assertTrue(lam[i] >= -1e-8 && wv[i] >= -1e-8);
        }
        assertEquals(1.0, TestData.sum(wv), 1e-8);
    }

    @Test
    void robustLpAsSocp() {
        // minimize −x₁ − x₂ s.t. x₁ + x₂ + ρ‖x‖₂ ≤ 1, x ≥ 0: x₁ = x₂ = 1/(2 + ρ√2)
        Variable x = variable(2, "x");
        Parameter rho = new Parameter(Shape.scalar(), "rho", Attributes.nonnegative());
        Problem p = Problem.minimize(sum(x).neg(), sum(x).plus(rho.mul(norm2(x))).le(1), x.ge(0));
        assertTrue(p.isDpp());
        for (double rv : new double[] {0.0, 0.5, 2.0}) {
            rho.setValue(rv);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            double t = 1.0 / (2 + rv * Math.sqrt(2));
            assertArrayEquals(new double[] {t, t}, x.vectorValue(), 1e-6);
            assertEquals(-2 * t, p.value(), 1e-7);
        }
    }

    @Test
    void sumLargestAndSumSmallest() {
        Variable x = variable(4, "x");
        Parameter y = parameter(4, "y");
        Problem fixed = Problem.minimize(sumLargest(x, 2), x.eq(y));
        y.setValue(new double[] {3, -1, 7, 2});
        assertEquals(ProblemStatus.OPTIMAL, fixed.solve());
        assertEquals(10.0, fixed.value(), 1e-7);
        y.setValue(new double[] {-5, -1, -7, -2});
        assertEquals(ProblemStatus.OPTIMAL, fixed.solve());
        assertEquals(-3.0, fixed.value(), 1e-7);
        // spreading mass evenly minimizes the two largest entries
        Problem even = Problem.minimize(sumLargest(x, 2), sum(x).eq(6));
        assertEquals(ProblemStatus.OPTIMAL, even.solve());
        assertEquals(3.0, even.value(), 1e-6);
        Problem smallest = Problem.maximize(sumSmallest(x, 2), sum(x).eq(4));
        assertEquals(ProblemStatus.OPTIMAL, smallest.solve());
        assertEquals(2.0, smallest.value(), 1e-6);
    }

    @Test
    void maxMinMaximumMinimum() {
        int n = 4;
        Variable x = variable(n, "x");
        Problem minMax = Problem.minimize(max(x), sum(x).eq(1));
        assertEquals(ProblemStatus.OPTIMAL, minMax.solve());
        assertEquals(0.25, minMax.value(), 1e-7);
        double[] a = {1, 2, 3, 4};
        Problem maxMin = Problem.maximize(min(x), constant(a).matmul(x).le(1));
        assertEquals(ProblemStatus.OPTIMAL, maxMin.solve());
        assertEquals(0.1, maxMin.value(), 1e-7);
        assertArrayEquals(new double[] {0.1, 0.1, 0.1, 0.1}, x.vectorValue(), 1e-6);
        // Σ max(xᵢ, 1 − xᵢ) is minimized at xᵢ = ½
        Problem pw = Problem.minimize(sum(maximum(x, constant(1).minus(x))));
        assertEquals(ProblemStatus.OPTIMAL, pw.solve());
        assertEquals(2.0, pw.value(), 1e-7);
        // Σ min(xᵢ, 2) with xᵢ ≤ 3 − i/2: min(3, 2) + min(2.5, 2) + min(2, 2) + min(1.5, 2)
        double[] ub = {3, 2.5, 2, 1.5};
        Problem cap = Problem.maximize(sum(minimum(x, constant(2))), x.le(constant(ub)));
        assertEquals(ProblemStatus.OPTIMAL, cap.solve());
        assertEquals(7.5, cap.value(), 1e-7);
    }

    @Test
    void normsAsObjectivesAndConstraints() {
        int n = 3;
        Variable x = variable(n, "x");
        Parameter y = parameter(n, "y");
        y.setValue(new double[] {1, -2, 4});
        // min ‖x − y‖_∞ s.t. Σx = 0: the deviation |mean(y)| = 1
        Problem pinf = Problem.minimize(normInf(x.minus(y)), sum(x).eq(0));
        assertEquals(ProblemStatus.OPTIMAL, pinf.solve());
        assertEquals(1.0, pinf.value(), 1e-7);
        Problem l1 = Problem.maximize(sum(x), norm1(x).le(1));
        assertEquals(ProblemStatus.OPTIMAL, l1.solve());
        assertEquals(1.0, l1.value(), 1e-7);
        Problem linf = Problem.maximize(sum(x), normInf(x).le(2));
        assertEquals(ProblemStatus.OPTIMAL, linf.solve());
        assertEquals(6.0, linf.value(), 1e-7);
        // max Σx s.t. ‖x‖₂ ≤ 1: √n
        Problem l2 = Problem.maximize(sum(x), norm2(x).le(1));
        assertEquals(ProblemStatus.OPTIMAL, l2.solve());
        assertEquals(Math.sqrt(3), l2.value(), 1e-7);
        // ‖x‖₃ with Σx = 1 is minimized by xᵢ = 1/n: n^{1/3}/n
        Problem p3 = Problem.minimize(pnorm(x, 3), sum(x).eq(1));
        assertEquals(ProblemStatus.OPTIMAL, p3.solve());
        assertEquals(Math.pow(3, 1.0 / 3) / 3, p3.value(), 1e-6);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, x.vectorValue(), 1e-5);
        // max Σx s.t. ‖x‖_{1.5} ≤ 1: n^{1 − 1/1.5}
        Problem p15 = Problem.maximize(sum(x), pnorm(x, 1.5).le(1));
        assertEquals(ProblemStatus.OPTIMAL, p15.solve());
        assertEquals(Math.pow(3, 1 - 1 / 1.5), p15.value(), 1e-6);
    }

    @Test
    void reductionsAlongAxes() {
        Variable xm = variable(2, 3, "X");
        // max Σ X s.t. each row has ‖·‖₂ ≤ 1: 2·√3; each column: 3·√2
        Problem rows = Problem.maximize(sum(xm), norm2(xm, 1).le(1));
        assertEquals(ProblemStatus.OPTIMAL, rows.solve());
        assertEquals(2 * Math.sqrt(3), rows.value(), 1e-6);
        Problem cols = Problem.maximize(sum(xm), norm2(xm, 0).le(1));
        assertEquals(ProblemStatus.OPTIMAL, cols.solve());
        assertEquals(3 * Math.sqrt(2), cols.value(), 1e-6);
        // values along axes, by hand
        xm.setValue(1, -2, 3, 4, 5, -6);
        assertArrayEquals(new double[] {4, 5, 3}, max(xm, 0).vectorValue(), 0);
        assertArrayEquals(new double[] {-2, -6}, min(xm, 1).vectorValue(), 0);
        assertArrayEquals(new double[] {6, 15}, norm1(xm, 1).vectorValue(), 0);
        assertArrayEquals(new double[] {3, 6}, normInf(xm, 1).vectorValue(), 0);
        assertArrayEquals(new double[] {Math.sqrt(17), Math.sqrt(29), Math.sqrt(45)}, norm2(xm, 0).vectorValue(), 1e-12);
        assertArrayEquals(new double[] {2.5, 1.5, -1.5}, mean(xm, 0).vectorValue(), 1e-12);
        assertEquals(5.0 / 6, mean(xm).scalarValue(), 1e-12);
        assertEquals(Curvature.CONVEX, norm2(xm, 0).curvature());
        assertEquals(Curvature.CONCAVE, min(xm, 1).curvature());
    }

    @Test
    void frobeniusNormWithTraceConstraint() {
        double[][] c = {{3, 1, 0}, {2, 5, 1}, {0, 1, 1}};
        Variable xm = variable(3, 3, "X");
        // nearest matrix with zero trace: X = C − (tr C / 3) I, distance |tr C| / √3
        Problem p = Problem.minimize(norm2(xm.minus(constant(c))), trace(xm).eq(0));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(9 / Math.sqrt(3), p.value(), 1e-6);
        double[][] xv = xm.value();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(c[i][j] - (i == j ? 3 : 0), xv[i][j], 1e-5);
            }
        }
    }

    @Test
    void affineOperatorsInOneProblem() {
        // cumsum(x) = y ⇒ x = diff of y with x₀ = y₀
        Variable x = variable(4, "x");
        double[] y = {1, 3, 6, 10};
        Problem p = Problem.minimize(sumSquares(cumsum(x).minus(constant(y))));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertArrayEquals(new double[] {1, 2, 3, 4}, x.vectorValue(), 1e-6);
        assertArrayEquals(new double[] {1, 1, 1}, diff(x).vectorValue(), 1e-6);
        // kron(C, X) = kron(C, X0) recovers X0; vstack/hstack/diag/reshape agree with the same data
        double[][] cc = {{1, 2}, {0, -1}};
        double[][] x0 = {{1, 2, 3}, {4, 5, 6}};
        Variable xm = variable(2, 3, "X");
        Expression target = constant(kronDense(cc, x0));
        Problem k = Problem.minimize(sumSquares(kron(cc, xm).minus(target)));
        assertEquals(ProblemStatus.OPTIMAL, k.solve());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, xm.vectorValue(), 1e-6);
        Problem st = Problem.minimize(sumSquares(vstack(xm.row(1), xm.row(0)).minus(constant(new double[][] {{4, 5, 6}, {1, 2, 3}})))
                .plus(sumSquares(hstack(x, x.index(0)).minus(constant(new double[] {1, 2, 3, 4, 1})))));
        assertEquals(ProblemStatus.OPTIMAL, st.solve());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, xm.vectorValue(), 1e-6);
        assertArrayEquals(new double[] {1, 2, 3, 4}, x.vectorValue(), 1e-6);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, xm.reshape(Shape.vector(6)).vectorValue(), 1e-6);
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, xm.vec().vectorValue(), 1e-6);
        assertArrayEquals(new double[] {5, 7, 9}, xm.sum(0).vectorValue(), 1e-6);
        assertArrayEquals(new double[] {6, 15}, xm.sum(1).vectorValue(), 1e-6);
        assertArrayEquals(new double[] {1, 0, 0, 0, 2, 0, 0, 0, 3}, diag(xm.row(0)).vectorValue(), 1e-6);
        assertArrayEquals(new double[] {2, 3, 5, 6}, xm.slice(0, 2, 1, 3).vectorValue(), 1e-6);
    }

    private static double[][] kronDense(double[][] c, double[][] x) {
        int p = c.length;
        int q = c[0].length;
        int m = x.length;
        int n = x[0].length;
        double[][] out = new double[p * m][q * n];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < q; b++) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        out[a * m + i][b * n + j] = c[a][b] * x[i][j];
                    }
                }
            }
        }
        return out;
    }
}
