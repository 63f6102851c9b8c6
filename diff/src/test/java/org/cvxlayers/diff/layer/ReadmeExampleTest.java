package org.cvxlayers.diff.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cvxlayers.core.Cvx;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/**
 * The cvxpylayers README example: {@code minimize ‖Ax − b‖₁ s.t. x ≥ 0} with parameters A (3×2), b (3);
 * gradients of sum(x) by central differences, and the solution checked against Problem.solve.
 */
class ReadmeExampleTest {

    @Test
    void solutionMatchesProblemSolveAndGradientsMatchFiniteDifferences() {
        int n = 2;
        int m = 3;
        Variable x = Cvx.variable(n, "x");
        Parameter a = Cvx.parameter(m, n, "A");
        Parameter b = Cvx.parameter(m, "b");
        Problem problem = Problem.minimize(Cvx.norm1(a.matmul(x).minus(b)), x.ge(0));
        CvxpyLayer layer = CvxpyLayer.builder(problem).parameters(a, b).variables(x).build();
        Random r = new Random(7);
        Tensor av = LayerTesting.randn(r, m, n);
        Tensor bv = LayerTesting.randn(r, m);
        LayerResult res = layer.forward(av, bv);
        assertArrayEquals(new int[] {n}, res.output(0).shape());

        a.setValue(av.toMatrix());
        b.setValue(bv.data());
        problem.solve();
        LayerTesting.assertClose(x.vectorValue(), res.output(0).data(), 1e-7, "x");
        for (double xi : res.output(0).data()) {
            assertTrue(xi >= -1e-8, "x >= 0, got " + xi);
        }
        List<Tensor> g = res.backward(Tensor.vector(1.0, 1.0));
        assertArrayEquals(new int[] {m, n}, g.get(0).shape());
        assertArrayEquals(new int[] {m}, g.get(1).shape());
        LayerTesting.checkGradients(layer, LayerTesting.tight(), new Tensor[] {av, bv},
                new Tensor[] {Tensor.vector(1.0, 1.0)}, 1e-6, 1e-5);
        assertEquals(0, res.status(0).compareTo(org.cvxlayers.solvers.ipm.SolveStatus.SOLVED));
    }
}
