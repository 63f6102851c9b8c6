package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import org.cvxlayers.core.canon.ParametricConeProgram;
import org.cvxlayers.core.expr.Attributes;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** Problems with analytic optima exercising the second-order-cone atoms, plus statuses and values. */
class NonlinearAtomsSolveTest {

    @Test
    void sqrtSumIsMaximizedByEqualShares() {
        Variable x = variable(4, "x");
        Parameter budget = new Parameter(Shape.scalar(), "budget", Attributes.nonnegative());
        Problem p = Problem.maximize(sum(sqrt(x)), sum(x).eq(budget));
        for (double bgt : new double[] {1.0, 9.0}) {
            budget.setValue(bgt);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            assertEquals(4 * Math.sqrt(bgt / 4), p.value(), 1e-6);
            assertArrayEquals(new double[] {bgt / 4, bgt / 4, bgt / 4, bgt / 4}, x.vectorValue(), 1e-4);
        }
    }

    @Test
    void invPosAndNegativePowers() {
        Variable x = variable(3, "x");
        Problem p = Problem.minimize(sum(invPos(x)), sum(x).eq(3));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(3.0, p.value(), 1e-6);
        Variable y = variable("y");
        Problem q = Problem.minimize(power(y, -2), y.le(2));
        assertEquals(ProblemStatus.OPTIMAL, q.solve());
        assertEquals(0.25, q.value(), 1e-6);
        assertEquals(2.0, y.scalarValue(), 1e-5);
    }

    @Test
    void rationalPowersAboveOne() {
        Variable x = variable(2, "x");
        Problem p = Problem.minimize(sum(power(x, 1.5)), sum(x).eq(2));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(2.0, p.value(), 1e-6);
        // x⁴ is defined for negative x: min (z + 1)⁴ + z reaches its minimum where 4(z + 1)³ = −1
        Variable z = variable("z");
        Problem q = Problem.minimize(power(z.plus(1), 4).plus(z));
        assertEquals(ProblemStatus.OPTIMAL, q.solve());
        double zs = -1 - Math.cbrt(0.25);
        assertEquals(zs, z.scalarValue(), 1e-4);
        assertEquals(Math.pow(zs + 1, 4) + zs, q.value(), 1e-6);
        // power 2.5 with domain x ≥ 0: min x^{2.5} − x at x = (1/2.5)^{1/1.5}
        Variable w = variable("w");
        Problem r = Problem.minimize(power(w, 2.5).minus(w));
        assertEquals(ProblemStatus.OPTIMAL, r.solve());
        double ws = Math.pow(1 / 2.5, 1 / 1.5);
        assertEquals(Math.pow(ws, 2.5) - ws, r.value(), 1e-6);
    }

    @Test
    void concaveRationalPower() {
        // max x^{1/3} − x/3 at x = 1
        Variable x = variable("x");
        Problem p = Problem.maximize(power(x, 1.0 / 3).minus(x.div(3)));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(2.0 / 3, p.value(), 1e-6);
        assertEquals(1.0, x.scalarValue(), 1e-4);
    }

    @Test
    void geometricMeans() {
        Variable x = variable(3, "x");
        Problem p = Problem.maximize(geoMean(x), sum(x).le(1));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(1.0 / 3, p.value(), 1e-6);
        // weighted: max Π xᵢ^{wᵢ} s.t. Σx = 1 is attained at x = w
        double[] w = {0.5, 0.3, 0.2};
        Problem q = Problem.maximize(geoMean(x, w), sum(x).eq(1));
        assertEquals(ProblemStatus.OPTIMAL, q.solve());
        assertArrayEquals(w, x.vectorValue(), 1e-4); // the maximizer is only as accurate as √gap here
        assertEquals(Math.pow(0.5, 0.5) * Math.pow(0.3, 0.3) * Math.pow(0.2, 0.2), q.value(), 1e-6);
    }

