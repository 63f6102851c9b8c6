package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DgpException;
import org.cvxlayers.core.analysis.LogLogAnalyzer;
import org.cvxlayers.core.canon.ParametricConeProgram;
import org.cvxlayers.core.constraints.Inequality;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.ParameterValueException;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** Disciplined geometric programming: log-log curvature rules, messages, and solves checked by KKT. */
class DgpTest {
    private final Variable x = posVariable("x");
    private final Variable y = posVariable("y");
    private final Variable z = posVariable("z");

    private static Curvature ll(Expression e) {
        return LogLogAnalyzer.curvature(e);
    }

    @Test
    void logLogCurvatureOfMonomialsAndPosynomials() {
        assertEquals(Curvature.AFFINE, ll(x.mul(y).mul(z)));
        assertEquals(Curvature.AFFINE, ll(x.mul(3).div(y.mul(y))));
        assertEquals(Curvature.AFFINE, ll(power(x, -1.5).mul(sqrt(y))));
        assertEquals(Curvature.AFFINE, ll(geoMean(hstack(x, y, z))));
        assertEquals(Curvature.CONSTANT, ll(constant(2.0).mul(3)));
        assertEquals(Curvature.CONVEX, ll(x.plus(y)));
        assertEquals(Curvature.CONVEX, ll(x.mul(y).plus(z.div(x)).plus(2)));
        assertEquals(Curvature.CONCAVE, ll(constant(1.0).div(x.plus(y))));
        assertEquals(Curvature.CONCAVE, ll(x.div(x.plus(y))));
        assertEquals(Curvature.CONVEX, ll(x.plus(y).div(x.mul(y))));
        assertEquals(Curvature.CONVEX, ll(maximum(x, invPos(y))));
        assertEquals(Curvature.CONCAVE, ll(minimum(x, y.mul(z))));
        assertEquals(Curvature.CONCAVE, ll(oneMinusPos(x)));
        assertEquals(Curvature.CONVEX, ll(norm2(hstack(x, y))));
        assertEquals(Curvature.CONVEX, ll(power(x.plus(y), 2)));
        assertEquals(Curvature.UNKNOWN, ll(power(x.plus(y), -1).plus(x))); // concave + convex
        assertEquals(Curvature.UNKNOWN, ll(x.minus(y)));
        assertTrue(Problem.minimize(x.plus(y), x.mul(y).ge(1)).isDgp());
        assertFalse(Problem.minimize(x.plus(y), x.mul(y).ge(1)).isDcp());
        org.cvxlayers.core.analysis.DcpException hint = assertThrows(org.cvxlayers.core.analysis.DcpException.class,
                () -> Problem.minimize(x.plus(y), x.mul(y).ge(1)).solve());
        assertTrue(hint.getMessage().endsWith("the problem is DGP: solve it with gp = true"), hint.getMessage());
    }

    @Test
    void violationsNameTheSubexpression() {
        DgpException e = assertThrows(DgpException.class,
                () -> Problem.minimize(constant(1.0).div(x.plus(y))).compile(true));
        assertEquals("minimize(1.0 / (x + y))", e.subexpression());
        assertTrue(e.getMessage().contains("must be log-log convex, but 1.0 / (x + y) is log-log concave"), e.getMessage());

        e = assertThrows(DgpException.class, () -> Problem.minimize(x, z.le(x.plus(y))).checkDgp());
        assertTrue(e.getMessage().contains("the right side of <= must be log-log concave, but x + y is log-log convex"),
                e.getMessage());

        e = assertThrows(DgpException.class, () -> Problem.minimize(x, x.plus(y).eq(z)).checkDgp());
        assertTrue(e.getMessage().contains("must be monomials (log-log affine), but x + y is log-log convex"),
                e.getMessage());

        e = assertThrows(DgpException.class, () -> Problem.minimize(x.minus(y)).checkDgp());
        assertEquals("-y", e.subexpression());
        assertTrue(e.getMessage().contains("negative coefficient") && e.getMessage().contains("(in x - y)"),
                e.getMessage());

        Variable w = variable("w");
        e = assertThrows(DgpException.class, () -> Problem.minimize(x.mul(w)).checkDgp());
        assertEquals("w", e.subexpression());
        assertTrue(e.getMessage().contains("variable w is not positive"), e.getMessage());

        e = assertThrows(DgpException.class, () -> Problem.minimize(x.mul(-2.0)).checkDgp());
        assertTrue(e.getMessage().contains("not positive"), e.getMessage());

        e = assertThrows(DgpException.class,
                () -> Problem.minimize(constant(1.0).div(x.plus(y)).plus(x)).checkDgp());
        assertTrue(e.getMessage().contains("is not log-log convex or concave"), e.getMessage());

        e = assertThrows(DgpException.class, () -> Problem.minimize(abs(x)).checkDgp());
        assertTrue(e.getMessage().contains("abs is not a DGP atom"), e.getMessage());
        // the problem stays usable: a valid gp still solves afterwards
        Problem ok = Problem.minimize(x.plus(invPos(x)));
        assertEquals(ProblemStatus.OPTIMAL, ok.solve(true));
        assertEquals(2.0, ok.value(), 1e-7);
    }

