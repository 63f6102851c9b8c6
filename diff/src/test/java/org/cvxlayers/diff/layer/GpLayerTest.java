package org.cvxlayers.diff.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cvxlayers.core.Cvx;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.ProblemStatus;
import org.cvxlayers.core.analysis.DgpException;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/**
 * Geometric-programming layers ({@code gp = true}), after cvxpylayers' GP tests: the box example
 * minimize 1/(xyz) s.t. a(xy + xz + yz) ≤ b, x ≥ y^c. Core's DGP takes the logarithm of every parameter, so
 * the exponent c cannot be a parameter here (cvxpylayers keeps it as a plain parameter); it is a constant and
 * the layer's parameters are a and b.
 */
class GpLayerTest {
    private final Variable x = Cvx.posVariable("x");
    private final Variable y = Cvx.posVariable("y");
    private final Variable z = Cvx.posVariable("z");
    private final Parameter a = Cvx.posParameter("a");
    private final Parameter b = Cvx.posParameter("b");

    private Problem box(double c) {
        return Problem.minimize(Cvx.constant(1.0).div(x.mul(y).mul(z)),
                a.mul(x.mul(y).plus(x.mul(z)).plus(y.mul(z))).le(b), x.ge(Cvx.power(y, c)));
    }

    private CvxpyLayer layer(double c, Parameter... order) {
        return CvxpyLayer.builder(box(c)).parameters(order).variables(x, y, z).gp(true).build();
    }

    /** x, y, z from core's own gp solve at (a, b). */
    private double[] coreSolve(double c, double av, double bv) {
        Problem p = box(c);
        a.setValue(av);
        b.setValue(bv);
        assertEquals(ProblemStatus.OPTIMAL, p.solve(true));
        return new double[] {x.scalarValue(), y.scalarValue(), z.scalarValue()};
    }

    @Test
    void readmeGpExampleSolutionAndGradients() {
        double c = 0.5;
        CvxpyLayer layer = layer(c, a, b);
        assertTrue(layer.isGp() && layer.program().isGp());
        Tensor[] values = {Tensor.scalar(2.0), Tensor.scalar(1.0)};
        LayerResult r = layer.forward(values);
        double xs = r.output(0).item();
        double ys = r.output(1).item();
        double zs = r.output(2).item();
        // outputs are the variables' values (not their logs): feasible, shape constraint active (x = √y here)
        assertTrue(xs > 0 && ys > 0 && zs > 0);
        assertEquals(1.0, 2.0 * (xs * ys + xs * zs + ys * zs), 1e-6, "area constraint active");
        assertEquals(Math.pow(ys, c), xs, 1e-6, "shape constraint active");
        LayerTesting.assertClose(coreSolve(c, 2.0, 1.0), new double[] {xs, ys, zs}, 1e-6, "x, y, z vs Problem.solve(gp)");
        // loss sum(x + y + z) as in the README, then random weights
        Tensor one = Tensor.scalar(1.0);
        // the solution depends on b/a only, so a·dL/da + b·dL/db = 0 for any loss
        List<Tensor> g0 = r.backward(one, one, one);
        assertEquals(0.0, 2.0 * g0.get(0).item() + 1.0 * g0.get(1).item(), 1e-6);
        LayerTesting.checkGradients(layer, LayerTesting.tight(), values, new Tensor[] {one, one, one}, 1e-5, 1e-5);
        LayerTesting.checkGradients(layer, LayerTesting.tight(), values,
                new Tensor[] {Tensor.scalar(0.3), Tensor.scalar(-1.2), Tensor.scalar(0.8)}, 1e-5, 1e-5);
        // a = 1, b = 12 gives another active set: the symmetric cube, shape constraint slack (2 > √2)
        CvxpyLayer cube = layer;
        Tensor[] v2 = {Tensor.scalar(1.0), Tensor.scalar(12.0)};
        LayerResult r2 = cube.forward(LayerTesting.tight(), v2); // the cube is a flat optimum: tight tolerances
        for (int o = 0; o < 3; o++) {
            assertEquals(2.0, r2.output(o).item(), 1e-6, "x = y = z = √(b/3a) = 2");
        }
        // x = y = z = √(b/3a): d(x+y+z)/da = −3·½·√(b/3)·a^{−3/2} = −3, d/db = 3·½/√(3ab) = 0.25
        List<Tensor> g = r2.backward(one, one, one);
        assertEquals(-3.0, g.get(0).item(), 1e-5);
        assertEquals(0.25, g.get(1).item(), 1e-6);
        LayerTesting.checkGradients(cube, LayerTesting.tight(), v2, new Tensor[] {one, Tensor.scalar(2.0), one}, 1e-5,
                1e-5);
    }