    @Test
    void quadOverLinAndSquareInConstraints() {
        // min ‖a‖²/t + t over t > 0: t = ‖a‖, value 2‖a‖
        Variable t = variable("t");
        Variable x = variable(2, "x");
        Problem p = Problem.minimize(quadOverLin(x, t).plus(t), x.eq(constant(new double[] {3, 4})));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(10.0, p.value(), 1e-6);
        assertEquals(5.0, t.scalarValue(), 1e-4);
        // square in a constraint: min s s.t. (x − 2)² ≤ s, x ≥ 3
        Variable s = variable("s");
        Variable y = variable("y");
        Problem q = Problem.minimize(s, square(y.minus(2)).le(s), y.ge(3));
        assertEquals(ProblemStatus.OPTIMAL, q.solve());
        assertEquals(1.0, q.value(), 1e-7);
        // sum_squares in a constraint: max Σx s.t. Σ xᵢ² ≤ 4 (n = 4): 4
        Variable z = variable(4, "z");
        Problem r = Problem.maximize(sum(z), sumSquares(z).le(4));
        assertEquals(ProblemStatus.OPTIMAL, r.solve());
        assertEquals(4.0, r.value(), 1e-6);
    }

    @Test
    void absPosNegParts() {
        Variable x = variable("x");
        // Σ|x − cᵢ| is minimized at the median
        Problem med = Problem.minimize(abs(x.minus(3)).plus(abs(x.minus(5))).plus(abs(x.minus(10))));
        assertEquals(ProblemStatus.OPTIMAL, med.solve());
        // relative feasibility 1e-8 on data of size ~10 leaves ~2e-7 absolute slack in the epigraphs
        assertEquals(7.0, med.value(), 1e-6);
        assertEquals(5.0, x.scalarValue(), 1e-6);
        // hinge + ridge: max(1 − x, 0) + x²/4 is minimized at x = 1 with value 1/4
        Problem hinge = Problem.minimize(pos(constant(1).minus(x)).plus(square(x).div(4)));
        assertEquals(ProblemStatus.OPTIMAL, hinge.solve());
        assertEquals(0.25, hinge.value(), 1e-7);
        assertEquals(1.0, x.scalarValue(), 1e-5);
        // max(−x, 0) + (x − 1)² at x = 1; and at x = −1/2 when shifted
        Problem neg = Problem.minimize(negPart(x).plus(square(x.plus(1))));
        assertEquals(ProblemStatus.OPTIMAL, neg.solve());
        // for x < 0: −x + (x+1)² has derivative −1 + 2(x+1) = 0 at x = −1/2: value 1/2 + 1/4
        assertEquals(0.75, neg.value(), 1e-7);
        assertEquals(-0.5, x.scalarValue(), 1e-5);
    }

    @Test
    void totalVariationDenoisingWithParameterWeight() {
        // min x₁² + (x₂ − 1)² + λ|x₂ − x₁|: λ ≥ 1 flattens (value ½), else value λ − λ²/2
        Variable x = variable(2, "x");
        Parameter lambda = new Parameter(Shape.scalar(), "lambda", Attributes.nonnegative());
        Problem p = Problem.minimize(sumSquares(x.minus(constant(new double[] {0, 1}))).plus(lambda.mul(tv(x))));
        for (double l : new double[] {0.5, 2.0, 0.25}) {
            lambda.setValue(l);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            assertEquals(l >= 1 ? 0.5 : l - l * l / 2, p.value(), 1e-7);
        }
        // 2-D total variation of a constant image is zero; of a step it is the step size per row
        Variable img = variable(3, 3, "img");
        double[][] step = {{0, 0, 1}, {0, 0, 1}, {0, 0, 1}};
        Problem q = Problem.minimize(tv(img), img.eq(constant(step)));
        assertEquals(ProblemStatus.OPTIMAL, q.solve());
        assertEquals(2.0, q.value(), 1e-6);
        assertEquals(2.0, tv(constant(step)).scalarValue(), 1e-12);
    }

