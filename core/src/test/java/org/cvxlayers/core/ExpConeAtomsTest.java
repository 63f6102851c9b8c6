package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DcpException;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** Exponential-cone atoms against analytic optima, entropy maximization and logistic regression. */
class ExpConeAtomsTest {

    private static void solved(Problem p) {
        assertEquals(ProblemStatus.OPTIMAL, p.solve(), p::toString);
    }

    @Test
    void expAndLogScalarOptima() {
        Variable x = variable("x");
        Problem p = Problem.minimize(exp(x).minus(x.mul(2)));
        solved(p);
        assertEquals(Math.log(2), x.scalarValue(), 1e-4);
        assertEquals(2 - 2 * Math.log(2), p.value(), 1e-7);

        Variable y = variable("y");
        Problem q = Problem.maximize(log(y).minus(y));
        solved(q);
        assertEquals(1.0, y.scalarValue(), 1e-4);
        assertEquals(-1.0, q.value(), 1e-7);

        Variable z = variable("z");
        Problem r = Problem.maximize(log1p(z).minus(z.mul(0.5)));
        solved(r);
        // The epigraph variable is accurate to the gap (~1e-9), the argument only to about
        // sqrt(8·gap / curvature) with curvature 1/4 here: a few 1e-4 at default tolerances.
        assertEquals(1.0, z.scalarValue(), 1e-3);
        assertEquals(Math.log(2) - 0.5, r.value(), 1e-7);
    }

    @Test
    void logSumExpOfEqualShares() {
        Variable x = variable(3, "x");
        Problem p = Problem.minimize(logSumExp(x), sum(x).eq(3));
        solved(p);
        assertEquals(1 + Math.log(3), p.value(), 1e-7);
        assertArrayEquals(new double[] {1, 1, 1}, x.vectorValue(), 1e-4);
        assertEquals(1 + Math.log(3), logSumExp(x).scalarValue(), 1e-5);
    }

    @Test
    void logisticAndXexpStationaryPoints() {
        Variable x = variable("x");
        Problem p = Problem.minimize(logistic(x).minus(x.mul(0.3)));
        solved(p);
        double xs = Math.log(0.3 / 0.7); // σ(x) = 0.3
        assertEquals(xs, x.scalarValue(), 1e-4);
        assertEquals(Math.log1p(Math.exp(xs)) - 0.3 * xs, p.value(), 1e-7);

        Variable w = variable("w");
        Problem q = Problem.minimize(xexp(w).minus(w.mul(3)));
        solved(q);
        double ws = 0.5; // Newton on (1 + w)eʷ = 3
        for (int k = 0; k < 50; k++) {
            ws -= ((1 + ws) * Math.exp(ws) - 3) / ((2 + ws) * Math.exp(ws));
        }
        assertEquals(ws, w.scalarValue(), 1e-4);
        assertEquals(ws * Math.exp(ws) - 3 * ws, q.value(), 1e-7);
    }

    @Test
    void relativeEntropyAndKlDivergence() {
        // min Σ xᵢ log(xᵢ/yᵢ) s.t. Σ x = 1  ⇒  x = y / Σy, value −log Σy
        Variable x = variable(3, "x");
        Expression y = constant(new double[] {1, 2, 3});
        Problem p = Problem.minimize(sum(relEntr(x, y)), sum(x).eq(1));
        solved(p);
        assertEquals(-Math.log(6), p.value(), 1e-7);
        assertArrayEquals(new double[] {1 / 6.0, 2 / 6.0, 3 / 6.0}, x.vectorValue(), 1e-4);

        // d/dz [z log(z/2) − z + 2 + z] = log(z/2) + 1 = 0
        Variable z = variable("z");
        Problem q = Problem.minimize(klDiv(z, constant(2.0)).plus(z));
        solved(q);
        assertEquals(2 / Math.E, z.scalarValue(), 1e-4);
        assertEquals(2 - 2 / Math.E, q.value(), 1e-7);
    }

    @Test
    void maximumEntropyIsUniform() {
        Variable x = variable(5, "x");
        Problem p = Problem.maximize(sum(entr(x)), sum(x).eq(1));
        solved(p);
        assertEquals(Math.log(5), p.value(), 1e-7);
        for (double v : x.vectorValue()) {
            assertEquals(0.2, v, 1e-4);
        }
    }