    /**
     * minimize 1/(xyz) s.t. a(xy + xz + yz) ≤ b, x ≥ y^c. In log space u = log(x, y, z) the problem is
     * min −Σu s.t. g₁ = log a + log(e^{u₁+u₂} + e^{u₁+u₃} + e^{u₂+u₃}) − log b ≤ 0, g₂ = c·u₂ − u₁ ≤ 0, and its
     * KKT conditions are −𝟙 + λ₁∇g₁ + λ₂∇g₂ = 0, λ ≥ 0, λᵢgᵢ = 0, with ∇g₁ the term weights
     * (w_xy + w_xz, w_xy + w_yz, w_xz + w_yz) and ∇g₂ = (−1, c, 0). λ are the duals the solve reports.
     */
    @Test
    void boxVolumeGpSatisfiesItsLogSpaceKkt() {
        Parameter a = posParameter("a");
        Parameter b = posParameter("b");
        for (double c : new double[] {0.5, 2.0}) {
            Inequality area = a.mul(x.mul(y).plus(x.mul(z)).plus(y.mul(z))).le(b);
            Inequality shape = x.ge(power(y, c));
            Problem p = Problem.minimize(constant(1.0).div(x.mul(y).mul(z)), area, shape);
            assertTrue(p.isDgp());
            assertFalse(p.isDcp());
            double[][] ab = {{1, 12}, {2, 3}, {0.5, 20}};
            for (double[] v : ab) {
                a.setValue(v[0]);
                b.setValue(v[1]);
                assertEquals(ProblemStatus.OPTIMAL, p.solve(true), () -> "a, b, c = " + v[0] + ", " + v[1] + ", " + c);
                double xv = x.scalarValue();
                double yv = y.scalarValue();
                double zv = z.scalarValue();
                assertEquals(1 / (xv * yv * zv), p.value(), 1e-6 * p.value());
                double s = xv * yv + xv * zv + yv * zv;
                double g1 = Math.log(v[0] * s / v[1]);
                double g2 = c * Math.log(yv) - Math.log(xv);
                double l1 = area.dualScalar();
                double l2 = shape.dualScalar();
                assertTrue(l1 >= -1e-7 && l2 >= -1e-7, "duals " + l1 + ", " + l2);
                assertTrue(g1 <= 1e-6 && g2 <= 1e-6, "feasibility " + g1 + ", " + g2);
                assertEquals(0.0, l1 * g1, 1e-6);
                assertEquals(0.0, l2 * g2, 1e-6);
                double[] grad1 = {(xv * yv + xv * zv) / s, (xv * yv + yv * zv) / s, (xv * zv + yv * zv) / s};
                double[] grad2 = {-1, c, 0};
                for (int i = 0; i < 3; i++) {
                    assertEquals(0.0, -1 + l1 * grad1[i] + l2 * grad2[i], 1e-4, "stationarity " + i);
                }
                if (xv >= Math.pow(Math.sqrt(v[1] / (3 * v[0])), c) + 1e-3) {
                    // shape constraint inactive: the symmetric cube x = y = z = √(b/3a)
                    assertEquals(Math.sqrt(v[1] / (3 * v[0])), yv, 1e-3);
                    assertEquals(Math.pow(3 * v[0] / v[1], 1.5), p.value(), 1e-6);
                }
            }
            assertEquals(1, p.solverSetups(), "one compilation and solver setup for all (a, b)");
        }
    }

