package org.cvxlayers.diff.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cvxlayers.core.Cvx;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.analysis.DppException;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** Construction and call errors (ported from cvxpylayers' tests), shapes and batching rules. */
class LayerArgumentsTest {
    private final Parameter a = Cvx.parameter(3, 2, "A");
    private final Parameter b = Cvx.parameter(3, "b");
    private final Variable x = Cvx.variable(2, "x");
    private final Problem problem = Problem.minimize(Cvx.sumSquares(a.matmul(x).minus(b)), x.ge(0));

    private CvxpyLayer layer() {
        return CvxpyLayer.builder(problem).parameters(a, b).variables(x).build();
    }

    @Test
    void notEnoughParametersAtConstruction() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> CvxpyLayer.builder(problem).parameters(a).variables(x).build());
        assertTrue(e.getMessage().contains("must exactly match") && e.getMessage().contains("'b' is missing"),
                e.getMessage());
    }

    @Test
    void foreignOrDuplicateOrNullParameterAtConstruction() {
        Parameter c = Cvx.parameter(3, "c");
        var e1 = assertThrows(IllegalArgumentException.class,
                () -> CvxpyLayer.builder(problem).parameters(a, b, c).variables(x).build());
        assertTrue(e1.getMessage().contains("'c' is not a parameter of the problem"), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> CvxpyLayer.builder(problem).parameters(a, b, a).variables(x).build());
        assertTrue(e2.getMessage().contains("appears twice"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> CvxpyLayer.builder(problem).parameters(a, null).variables(x).build());
        assertTrue(e3.getMessage().contains("parameter 1") && e3.getMessage().contains("null"), e3.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CvxpyLayer.builder(problem).variables(x).build());
    }

    @Test
    void tooManyVariables() {
        Variable y = Cvx.variable(2, "y");
        var e = assertThrows(IllegalArgumentException.class,
                () -> CvxpyLayer.builder(problem).parameters(a, b).variables(x, y).build());
        assertTrue(e.getMessage().contains("subset of the problem's variables") && e.getMessage().contains("'y'"),
                e.getMessage());
    }

    @Test
    void nonDppProblemIsRefused() {
        Parameter p = Cvx.parameter("p");
        Variable z = Cvx.variable("z");
        Problem np = Problem.minimize(p.mul(p).mul(z), z.ge(0), z.le(1));
        assertThrows(DppException.class, () -> CvxpyLayer.builder(np).parameters(p).variables(z).build());
    }

    @Test
    void notEnoughValuesOrNullValueAtCall() {
        CvxpyLayer layer = layer();
        Random r = new Random(1);
        var e1 = assertThrows(IllegalArgumentException.class, () -> layer.forward(LayerTesting.randn(r, 3, 2)));
        assertTrue(e1.getMessage().contains("2 parameters") && e1.getMessage().contains("got 1"), e1.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> layer.forward(LayerTesting.randn(r, 3, 2), null));
        assertTrue(e2.getMessage().contains("'b'") && e2.getMessage().contains("null"), e2.getMessage());
    }

    @Test
    void wrongShapeNamesParameterAndShapes() {
        CvxpyLayer layer = layer();
        Random r = new Random(1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(LayerTesting.randn(r, 2, 3), LayerTesting.randn(r, 3)));
        assertTrue(e.getMessage().contains("'A'") && e.getMessage().contains("[3, 2]")
                && e.getMessage().contains("[B, 3, 2]") && e.getMessage().contains("[2, 3]"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(LayerTesting.randn(r, 3, 2), LayerTesting.randn(r, 2, 2, 3)));
        assertTrue(e2.getMessage().contains("'b'"), e2.getMessage());
    }

    @Test
    void batchSizesMustAgree() {
        CvxpyLayer layer = layer();
        Random r = new Random(1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(LayerTesting.randn(r, 4, 3, 2), LayerTesting.randn(r, 5, 3)));
        assertTrue(e.getMessage().contains("'A' has batch size 4") && e.getMessage().contains("'b' has batch size 5"),
                e.getMessage());
    }

    @Test
    void nonFiniteValueIsRefused() {
        CvxpyLayer layer = layer();
        double[] bv = {1, Double.NaN, 2};
        var e = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(Tensor.zeros(3, 2), Tensor.vector(bv)));
        assertTrue(e.getMessage().contains("'b'") && e.getMessage().contains("entry 1"), e.getMessage());
        // the layer stays usable
        layer.forward(Tensor.matrix(new double[][] {{1, 0}, {0, 1}, {1, 1}}), Tensor.vector(1, 2, 3));
    }

    @Test
    void batchOfSizeOneKeepsItsDimension() {
        CvxpyLayer layer = layer();
        Random r = new Random(4);
        Tensor av = LayerTesting.randn(r, 3, 2);
        Tensor bv = LayerTesting.randn(r, 3);
        LayerResult single = layer.forward(av, bv);
        LayerResult one = layer.forward(av, Tensor.stack(List.of(bv)));
        assertTrue(one.isBatched());
        assertArrayEquals(new int[] {1, 2}, one.output(0).shape());
        assertArrayEquals(single.output(0).data(), one.output(0).data(), 0.0);
        List<Tensor> g = one.backward(Tensor.matrix(new double[][] {{1, 1}}));
        assertArrayEquals(new int[] {3, 2}, g.get(0).shape());
        assertArrayEquals(new int[] {1, 3}, g.get(1).shape());
        List<Tensor> g1 = single.backward(Tensor.vector(1, 1));
        assertArrayEquals(g1.get(1).data(), g.get(1).data(), 1e-14);
    }

    @Test
    void broadcastingMatchesPerElementCallsAndSumsGradients() {
        CvxpyLayer layer = layer();
        Random r = new Random(5);
        int batch = 4;
        Tensor av = LayerTesting.randn(r, 3, 2);
        Tensor bv = LayerTesting.randn(r, batch, 3);
        Tensor w = LayerTesting.randn(r, batch, 2);
        LayerResult res = layer.forward(av, bv);
        assertArrayEquals(new int[] {batch, 2}, res.output(0).shape());
        List<Tensor> g = res.backward(w);
        assertArrayEquals(new int[] {3, 2}, g.get(0).shape());
        assertArrayEquals(new int[] {batch, 3}, g.get(1).shape());
        double[] sumA = new double[6];
        for (int i = 0; i < batch; i++) {
            LayerResult ri = layer.forward(av, bv.slice(i));
            assertArrayEquals(ri.output(0).data(), res.output(0).slice(i).data(), 0.0);
            List<Tensor> gi = ri.backward(w.slice(i));
            assertArrayEquals(gi.get(1).data(), g.get(1).slice(i).data(), 1e-13);
            for (int q = 0; q < 6; q++) {
                sumA[q] += gi.get(0).data()[q];
            }
        }
        LayerTesting.assertClose(sumA, g.get(0).data(), 1e-12, "summed dL/dA");
        LayerTesting.checkGradients(layer, LayerTesting.tight(), new Tensor[] {av, bv}, new Tensor[] {w}, 1e-6, 1e-5);
    }

    @Test
    void backwardAndJvpCheckTheirArguments() {
        CvxpyLayer layer = layer();
        Random r = new Random(6);
        LayerResult res = layer.forward(LayerTesting.randn(r, 3, 2), LayerTesting.randn(r, 3));
        assertThrows(IllegalArgumentException.class, () -> res.backward(Tensor.vector(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> res.backward());
        assertThrows(IllegalArgumentException.class, () -> res.jvp(LayerTesting.randn(r, 2, 3, 2), null));
        List<Tensor> zero = res.jvp(null, null);
        assertArrayEquals(new double[2], zero.get(0).data(), 0.0);
        assertEquals(2, res.backward((Tensor) null).size());
    }
    @Test
    void parameterOrderIsTheLayersNotTheProblems() {
        Random r = new Random(8);
        Tensor av = LayerTesting.randn(r, 3, 2);
        Tensor bv = LayerTesting.randn(r, 3);
        LayerResult ab = layer().forward(av, bv);
        CvxpyLayer reversed = CvxpyLayer.builder(problem).parameters(b, a).variables(x).build();
        LayerResult ba = reversed.forward(bv, av);
        assertArrayEquals(ab.output(0).data(), ba.output(0).data(), 0.0);
        Tensor w = Tensor.vector(1.0, -0.5);
        List<Tensor> gab = ab.backward(w);
        List<Tensor> gba = ba.backward(w);
        assertArrayEquals(gab.get(0).data(), gba.get(1).data(), 0.0);
        assertArrayEquals(gab.get(1).data(), gba.get(0).data(), 0.0);
        assertArrayEquals(new int[] {3}, gba.get(0).shape());
    }
}