    @Test
    void maximumEntropyUnderAMeanConstraintIsGibbs() {
        // max H(x) s.t. Σx = 1, Σ aᵢxᵢ = m  ⇒  xᵢ ∝ exp(−λ aᵢ) with λ fixed by the mean
        double[] a = {1, 2, 3, 4};
        Parameter m = parameter("m");
        Variable x = variable(4, "x");
        Problem p = Problem.maximize(sum(entr(x)), sum(x).eq(1), constant(a).T().matmul(x).eq(m));
        for (double mean : new double[] {2.0, 3.1}) {
            m.setValue(mean);
            solved(p);
            // solve the scalar equation for λ by bisection: mean of a under the Gibbs weights equals m
            double lo = -20;
            double hi = 20;
            for (int it = 0; it < 200; it++) {
                double mid = 0.5 * (lo + hi);
                if (gibbsMean(a, mid) > mean) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double lambda = 0.5 * (lo + hi);
            double zsum = 0;
            for (double ai : a) {
                zsum += Math.exp(-lambda * ai);
            }
            double h = 0;
            double[] xv = x.vectorValue();
            for (int i = 0; i < a.length; i++) {
                double g = Math.exp(-lambda * a[i]) / zsum;
                assertEquals(g, xv[i], 1e-4);
                h -= g * Math.log(g);
            }
            assertEquals(h, p.value(), 1e-7);
        }
    }

    private static double gibbsMean(double[] a, double lambda) {
        double z = 0;
        double s = 0;
        for (double ai : a) {
            double w = Math.exp(-lambda * ai);
            z += w;
            s += ai * w;
        }
        return s / z;
    }

    @Test
    void logisticRegressionSatisfiesTheZeroGradientCondition() {
        Random rnd = new Random(7);
        int n = 60;
        int d = 3;
        double[][] xs = new double[n][d];
        double[] ys = new double[n];
        double[] truth = {1.0, -2.0, 0.5};
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                xs[i][j] = rnd.nextGaussian();
                s += xs[i][j] * truth[j];
            }
            ys[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-s)) ? 1 : 0;
        }
        double ridge = 0.1;
        Parameter X = parameter(n, d, "X");
        X.setValue(xs);
        Expression y = constant(ys);
        Variable w = variable(d, "w");
        Expression z = X.matmul(w);
        Problem p = Problem.minimize(sum(logistic(z)).minus(y.T().matmul(z)).plus(sumSquares(w).mul(ridge)));
        assertTrue(p.isDpp());
        // the IPM ends this one at a relative gap of ~1e-8, sometimes just above (OPTIMAL_INACCURATE)
        assertTrue(p.solve().isOptimal(), () -> p.status() + " " + p.solverStats());
        double[] wv = w.vectorValue();
        double[] grad = new double[d];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += xs[i][j] * wv[j];
            }
            double sig = 1 / (1 + Math.exp(-s));
            loss += Math.log1p(Math.exp(s)) - ys[i] * s;
            for (int j = 0; j < d; j++) {
                grad[j] += (sig - ys[i]) * xs[i][j];
            }
        }
        for (int j = 0; j < d; j++) {
            grad[j] += 2 * ridge * wv[j];
            loss += ridge * wv[j] * wv[j];
            assertEquals(0.0, grad[j], 1e-4, "gradient entry " + j);
        }
        assertEquals(loss, p.value(), 1e-6);
    }

    @Test
    void curvatureSignAndMonotonicityRules() {
        Variable x = variable(2, "x");
        Variable y = variable(2, "y");
        assertEquals(Curvature.CONVEX, exp(x).curvature());
        assertEquals(Sign.NONNEG, exp(x).sign());
        assertEquals(Curvature.CONCAVE, log(x).curvature());
        assertEquals(Curvature.CONCAVE, log(sqrt(x)).curvature());
        assertEquals(Curvature.CONVEX, exp(logSumExp(x)).curvature());
        assertEquals(Curvature.CONCAVE, entr(x).curvature());
        assertEquals(Curvature.CONVEX, relEntr(x, sqrt(y)).curvature()); // decreasing in y
        assertEquals(Curvature.UNKNOWN, klDiv(x, sqrt(y)).curvature());
        assertEquals(Curvature.CONVEX, logistic(exp(x)).curvature());
        assertEquals(Sign.NONNEG, klDiv(x, y).sign());
        DcpException e = assertThrows(DcpException.class,
                () -> Problem.minimize(sum(log(exp(x)))).compile());
        assertTrue(e.getMessage().contains("log(exp(x))"), e.getMessage());
        assertThrows(DcpException.class, () -> Problem.minimize(sum(entr(x))).compile());
        assertEquals("rel_entr(x, y)", relEntr(x, y).toString());
        assertEquals("log_sum_exp(x)", logSumExp(x).toString());
    }

    @Test
    void valuesOfTheAtoms() {
        Variable x = variable(2, "x");
        x.setValue(0.5, 2.0);
        assertArrayEquals(new double[] {-0.5 * Math.log(0.5), -2 * Math.log(2)}, entr(x).vectorValue(), 1e-12);
        assertArrayEquals(new double[] {0.5 * Math.exp(0.5), 2 * Math.exp(2)}, xexp(x).vectorValue(), 1e-12);
        assertArrayEquals(new double[] {Math.log1p(Math.exp(0.5)), Math.log1p(Math.exp(2))},
                logistic(x).vectorValue(), 1e-12);
        assertEquals(Math.log(Math.exp(0.5) + Math.exp(2)), logSumExp(x).scalarValue(), 1e-12);
    }

    @Test
    void infeasibleAndUnboundedExponentialConePrograms() {
        Variable x = variable("x");
        Problem infeasible = Problem.minimize(x, log(x).ge(1), x.le(2)); // needs x ≥ e
        assertEquals(ProblemStatus.INFEASIBLE, infeasible.solve());
        assertEquals(Double.POSITIVE_INFINITY, infeasible.value());
        // x → −∞ along a ray that keeps x ≤ log y (max log(x) alone is unbounded without an improving ray,
        // which no interior-point method can certify)
        Variable y = variable("y");
        Problem unbounded = Problem.minimize(x, x.le(log(y)), y.le(1));
        assertEquals(ProblemStatus.UNBOUNDED, unbounded.solve());
        assertEquals(Double.NEGATIVE_INFINITY, unbounded.value());
    }
}