    @Test
    void gpProgramHoldsLogsOfParametersAndVariables() {
        Parameter a = posParameter("a");
        a.setValue(4.0);
        Problem p = Problem.minimize(x.plus(a.div(x)));
        ParametricConeProgram prog = p.compile(true);
        assertTrue(prog.isGp());
        assertEquals(List.of(a), prog.parameters());
        assertArrayEquals(new double[] {Math.log(4.0)}, prog.theta(), 1e-15);
        assertArrayEquals(new double[] {Math.log(9.0)}, prog.theta(List.of(new double[] {9.0})), 1e-15);
        assertThrows(ParameterValueException.class, () -> prog.theta(List.of(new double[] {-1.0})));
        assertEquals(ProblemStatus.OPTIMAL, p.solve(true));
        assertEquals(2.0, x.scalarValue(), 1e-4); // x + a/x is minimal at √a
        assertEquals(4.0, p.value(), 1e-7);
        double[] sol = p.solution().x();
        assertEquals(Math.log(2.0), sol[prog.variableIndices(x)[0]], 1e-4);
        assertArrayEquals(new double[] {2.0}, prog.variableValue(x, sol), 1e-4);
        // chain rules: dL/da = dL/dlog a / a; d x = x · d log x
        assertArrayEquals(new double[] {0.25}, prog.thetaGradientToValues(new double[] {1.0}, prog.theta()), 1e-12);
        assertArrayEquals(new double[] {2.0 * 3.0},
                prog.variableValueAdjoint(x, sol, new double[] {3.0}), 1e-3);
    }

    @Test
    void oneMinusPosMaxAndNormsSolve() {
        Problem p = Problem.maximize(x.mul(y), y.le(oneMinusPos(x)));
        assertEquals(ProblemStatus.OPTIMAL, p.solve(true));
        assertEquals(0.25, p.value(), 1e-7);
        assertEquals(0.5, x.scalarValue(), 1e-4);

        Problem q = Problem.minimize(maximum(x, invPos(x)));
        assertEquals(ProblemStatus.OPTIMAL, q.solve(true));
        assertEquals(1.0, q.value(), 1e-7);

        Problem r = Problem.minimize(norm2(hstack(x, y)), x.mul(y).ge(1));
        assertEquals(ProblemStatus.OPTIMAL, r.solve(true));
        assertEquals(Math.sqrt(2), r.value(), 1e-7);

        Problem s = Problem.maximize(geoMean(hstack(x, y, z)), x.plus(y).plus(z).le(3), x.eq(y.mul(2)));
        assertEquals(ProblemStatus.OPTIMAL, s.solve(true));
        // max (2y·y·z)^{1/3} s.t. 3y + z ≤ 3: y = 2/3, z = 1 (Lagrange), value (8/9)^{1/3}
        assertEquals(Math.cbrt(8.0 / 9.0), s.value(), 1e-6);
        assertEquals(2.0 / 3.0, y.scalarValue(), 1e-4);
    }

    @Test
    void posynomialWithNonnegativeMatrixAndVectorVariable() {
        Variable v = posVariable(2, "v");
        double[][] a = {{1, 0}, {2, 3}};
        Problem p = Problem.minimize(sum(constant(a).matmul(v)), prod(v).ge(1));
        assertTrue(p.isDgp());
        assertEquals(ProblemStatus.OPTIMAL, p.solve(true));
        assertEquals(6.0, p.value(), 1e-6); // 3v₁ + 3v₂ with v₁v₂ ≥ 1
        assertArrayEquals(new double[] {1, 1}, v.vectorValue(), 1e-4);
        // a parameter matrix enters as log-coefficients
        Parameter pm = posParameter(2, 2, "P");
        pm.setValue(new double[][] {{1, 1}, {1, 4}});
        Problem q = Problem.minimize(sum(pm.matmul(v)), prod(v).ge(1));
        assertEquals(ProblemStatus.OPTIMAL, q.solve(true));
        // 2v₁ + 5v₂ with v₁v₂ ≥ 1: v₁ = √(5/2), value 2√10
        assertEquals(2 * Math.sqrt(10), q.value(), 1e-6);
        assertEquals(Math.sqrt(2.5), v.vectorValue()[0], 1e-4);
    }

    @Test
    void infeasibleGpReportsStatus() {
        Problem p = Problem.minimize(x, x.ge(2), x.mul(y).le(1), y.ge(1));
        assertEquals(ProblemStatus.INFEASIBLE, p.solve(true));
        assertEquals(Double.POSITIVE_INFINITY, p.value());
    }

    /**
     * Sensitivity through the log-space duals: for min 1/(xyz) s.t. a(xy + xz + yz) ≤ b the constraint reads
     * log a + log(…) − log b ≤ 0, so d log(f^opt) / d log a = λ and d(f^opt)/da = f^opt·λ/a. Checked by central finite
     * differences of re-solves (same compilation, new θ = log a).
     */
    @Test
    void dualGivesTheSensitivityToAParameter() {
        Parameter a = posParameter("a");
        Parameter b = posParameter("b");
        b.setValue(12.0);
        Inequality area = a.mul(x.mul(y).plus(x.mul(z)).plus(y.mul(z))).le(b);
        Problem p = Problem.minimize(constant(1.0).div(x.mul(y).mul(z)), area, x.le(y.mul(3)));
        double a0 = 1.3;
        a.setValue(a0);
        assertEquals(ProblemStatus.OPTIMAL, p.solve(true));
        double f0 = p.value();
        double predicted = f0 * area.dualScalar() / a0;
        double h = 1e-3;
        a.setValue(a0 + h);
        p.solve(true);
        double fp = p.value();
        a.setValue(a0 - h);
        p.solve(true);
        double fm = p.value();
        assertEquals((fp - fm) / (2 * h), predicted, 1e-4 * Math.abs(predicted));
        assertEquals(1.5 * f0 / a0, predicted, 1e-5); // f* = (3a/b)^{3/2} here, so f*' = 1.5 f*/a
        assertTrue(x.mul(y).isLogLogAffine());
        assertTrue(x.plus(y).isLogLogConvex());
        assertFalse(x.minus(y).isDgp());
    }