    /**
     * Dual output of a gp layer: the dual λ of the log-space area constraint is the sensitivity
     * d log f* / d log a, so the layer's gradient of f* = 1/(xyz) (through x, y, z) with respect to a must equal
     * f*·λ/a; the dual output itself is checked by finite differences.
     */
    @Test
    void gpDualOutputIsTheLogSensitivity() {
        var area = a.mul(x.mul(y).plus(x.mul(z)).plus(y.mul(z))).le(b);
        Problem p = Problem.minimize(Cvx.constant(1.0).div(x.mul(y).mul(z)), area, x.ge(Cvx.power(y, 0.5)));
        CvxpyLayer layer = CvxpyLayer.builder(p).parameters(a, b).variables(x, y, z).duals(area).gp(true).build();
        Tensor[] values = {Tensor.scalar(2.0), Tensor.scalar(1.0)};
        LayerResult r = layer.forward(LayerTesting.tight(), values);
        double xs = r.output(0).item();
        double ys = r.output(1).item();
        double zs = r.output(2).item();
        double lambda = r.output(3).item();
        double f = 1 / (xs * ys * zs);
        assertTrue(lambda > 0, "area constraint active: λ = " + lambda);
        // dL/dx for L = f = 1/(xyz): −f/x, …
        List<Tensor> g = r.backward(Tensor.scalar(-f / xs), Tensor.scalar(-f / ys), Tensor.scalar(-f / zs), null);
        assertEquals(f * lambda / 2.0, g.get(0).item(), 1e-6 * Math.max(1, f * lambda / 2.0));
        LayerTesting.checkGradients(layer, LayerTesting.tight(), values,
                new Tensor[] {null, null, null, Tensor.scalar(1.0)}, 1e-5, 1e-5);
    }

    /**
     * A vector GP with a matrix parameter: v = argmin Σ 1/vᵢ s.t. A v ≤ 1 (A > 0, 3×4), batched over two
     * matrices; every entry of A gets its own finite-difference check.
     */
    @Test
    void vectorGpWithMatrixParameter() {
        Parameter am = Cvx.posParameter(3, 4, "A");
        Variable v = Cvx.posVariable(4, "v");
        Problem p = Problem.minimize(Cvx.sum(Cvx.invPos(v)), am.matmul(v).le(1));
        CvxpyLayer layer = CvxpyLayer.builder(p).parameters(am).variables(v).gp(true).build();
        java.util.Random rnd = new java.util.Random(5);
        Tensor av = LayerTesting.uniform(rnd, 0.2, 1.2, 2, 3, 4);
        LayerResult r = layer.forward(LayerTesting.tight(), av);
        for (int i = 0; i < 2; i++) {
            double[] vs = r.output(0).slice(i).data();
            double[][] a = av.slice(i).toMatrix();
            for (int row = 0; row < 3; row++) {
                double s = 0;
                for (int j = 0; j < 4; j++) {
                    s += a[row][j] * vs[j];
                }
                assertTrue(s <= 1 + 1e-7, "element " + i + ", row " + row + " feasible: " + s);
            }
        }
        LayerTesting.checkGradients(layer, LayerTesting.tight(), new Tensor[] {av},
                new Tensor[] {LayerTesting.randn(rnd, 2, 4)}, 1e-6, 1e-5);
    }

