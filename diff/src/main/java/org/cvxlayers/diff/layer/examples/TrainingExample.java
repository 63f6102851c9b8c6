package org.cvxlayers.diff.layer.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.cvxlayers.core.Cvx;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.cvxlayers.diff.layer.CvxpyLayer;
import org.cvxlayers.diff.layer.LayerResult;
import org.cvxlayers.diff.layer.Tensor;

/**
 * A short training loop through a constrained least-squares layer
 * <pre>
 *   x(u; A, b) = argmin_x ‖A x + b − u‖²   subject to x ≥ 0
 * </pre>
 * with learnable A (m×n) and b (m) shared by the batch and the input u (m) batched. Targets come from a
 * hidden (A*, b*) on seeded random inputs; gradient descent on the mean squared error between the layer's
 * output and the targets, with the gradients from {@link LayerResult#backward}, fits A and b. The loss of
 * every epoch is printed and returned.
 */
public final class TrainingExample {
    private TrainingExample() {
    }

    /** Runs {@code epochs} full-batch gradient steps; returns the loss before each step and the final one. */
    public static double[] run(PrintStream out, long seed, int epochs) {
        int n = 3;
        int m = 5;
        int batch = 32;
        double lr = 0.5;
        Variable x = Cvx.variable(n, "x");
        Parameter a = Cvx.parameter(m, n, "A");
        Parameter b = Cvx.parameter(m, "b");
        Parameter u = Cvx.parameter(m, "u");
        Problem problem = Problem.minimize(Cvx.sumSquares(a.matmul(x).plus(b).minus(u)), x.ge(0));
        CvxpyLayer layer = CvxpyLayer.builder(problem).parameters(a, b, u).variables(x).build();

        Random rnd = new Random(seed);
        Tensor aTrue = gaussian(rnd, 1.0, m, n);
        Tensor bTrue = gaussian(rnd, 0.5, m);
        Tensor inputs = gaussian(rnd, 1.0, batch, m);
        Tensor targets = layer.forward(aTrue, bTrue, inputs).output(0);

        Tensor aHat = aTrue.plus(gaussian(rnd, 0.5, m, n));
        Tensor bHat = Tensor.zeros(m);
        double[] losses = new double[epochs + 1];
        if (out != null) {
            out.println("Training: fit A (" + m + "x" + n + ") and b (" + m + ") of x = argmin ||A x + b - u||^2 s.t. "
                    + "x >= 0 on " + batch + " seeded samples, gradient descent (step " + lr + ")");
        }
        for (int epoch = 0; epoch <= epochs; epoch++) {
            LayerResult r = layer.forward(aHat, bHat, inputs);
            Tensor diff = r.output(0).minus(targets);
            double loss = diff.dot(diff) / batch;
            losses[epoch] = loss;
            if (out != null) {
                out.println(String.format(Locale.ROOT, "  epoch %2d  loss %.6e", epoch, loss));
            }
            if (epoch == epochs) {
                break;
            }
            // dL/dx = 2 (x − target) / batch
            List<Tensor> g = r.backward(diff.times(2.0 / batch));
            aHat = aHat.minus(g.get(0).times(lr));
            bHat = bHat.minus(g.get(1).times(lr));
        }
        return losses;
    }

    private static Tensor gaussian(Random rnd, double scale, int... shape) {
        Tensor z = Tensor.zeros(shape);
        double[] d = new double[z.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = scale * rnd.nextGaussian();
        }
        return new Tensor(shape, d);
    }
}