    @Test
    void parameterTimesVariableAndDivisionByParameter() {
        Variable x = variable("x");
        Parameter a = parameter("a");
        Problem dpp = Problem.minimize(square(a.mul(x).minus(1)));
        assertTrue(dpp.isDpp());
        for (double av : new double[] {2, -4}) {
            a.setValue(av);
            assertEquals(ProblemStatus.OPTIMAL, dpp.solve());
            assertEquals(1 / av, x.scalarValue(), 1e-6);
        }
        // x / a is DCP but not DPP: solved by substituting the value at each solve
        Problem div = Problem.minimize(square(x.div(a).minus(1)));
        assertTrue(div.isDcp());
        assertFalse(div.isDpp());
        for (double av : new double[] {3, 0.5}) {
            a.setValue(av);
            assertEquals(ProblemStatus.OPTIMAL, div.solve());
            assertEquals(av, x.scalarValue(), 1e-6);
        }
    }

    @Test
    void infeasibleAndUnboundedStatusesAndValues() {
        Variable x = variable(2, "x");
        Problem infeasMin = Problem.minimize(sum(x), x.ge(1), sum(x).le(1));
        assertEquals(ProblemStatus.INFEASIBLE, infeasMin.solve());
        assertEquals(Double.POSITIVE_INFINITY, infeasMin.value());
        assertFalse(x.hasValue());
        Problem infeasMax = Problem.maximize(sum(x), x.ge(1), sum(x).le(1));
        assertEquals(ProblemStatus.INFEASIBLE, infeasMax.solve());
        assertEquals(Double.NEGATIVE_INFINITY, infeasMax.value());
        Problem unbMin = Problem.minimize(sum(x), x.le(1));
        assertEquals(ProblemStatus.UNBOUNDED, unbMin.solve());
        assertEquals(Double.NEGATIVE_INFINITY, unbMin.value());
        Problem unbMax = Problem.maximize(sum(x), x.ge(1));
        assertEquals(ProblemStatus.UNBOUNDED, unbMax.solve());
        assertEquals(Double.POSITIVE_INFINITY, unbMax.value());
    }

    @Test
    void feasibilityFlipsWithParameterAndSolverIsReused() {
        Variable x = variable(2, "x");
        Parameter lo = parameter("lo");
        Problem p = Problem.minimize(sumSquares(x), x.ge(lo), sum(x).le(1));
        lo.setValue(0.25);
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(0.125, p.value(), 1e-7);
        ParametricConeProgram compiled = p.compile();
        lo.setValue(1.0);
        assertEquals(ProblemStatus.INFEASIBLE, p.solve());
        lo.setValue(-2.0);
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(0.0, p.value(), 1e-7);
        assertSame(compiled, p.compile());
    }

    @Test
    void iterationLimitGivesUserLimitAndNoValues() {
        Variable x = variable(3, "x");
        Problem p = Problem.minimize(norm2(x.minus(constant(new double[] {1, 2, 3}))).plus(norm1(x)));
        ProblemStatus s = p.solve(org.cvxlayers.solvers.ipm.SolverSettings.builder().maxIterations(1).build());
        assertEquals(ProblemStatus.USER_LIMIT, s);
        assertTrue(Double.isNaN(p.value()));
        assertFalse(x.hasValue());
        // the same problem then solves with the defaults (a new solver for the new settings)
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        // optimum: x = 0 since ‖x − a‖ + ‖x‖₁ has subgradient −a/‖a‖ + [−1, 1]ⁿ ∋ 0
        assertEquals(Math.sqrt(14), p.value(), 1e-6);
    }

    @Test
    void expressionValuesAfterSolve() {
        Variable x = variable(3, "x");
        Problem p = Problem.minimize(sumSquares(x.minus(constant(new double[] {1, -2, 3}))));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(6.0, norm1(x).scalarValue(), 1e-6);
        assertEquals(3.0, normInf(x).scalarValue(), 1e-6);
        assertEquals(Math.sqrt(14), norm2(x).scalarValue(), 1e-6);
        assertEquals(4.0, sumLargest(x, 2).scalarValue(), 1e-6);
        assertArrayEquals(new double[] {1, 2, 3}, abs(x).vectorValue(), 1e-6);
        assertEquals(0.0, p.value(), 1e-8);
        assertTrue(p.solverStats().iterations() >= 0);
    }
}