    @Test
    void batchedGp() {
        double c = 0.5;
        CvxpyLayer layer = layer(c, a, b);
        Tensor av = Tensor.vector(2.0, 1.0, 0.5);   // batched a, B = 3
        Tensor bv = Tensor.scalar(1.0);             // broadcast b
        LayerResult r = layer.forward(av, bv);
        assertEquals(3, r.batchSize());
        for (int i = 0; i < 3; i++) {
            double[] ref = coreSolve(c, av.data()[i], 1.0);
            for (int o = 0; o < 3; o++) {
                assertEquals(ref[o], r.output(o).data()[i], 1e-6, "element " + i + ", output " + o);
            }
        }
        Tensor[] w = {Tensor.vector(1, 1, 1), Tensor.vector(0.5, -1, 2), Tensor.vector(1, 0, -0.5)};
        List<Tensor> g = r.backward(w);
        assertEquals(List.of(3), List.of(g.get(0).size()));
        assertEquals(1, g.get(1).size(), "b broadcast: gradient summed over the batch");
        LayerTesting.checkGradients(layer, LayerTesting.tight(), new Tensor[] {av, bv}, w, 1e-5, 1e-5);
        // both batched
        LayerTesting.checkGradients(layer, LayerTesting.tight(),
                new Tensor[] {Tensor.vector(2.0, 0.7), Tensor.vector(1.0, 3.0)},
                new Tensor[] {Tensor.vector(1, 1), Tensor.vector(1, 1), Tensor.vector(1, -1)}, 1e-5, 1e-5);
    }

    @Test
    void gpWithoutParameterValuesAndBadValues() {
        // as cvxpylayers: the parameters need no value to build the layer; values come with the call
        assertTrue(!a.hasValue() && !b.hasValue());
        CvxpyLayer layer = layer(0.5, a, b);
        var nul = assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.scalar(2.0), null));
        assertTrue(nul.getMessage().contains("parameter 'b'") && nul.getMessage().contains("null"), nul.getMessage());
        var neg = assertThrows(IllegalArgumentException.class,
                () -> layer.forward(Tensor.vector(2.0, -1.0, 3.0), Tensor.scalar(1.0)));
        assertTrue(neg.getMessage().contains("parameter 'a'") && neg.getMessage().contains("positive")
                && neg.getMessage().contains("batch element 1"), neg.getMessage());
        var zero = assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.scalar(2.0), Tensor.scalar(0.0)));
        assertTrue(zero.getMessage().contains("parameter 'b'") && zero.getMessage().contains("positive"),
                zero.getMessage());
        // the layer stays usable and agrees with core's solve
        LayerResult r = layer.forward(Tensor.scalar(2.0), Tensor.scalar(1.0));
        LayerTesting.assertClose(coreSolve(0.5, 2.0, 1.0),
                new double[] {r.output(0).item(), r.output(1).item(), r.output(2).item()}, 1e-6, "x, y, z");
        // a non-DGP problem is refused by gp = true, naming the subexpression
        Problem notDgp = Problem.minimize(Cvx.constant(1.0).div(x.plus(y)));
        var e = assertThrows(DgpException.class,
                () -> CvxpyLayer.builder(notDgp).parameters().variables(x).gp(true).build());
        assertTrue(e.getMessage().contains("log-log"), e.getMessage());
    }

    @Test
    void gpWithParametersInReversedOrder() {
        CvxpyLayer forward = layer(0.5, a, b);
        CvxpyLayer reversed = layer(0.5, b, a);
        Tensor av = Tensor.vector(2.0, 0.8);
        Tensor bv = Tensor.vector(1.0, 2.5);
        LayerResult r1 = forward.forward(av, bv);
        LayerResult r2 = reversed.forward(bv, av);
        Tensor[] w = {Tensor.vector(1, 2), Tensor.vector(-1, 1), Tensor.vector(0.5, 0.5)};
        List<Tensor> g1 = r1.backward(w);
        List<Tensor> g2 = r2.backward(w);
        for (int o = 0; o < 3; o++) {
            LayerTesting.assertClose(r1.output(o).data(), r2.output(o).data(), 1e-9, "output " + o);
        }
        LayerTesting.assertClose(g1.get(0).data(), g2.get(1).data(), 1e-7, "dL/da");
        LayerTesting.assertClose(g1.get(1).data(), g2.get(0).data(), 1e-7, "dL/db");
        LayerTesting.checkGradients(reversed, LayerTesting.tight(), new Tensor[] {bv, av}, w, 1e-5, 1e-5);
    }
}
