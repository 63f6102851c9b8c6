package org.cvxlayers.diff.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cvxlayers.diff.layer.examples.GpExample;
import org.cvxlayers.diff.layer.examples.ReadmeExample;
import org.cvxlayers.diff.layer.examples.TrainingExample;
import org.junit.jupiter.api.Test;

/** The demo's examples: shapes, and the training loop lowers its loss. */
class ExamplesTest {

    @Test
    void readmeExampleShapes() {
        ReadmeExample.Output o = ReadmeExample.run(null, 0);
        assertArrayEquals(new int[] {2}, o.x().shape());
        assertArrayEquals(new int[] {3, 2}, o.gradA().shape());
        assertArrayEquals(new int[] {3}, o.gradB().shape());
    }

    /** The GP example's gradients against central differences of re-solves (tight settings, the same layer problem). */
    @Test
    void gpExampleGradientsMatchFiniteDifferences() {
        GpExample.Output o = GpExample.run(null);
        double[] s = o.solution();
        assertEquals(Math.sqrt(s[1]), s[0], 1e-6);
        assertEquals(1.0, 2 * (s[0] * s[1] + s[0] * s[2] + s[1] * s[2]), 1e-6);
        org.cvxlayers.core.expr.Variable x = org.cvxlayers.core.Cvx.posVariable("x");
        org.cvxlayers.core.expr.Variable y = org.cvxlayers.core.Cvx.posVariable("y");
        org.cvxlayers.core.expr.Variable z = org.cvxlayers.core.Cvx.posVariable("z");
        org.cvxlayers.core.expr.Parameter a = org.cvxlayers.core.Cvx.posParameter("a");
        org.cvxlayers.core.expr.Parameter b = org.cvxlayers.core.Cvx.posParameter("b");
        org.cvxlayers.core.Problem p = org.cvxlayers.core.Problem.minimize(
                org.cvxlayers.core.Cvx.constant(1.0).div(x.mul(y).mul(z)),
                a.mul(x.mul(y).plus(x.mul(z)).plus(y.mul(z))).le(b), x.ge(org.cvxlayers.core.Cvx.power(y, 0.5)));
        CvxpyLayer layer = CvxpyLayer.builder(p).parameters(a, b).variables(x, y, z).gp(true).build();
        Tensor one = Tensor.scalar(1.0);
        LayerTesting.checkGradients(layer, LayerTesting.tight(), new Tensor[] {Tensor.scalar(2.0), Tensor.scalar(1.0)},
                new Tensor[] {one, one, one}, 1e-5, 1e-5);
        java.util.List<Tensor> g = layer.forward(LayerTesting.tight(), Tensor.scalar(2.0), Tensor.scalar(1.0))
                .backward(one, one, one);
        assertEquals(g.get(0).item(), o.gradA(), 1e-5 * Math.max(1, Math.abs(o.gradA())));
        assertEquals(g.get(1).item(), o.gradB(), 1e-5 * Math.max(1, Math.abs(o.gradB())));
    }

    @Test
    void trainingLowersTheLoss() {
        double[] losses = TrainingExample.run(null, 0, 8);
        for (int e = 1; e < losses.length; e++) {
            assertTrue(losses[e] < losses[e - 1], "loss rose at epoch " + e + ": " + java.util.Arrays.toString(losses));
        }
        assertTrue(losses[8] < 0.6 * losses[0], java.util.Arrays.toString(losses));
    }
}
