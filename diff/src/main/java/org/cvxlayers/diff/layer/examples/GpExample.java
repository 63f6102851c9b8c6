package org.cvxlayers.diff.layer.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.cvxlayers.core.Cvx;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.cvxlayers.diff.layer.CvxpyLayer;
import org.cvxlayers.diff.layer.LayerResult;
import org.cvxlayers.diff.layer.Tensor;

/**
 * The cvxpylayers README's geometric-programming example in Java: {@code minimize 1/(x y z)} subject to
 * {@code a (x y + x z + y z) ≤ b} and {@code x ≥ y^c}, solved by a {@code gp = true} layer at a = 2, b = 1,
 * c = 0.5; prints the solution and the gradients of {@code x + y + z} with respect to a and b. Unlike
 * cvxpylayers, the exponent c is a constant: core's DGP compilation takes the logarithm of every parameter,
 * so a parameter cannot be an exponent.
 */
public final class GpExample {
    private GpExample() {
    }

    /** The solution (x, y, z) and the gradients of x + y + z with respect to a and b. */
    public record Output(double[] solution, double gradA, double gradB) {
    }

    /** Runs the example, printing to {@code out} (may be null). */
    public static Output run(PrintStream out) {
        Variable x = Cvx.posVariable("x");
        Variable y = Cvx.posVariable("y");
        Variable z = Cvx.posVariable("z");
        Parameter a = Cvx.posParameter("a");
        Parameter b = Cvx.posParameter("b");
        double c = 0.5;
        Problem problem = Problem.minimize(Cvx.constant(1.0).div(x.mul(y).mul(z)),
                a.mul(x.mul(y).plus(x.mul(z)).plus(y.mul(z))).le(b), x.ge(Cvx.power(y, c)));
        CvxpyLayer layer = CvxpyLayer.builder(problem).parameters(a, b).variables(x, y, z).gp(true).build();
        LayerResult result = layer.forward(Tensor.scalar(2.0), Tensor.scalar(1.0));
        double[] sol = {result.output(0).item(), result.output(1).item(), result.output(2).item()};
        Tensor one = Tensor.scalar(1.0);
        List<Tensor> grads = result.backward(one, one, one); // loss x + y + z
        Output o = new Output(sol, grads.get(0).item(), grads.get(1).item());
        if (out != null) {
            out.println("GP example (gp = true): minimize 1/(x y z) subject to a (x y + x z + y z) <= b, x >= y^0.5"
                    + "   (a = 2, b = 1)");
            out.println("  status " + result.status(0) + ", " + result.solveInfo(0).iterations() + " iterations");
            out.println(String.format(Locale.ROOT, "  x* = %.6f, y* = %.6f, z* = %.6f", sol[0], sol[1], sol[2]));
            out.println(String.format(Locale.ROOT, "  d(x+y+z)/da = %.6f, d(x+y+z)/db = %.6f", o.gradA(), o.gradB()));
        }
        return o;
    }
}
