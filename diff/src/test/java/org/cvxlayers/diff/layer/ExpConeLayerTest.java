package org.cvxlayers.diff.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cvxlayers.core.Cvx;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.constraints.Constraint;
import org.cvxlayers.core.expr.Attributes;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/**
 * Layers over exponential-cone atoms (logistic, entr, log_sum_exp), after cvxpylayers' tests: each checks the
 * solution against its optimality conditions and the gradients against central finite differences.
 */
class ExpConeLayerTest {

    private static double sigmoid(double t) {
        return 1.0 / (1.0 + Math.exp(-t));
    }

    /**
     * cvxpylayers' logistic-regression test: a = argmin Σᵢ log(1 + exp(xᵢᵀa)) − yᵢ xᵢᵀa + λ‖a‖² with the data
     * matrix X and the weight λ as parameters; stationarity reads Xᵀ(σ(Xa) − y) + 2λa = 0.
     */
    @Test
    void logisticRegressionLayer() {
        int nSamples = 8;
        int n = 3;
        Random r = new Random(31);
        double[] aTrue = {1.0, -0.5, 0.8};
        double[][] xv = new double[nSamples][n];
        double[] labels = new double[nSamples];
        for (int i = 0; i < nSamples; i++) {
            double t = 0;
            for (int j = 0; j < n; j++) {
                xv[i][j] = r.nextGaussian();
                t += xv[i][j] * aTrue[j];
            }
            labels[i] = sigmoid(t + 0.5 * r.nextGaussian()) > 0.5 ? 1.0 : 0.0;
        }
        Parameter xp = Cvx.parameter(nSamples, n, "X");
        Parameter lam = Cvx.parameter(Shape.scalar(), "lam", Attributes.nonnegative());
        Variable a = Cvx.variable(n, "a");
        Expression scores = xp.matmul(a);
        Expression negLogLik = Cvx.sum(Cvx.logistic(scores)).minus(Cvx.sum(Cvx.multiply(Cvx.constant(labels), scores)));
        Problem p = Problem.minimize(negLogLik.plus(lam.mul(Cvx.sumSquares(a))));
        CvxpyLayer layer = CvxpyLayer.builder(p).parameters(xp, lam).variables(a).build();
        Tensor[] values = {Tensor.matrix(xv), Tensor.scalar(0.1)};
        LayerResult res = layer.forward(LayerTesting.tight(), values);
        double[] av = res.output(0).data();
        for (int j = 0; j < n; j++) {
            double g = 2 * 0.1 * av[j];
            for (int i = 0; i < nSamples; i++) {
                double t = 0;
                for (int k = 0; k < n; k++) {
                    t += xv[i][k] * av[k];
                }
                g += xv[i][j] * (sigmoid(t) - labels[i]);
            }
            assertEquals(0.0, g, 1e-7, "stationarity " + j);
        }
        LayerTesting.checkGradients(layer, LayerTesting.tight(), values, new Tensor[] {LayerTesting.randn(r, n)},
                1e-5, 1e-5);
    }

