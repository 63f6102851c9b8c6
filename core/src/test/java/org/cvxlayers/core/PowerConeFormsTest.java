package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.function.Function;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Variable;
import org.cvxlayers.solvers.cones.PowerCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.junit.jupiter.api.Test;

/** power, pnorm and geo_mean in their exact power-cone form agree with the second-order-cone form and with analytic optima. */
class PowerConeFormsTest {

    /** Solves the problem built by {@code f(approx)} both ways; returns {SOC value, power-cone value}. */
    private static double[] bothForms(Function<Boolean, Problem> f) {
        double[] out = new double[2];
        for (int k = 0; k < 2; k++) {
            Problem p = f.apply(k == 0);
            assertEquals(ProblemStatus.OPTIMAL, p.solve(), p::toString);
            boolean hasPow = p.compile().cones().stream().anyMatch(c -> c instanceof PowerCone);
            assertEquals(k == 1, hasPow, "power cones only in the exact form");
            out[k] = p.value();
        }
        return out;
    }

    @Test
    void powersAboveOneBetweenZeroAndOneAndNegative() {
        Variable x = variable(2, "x");
        // Σ x^{1.5} with Σx = 2: x = (1, 1), value 2
        double[] v = bothForms(a -> Problem.minimize(sum(power(x, 1.5, a)), sum(x).eq(2)));
        assertEquals(2.0, v[0], 1e-6);
        assertEquals(2.0, v[1], 1e-6);
        // max Σ x^{0.3} with Σx = 2: value 2
        v = bothForms(a -> Problem.maximize(sum(power(x, 0.3, a)), sum(x).eq(2)));
        assertEquals(2.0, v[0], 1e-6);
        assertEquals(2.0, v[1], 1e-6);
        // min x^{−2.5} + x: stationary at x = 2.5^{1/3.5}
        Variable y = variable("y");
        v = bothForms(a -> Problem.minimize(power(y, -2.5, a).plus(y)));
        double ys = Math.pow(2.5, 1 / 3.5);
        assertEquals(Math.pow(ys, -2.5) + ys, v[0], 1e-6);
        assertEquals(v[0], v[1], 1e-6);
        // an even power is defined for negative x: (z + 1)⁴ + z
        Variable z = variable("z");
        v = bothForms(a -> Problem.minimize(power(z.plus(1), 4, a).plus(z)));
        double zs = -1 - Math.cbrt(0.25);
        assertEquals(Math.pow(zs + 1, 4) + zs, v[1], 1e-6);
        assertEquals(v[0], v[1], 1e-6);
    }

    @Test
    void pnormAgreesWithHolder() {
        // min ‖x‖₃ s.t. aᵀx = 1  ⇒  value 1/‖a‖_{3/2} (Hölder)
        double[] a = {1, 2, -3};
        Variable x = variable(3, "x");
        double[] v = bothForms(ap -> Problem.minimize(pnorm(x, 3, ap), constant(a).T().matmul(x).eq(1)));
        double q = 1.5;
        double dual = Math.pow(Math.pow(1, q) + Math.pow(2, q) + Math.pow(3, q), 1 / q);
        assertEquals(1 / dual, v[0], 1e-6);
        assertEquals(1 / dual, v[1], 1e-6);
        x.setValue(1, 2, -3);
        assertEquals(Math.cbrt(1 + 8 + 27), pnorm(x, 3, false).scalarValue(), 1e-12);
    }

    @Test
    void weightedGeometricMean() {
        // max Π xᵢ^{wᵢ} s.t. Σ xᵢ = 1  ⇒  x = w, value Π wᵢ^{wᵢ}
        double[] w = {0.2, 0.3, 0.5};
        Variable x = variable(3, "x");
        double[] v = bothForms(a -> Problem.maximize(geoMean(x, w, a), sum(x).eq(1)));
        double expect = Math.pow(0.2, 0.2) * Math.pow(0.3, 0.3) * Math.pow(0.5, 0.5);
        assertEquals(expect, v[0], 1e-6);
        assertEquals(expect, v[1], 1e-6);
        assertArrayEquals(w, x.vectorValue(), 1e-4);
        // two entries, one zero weight
        Variable y = variable(3, "y");
        double[] v2 = bothForms(a -> Problem.maximize(geoMean(y, new double[] {1, 0, 3}, a), sum(y).eq(2)));
        double e2 = Math.pow(0.5, 0.25) * Math.pow(1.5, 0.75);
        assertEquals(e2, v2[0], 1e-6);
        assertEquals(e2, v2[1], 1e-6);
    }

    @Test
    void defaultIsTheSecondOrderConeFormAsInCvxpy() {
        Variable x = variable(2, "x");
        Expression e = power(x, 1.5);
        Problem p = Problem.minimize(sum(e), sum(x).eq(2));
        assertTrue(p.compile().cones().stream().noneMatch(c -> c instanceof PowerCone));
        assertTrue(p.compile().cones().stream().anyMatch(c -> c instanceof SecondOrderCone));
        assertEquals("power(x, 1.5, approx=False)", power(x, 1.5, false).toString());
    }
}
