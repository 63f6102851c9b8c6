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
 * The cvxpylayers README example in Java: {@code minimize ‖A x − b‖₁ subject to x ≥ 0} with n = 2, m = 3,
 * parameters A (m×n) and b (m); solves for seeded random A, b and prints the solution and the gradients of
 * {@code sum(x)} with respect to A and b.
 */
public final class ReadmeExample {
    private ReadmeExample() {
    }

    /** The solution and the gradients of sum(x). */
    public record Output(Tensor x, Tensor gradA, Tensor gradB) {
    }

    /** Runs the example with seed {@code seed}, printing to {@code out} (may be null). */
    public static Output run(PrintStream out, long seed) {
        int n = 2;
        int m = 3;
        Variable x = Cvx.variable(n, "x");
        Parameter a = Cvx.parameter(m, n, "A");
        Parameter b = Cvx.parameter(m, "b");
        Problem problem = Problem.minimize(Cvx.norm1(a.matmul(x).minus(b)), x.ge(0));
        CvxpyLayer layer = CvxpyLayer.builder(problem).parameters(a, b).variables(x).build();

        Random rnd = new Random(seed);
        double[][] av = new double[m][n];
        double[] bv = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                av[i][j] = rnd.nextGaussian();
            }
            bv[i] = rnd.nextGaussian();
        }
        LayerResult result = layer.forward(Tensor.matrix(av), Tensor.vector(bv));
        Tensor solution = result.output(0);
        // d sum(x) / d x = ones
        List<Tensor> grads = result.backward(Tensor.vector(1.0, 1.0));
        if (out != null) {
            out.println("README example: minimize ||A x - b||_1 subject to x >= 0   (n = 2, m = 3, seed " + seed + ")");
            out.println("  A = " + Tensor.matrix(av));
            out.println("  b = " + Tensor.vector(bv));
            out.println("  status " + result.status(0) + ", " + result.solveInfo(0).iterations() + " iterations");
            out.println("  x*          = " + solution);
            out.println("  d sum(x)/dA = " + grads.get(0));
            out.println("  d sum(x)/db = " + grads.get(1));
            out.println(String.format(Locale.ROOT, "  sum(x*) = %.6f", solution.sum()));
        }
        return new Output(solution, grads.get(0), grads.get(1));
    }
}