    /**
     * A vector GP: min Σ 1/xᵢ s.t. A x ≤ 1 (20 posynomial constraints, A > 0). In log space u = log x,
     * F = log Σ e^{−uᵢ}, gᵣ = log Σⱼ Aᵣⱼ e^{uⱼ}; stationarity reads −(1/xᵢ)/S + Σᵣ λᵣ Aᵣᵢ xᵢ / (Aᵣ·x) = 0 with
     * S = Σ 1/xᵢ and λ the reported duals.
     */
    @Test
    void vectorPosynomialConstraintsSatisfyKkt() {
        int m = 20;
        int n = 30;
        java.util.Random rnd = new java.util.Random(3);
        double[][] a = new double[m][n];
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < n; j++) {
                a[r][j] = 0.1 + rnd.nextDouble();
            }
        }
        Parameter ap = posParameter(m, n, "A");
        ap.setValue(a);
        Variable v = posVariable(n, "v");
        Inequality cap = ap.matmul(v).le(1);
        Problem p = Problem.minimize(sum(invPos(v)), cap);
        assertEquals(ProblemStatus.OPTIMAL, p.solve(true));
        double[] xv = v.vectorValue();
        double[] lam = cap.dualValue();
        double s = 0;
        for (double xi : xv) {
            s += 1 / xi;
        }
        assertEquals(s, p.value(), 1e-6 * s);
        double[] ax = new double[m];
        for (int r = 0; r < m; r++) {
            for (int j = 0; j < n; j++) {
                ax[r] += a[r][j] * xv[j];
            }
            assertTrue(ax[r] <= 1 + 1e-6, "row " + r + " feasible");
            assertTrue(lam[r] >= -1e-8, "dual " + r + " nonnegative");
            assertEquals(0.0, lam[r] * Math.log(ax[r]), 1e-6, "complementary slackness " + r);
        }
        for (int i = 0; i < n; i++) {
            double g = -(1 / xv[i]) / s;
            for (int r = 0; r < m; r++) {
                g += lam[r] * a[r][i] * xv[i] / ax[r];
            }
            assertEquals(0.0, g, 1e-5, "stationarity " + i);
        }
    }

    /** Every log-space form evaluates to log of the expression's value (and is DCP with the right curvature). */
    @Test
    void logSpaceFormsEvaluateToTheLogOfTheValue() {
        Variable v = posVariable(3, "v");
        x.setValue(0.3);
        y.setValue(2.0);
        z.setValue(1.7);
        v.setValue(0.5, 1.5, 4.0);
        double[][] a = {{1, 0, 2}, {0.5, 3, 0}};
        Expression[] es = {
            x.mul(y).div(z), x.plus(y.mul(2)).plus(3), power(x, -1.5).mul(sqrt(y)), sum(v), constant(a).matmul(v),
            geoMean(v, new double[] {1, 2, 3}), norm2(v), pnorm(v, 3), normInf(v), sumSquares(v),
            quadOverLin(v, x), maximum(x, y.mul(z)), minimum(x, invPos(y)), max(v), oneMinusPos(x),
            constant(1.0).div(x.plus(y)), prod(v), v.mul(x).plus(v)};
        org.cvxlayers.core.canon.LogSpace ls = new org.cvxlayers.core.canon.LogSpace();
        for (Expression e : es) {
            double[] val = e.evaluate();
            double[] logForm = ls.of(e).evaluate();
            for (int k = 0; k < val.length; k++) {
                assertEquals(Math.log(val[k]), logForm[k], 1e-12, e::toString);
            }
            Curvature ll = LogLogAnalyzer.curvature(e);
            Curvature dcp = ls.of(e).curvature();
            assertTrue(ll.isAffine() ? dcp.isAffine() : ll == Curvature.CONVEX ? dcp.isConvex() : dcp.isConcave(),
                    e + ": log-log " + ll + " but log-space " + dcp);
        }
    }
}