    /**
     * cvxpylayers' LML layer (limited multi-label projection, Amos et al. 2019): y = argmin −xᵀy − Σ H_b(yᵢ)
     * s.t. 1ᵀy = k, 0 ≤ y ≤ 1, with the binary entropy H_b(t) = entr(t) + entr(1 − t). The optimum is
     * yᵢ = σ(xᵢ + ν) with ν chosen so that Σ yᵢ = k.
     */
    @Test
    void lmlLayer() {
        int n = 4;
        int k = 2;
        Parameter xp = Cvx.parameter(n, "x");
        Variable y = Cvx.variable(n, "y");
        Expression obj = Cvx.sum(Cvx.multiply(xp, y)).neg().minus(Cvx.sum(Cvx.entr(y)))
                .minus(Cvx.sum(Cvx.entr(y.neg().plus(1.0))));
        Problem p = Problem.minimize(obj, Cvx.sum(y).eq(k), y.ge(0), y.le(1));
        CvxpyLayer layer = CvxpyLayer.builder(p).parameters(xp).variables(y).build();
        for (double[] xv : new double[][] {{1, -1, -1, -1}, {0.3, 2.0, -0.7, 0.1}}) {
            LayerResult res = layer.forward(LayerTesting.tight(), Tensor.vector(xv));
            // ν by bisection on Σ σ(xᵢ + ν) = k (increasing in ν)
            double lo = -50;
            double hi = 50;
            for (int it = 0; it < 200; it++) {
                double mid = 0.5 * (lo + hi);
                double s = 0;
                for (double xi : xv) {
                    s += sigmoid(xi + mid);
                }
                if (s < k) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            double nu = 0.5 * (lo + hi);
            double[] expected = new double[n];
            for (int i = 0; i < n; i++) {
                expected[i] = sigmoid(xv[i] + nu);
            }
            LayerTesting.assertClose(expected, res.output(0).data(), 1e-7, "LML y");
            LayerTesting.checkGradients(layer, LayerTesting.tight(), new Tensor[] {Tensor.vector(xv)},
                    new Tensor[] {Tensor.vector(0.7, -1.1, 0.4, 2.0)}, 1e-5, 1e-5);
        }
        // batched: two elements at once give the same outputs
        LayerResult batch = layer.forward(LayerTesting.tight(), Tensor.matrix(new double[][] {{1, -1, -1, -1}, {0.3, 2.0, -0.7, 0.1}}));
        LayerResult single = layer.forward(LayerTesting.tight(), Tensor.vector(0.3, 2.0, -0.7, 0.1));
        LayerTesting.assertClose(single.output(0).data(), batch.output(0).slice(1).data(), 1e-9, "batch element 1");
    }

    /**
     * Dual output of a constraint canonicalized with exponential cones: the projection of p onto
     * {x : log_sum_exp(x) ≤ β}, with p and β as parameters, returns x and the multiplier λ of the constraint.
     * KKT: 2(x − p) + λ·softmax(x) = 0, log_sum_exp(x) = β (active), λ ≥ 0.
     */
    @Test
    void dualOfALogSumExpConstraint() {
        int n = 3;
        Parameter p = Cvx.parameter(n, "p");
        Parameter beta = Cvx.parameter("beta");
        Variable x = Cvx.variable(n, "x");
        Constraint lse = Cvx.logSumExp(x).le(beta);
        Problem prob = Problem.minimize(Cvx.sumSquares(x.minus(p)), lse);
        CvxpyLayer layer = CvxpyLayer.builder(prob).parameters(p, beta).variables(x).duals(lse).build();
        Tensor[] values = {Tensor.vector(1.2, 0.4, -0.3), Tensor.scalar(0.5)};
        LayerResult res = layer.forward(LayerTesting.tight(), values);
        double[] xv = res.output(0).data();
        double lambda = res.output(1).item();
        assertTrue(lambda > 0.1, "constraint active: λ = " + lambda);
        double z = 0;
        for (double xi : xv) {
            z += Math.exp(xi);
        }
        assertEquals(0.5, Math.log(z), 1e-8, "log_sum_exp(x) = β");
        for (int i = 0; i < n; i++) {
            assertEquals(0.0, 2 * (xv[i] - values[0].data()[i]) + lambda * Math.exp(xv[i]) / z, 1e-7, "stationarity " + i);
        }
        // the same dual as core's own solve
        p.setValue(values[0].data());
        beta.setValue(0.5);
        prob.solve();
        assertEquals(lse.dualScalar(), lambda, 1e-5 * lambda); // core solves at default tolerances
        // gradients through both the primal and the dual output
        Random r = new Random(41);
        LayerTesting.checkGradients(layer, LayerTesting.tight(), values,
                new Tensor[] {LayerTesting.randn(r, n), Tensor.scalar(1.0)}, 1e-5, 1e-5);
        LayerTesting.checkGradients(layer, LayerTesting.tight(), values, new Tensor[] {null, Tensor.scalar(1.0)},
                1e-5, 1e-5);
        List<Tensor> g = res.backward(null, Tensor.scalar(1.0));
        assertEquals(2, g.size());
    }
}
