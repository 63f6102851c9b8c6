package org.cvxlayers.diff.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
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

/** cvxpylayers' test problems with central finite-difference gradient checks. */
class LayerProblemsTest {

    @Test
    void equalityConstraintsGiveIdentityJacobian() {
        // minimize ‖x‖² s.t. x == b  ⇒  x = b, dL/db = w
        int n = 10;
        Parameter b = Cvx.parameter(n, "b");
        Variable x = Cvx.variable(n, "x");
        CvxpyLayer layer = CvxpyLayer.of(Problem.minimize(Cvx.sumSquares(x), x.eq(b)), List.of(b), List.of(x));
        Random r = new Random(21);
        Tensor bv = LayerTesting.randn(r, n);
        Tensor w = LayerTesting.randn(r, n);
        LayerResult res = layer.forward(bv);
        LayerTesting.assertClose(bv.data(), res.output(0).data(), 1e-8, "x");
        LayerTesting.assertClose(w.data(), res.backward(w).get(0).data(), 1e-8, "dL/db");
        LayerTesting.checkGradients(layer, LayerTesting.tight(), new Tensor[] {bv}, new Tensor[] {w}, 1e-5, 1e-6);
    }

    @Test
    void equalityAndInequalityQpWithDuals() {
        // minimize ½‖x‖² + qᵀx s.t. G x ≤ h, F x = g  (OptNet-style QP); outputs x and both duals
        int n = 6;
        Random r = new Random(22);
        Parameter q = Cvx.parameter(n, "q");
        Parameter gm = Cvx.parameter(4, n, "G");
        Parameter h = Cvx.parameter(4, "h");
        Parameter f = Cvx.parameter(2, n, "F");
        Parameter g = Cvx.parameter(2, "g");
        Variable x = Cvx.variable(n, "x");
        Constraint ineq = gm.matmul(x).le(h);
        Constraint eq = f.matmul(x).eq(g);
        Problem p = Problem.minimize(Cvx.sumSquares(x).mul(0.5).plus(q.matmul(x)), ineq, eq);
        CvxpyLayer layer = CvxpyLayer.builder(p).parameters(q, gm, h, f, g).variables(x).duals(ineq, eq).build();
        // h chosen so that some inequalities are active at the solution
        Tensor[] values = {LayerTesting.randn(r, n), LayerTesting.randn(r, 4, n), LayerTesting.uniform(r, -0.5, 0.5, 4),
            LayerTesting.randn(r, 2, n), LayerTesting.randn(r, 2)};
        LayerResult res = layer.forward(values);
        // the layer's duals agree with Problem.solve's
        q.setValue(values[0].data());
        gm.setValue(values[1].toMatrix());
        h.setValue(values[2].data());
        f.setValue(values[3].toMatrix());
        g.setValue(values[4].data());
        p.solve();
        LayerTesting.assertClose(x.vectorValue(), res.output(0).data(), 1e-7, "x");
        LayerTesting.assertClose(ineq.dualValue(), res.output(1).data(), 1e-7, "inequality dual");
        LayerTesting.assertClose(eq.dualValue(), res.output(2).data(), 1e-7, "equality dual");
        Tensor[] w = {LayerTesting.randn(r, n), LayerTesting.randn(r, 4), LayerTesting.randn(r, 2)};
        LayerTesting.checkGradients(layer, LayerTesting.tight(), values, w, 1e-6, 1e-5);
    }

    @Test
    void socDualOutput() {
        // projection of p onto the unit ball: minimize ‖x − p‖² s.t. ‖x‖₂ ≤ 1, as SOC(1, x); p outside the ball
        int n = 3;
        Parameter p = Cvx.parameter(n, "p");
        Variable x = Cvx.variable(n, "x");
        Constraint ball = Cvx.soc(Cvx.constant(1.0), x);
        Problem prob = Problem.minimize(Cvx.sumSquares(x.minus(p)), ball);
        CvxpyLayer layer = CvxpyLayer.builder(prob).parameters(p).variables(x).duals(ball).build();
        Tensor pv = Tensor.vector(1.5, -0.7, 0.9);
        LayerResult res = layer.forward(pv);
        double norm = Math.sqrt(1.5 * 1.5 + 0.7 * 0.7 + 0.9 * 0.9);
        LayerTesting.assertClose(pv.times(1.0 / norm).data(), res.output(0).data(), 1e-7, "x = p/‖p‖");
        assertArrayEquals(new int[] {n + 1}, res.output(1).shape());
        // KKT: 2(x − p) + μ = 0 with (λ, μ) ∈ SOC, λ = ‖μ‖ = 2(‖p‖ − 1)
        assertEquals(2 * (norm - 1), res.output(1).get(0), 1e-6);
        // Newton refinement of the solver's point makes the projection exact to rounding
        LayerResult refined = layer.forward(LayerSettings.builder().refinementSteps(3).build(), pv);
        LayerTesting.assertClose(pv.times(1.0 / norm).data(), refined.output(0).data(), 1e-13, "refined x");
        assertEquals(2 * (norm - 1), refined.output(1).get(0), 1e-12);
        Tensor w = Tensor.vector(0.3, -1.0, 0.5);
        Tensor wd = Tensor.vector(1.0, 0.2, 0.4, -0.7);
        LayerTesting.checkGradients(layer, LayerTesting.tight(), new Tensor[] {pv}, new Tensor[] {w, wd}, 1e-6, 1e-5);
    }

    @Test
    void nearestPsdMatrixWithPsdDualAndSymmetricParameter() {
        // minimize ‖X − C‖_F² s.t. X ⪰ 0, C symmetric: X = C₊, dual Z = 2(X − C) = 2 C₋ (eigenvalues of C away from 0)
        int n = 3;
        Parameter c = Cvx.parameter(Shape.matrix(n, n), "C", Attributes.NONE.withSymmetric());
        Variable xv = Cvx.variable(Shape.matrix(n, n), "X", Attributes.NONE.withSymmetric());
        Constraint psd = Cvx.psd(xv);
        Problem prob = Problem.minimize(Cvx.sumSquares(xv.minus(c)), psd);
        CvxpyLayer layer = CvxpyLayer.builder(prob).parameters(c).variables(xv).duals(psd).build();
        double[][] cm = {{1.0, 0.5, -0.3}, {0.5, -0.8, 0.2}, {-0.3, 0.2, 0.4}};
        Tensor cv = Tensor.matrix(cm);
        LayerResult res = layer.forward(cv);
        double[] xd = res.output(0).data();
        double[] zd = res.output(1).data();
        assertArrayEquals(new int[] {n, n}, res.output(1).shape());
        for (int k = 0; k < n * n; k++) {
            assertEquals(2 * (xd[k] - cv.data()[k]), zd[k], 1e-6, "Z = 2(X − C) at " + k);
        }
        Random r = new Random(23);
        Tensor w = LayerTesting.randSym(r, n);
        Tensor wz = LayerTesting.randn(r, n, n);
        LayerTesting.checkGradients(layer, LayerTesting.tight(), new Tensor[] {cv}, new Tensor[] {w, wz}, 1e-6, 1e-5);
    }

    @Test
    void sdpWithTraceConstraints() {
        // cvxpylayers' SDP test: minimize tr(C X) + ‖X‖_F² s.t. X ⪰ 0, tr(A_i X) = b_i, C symmetric
        int n = 3;
        int p = 2;
        Random r = new Random(24);
        Parameter c = Cvx.parameter(Shape.matrix(n, n), "C", Attributes.NONE.withSymmetric());
        List<Parameter> as = new ArrayList<>();
        List<Parameter> bs = new ArrayList<>();
        Variable xv = Cvx.variable(Shape.matrix(n, n), "X", Attributes.NONE.withSymmetric());
        List<Constraint> cons = new ArrayList<>();
        Constraint psd = Cvx.psd(xv);
        cons.add(psd);
        for (int i = 0; i < p; i++) {
            Parameter ai = Cvx.parameter(n, n, "A" + i);
            Parameter bi = Cvx.parameter("b" + i);
            as.add(ai);
            bs.add(bi);
            cons.add(Cvx.trace(ai.matmul(xv)).eq(bi));
        }
        Expression obj = Cvx.trace(c.matmul(xv)).plus(Cvx.sumSquares(xv));
        Problem prob = Problem.minimize(obj, cons);
        List<Parameter> params = new ArrayList<>();
        params.add(c);
        params.addAll(as);
        params.addAll(bs);
        CvxpyLayer layer = CvxpyLayer.builder(prob).parameters(params).variables(xv).duals(psd).build();
        List<Tensor> values = new ArrayList<>();
        values.add(LayerTesting.randSym(r, n));
        for (int i = 0; i < p; i++) {
            values.add(LayerTesting.randn(r, n, n));
        }
        for (int i = 0; i < p; i++) {
            values.add(Tensor.scalar(1.0 + r.nextDouble()));
        }
        Tensor[] v = values.toArray(new Tensor[0]);
        LayerResult res = layer.forward(v);
        assertArrayEquals(new int[] {n, n}, res.output(0).shape());
        Tensor w = LayerTesting.randSym(r, n);
        LayerTesting.checkGradients(layer, LayerTesting.tight(), v, new Tensor[] {w, null}, 1e-6, 2e-5);
    }

    @Test
    void parameterSharedByTwoLayers() {
        // two layers use the same parameter b; the gradient of L = L1 + L2 is the sum of both layers' gradients
        int n = 4;
        Random r = new Random(25);
        Parameter b = Cvx.parameter(n, "b");
        Parameter c = Cvx.parameter(n, "c");
        Variable x = Cvx.variable(n, "x");
        Variable y = Cvx.variable(n, "y");
        CvxpyLayer l1 = CvxpyLayer.of(Problem.minimize(Cvx.sumSquares(x.minus(b)), x.ge(0)), List.of(b), List.of(x));
        CvxpyLayer l2 = CvxpyLayer.of(Problem.minimize(Cvx.sumSquares(y.minus(c)).plus(b.matmul(y)), y.le(1)),
                List.of(b, c), List.of(y));
        Tensor bv = LayerTesting.randn(r, n);
        Tensor cv = LayerTesting.randn(r, n);
        Tensor w1 = LayerTesting.randn(r, n);
        Tensor w2 = LayerTesting.randn(r, n);
        double[] gb = l1.forward(bv).backward(w1).get(0).plus(l2.forward(bv, cv).backward(w2).get(0)).data();
        LayerSettings s = LayerTesting.tight();
        double eps = 1e-6;
        for (int k = 0; k < n; k++) {
            double[] up = bv.data();
            double[] dn = bv.data();
            up[k] += eps;
            dn[k] -= eps;
            double lu = w1.dot(l1.forward(s, Tensor.vector(up)).output(0)) + w2.dot(l2.forward(s, Tensor.vector(up), cv).output(0));
            double ld = w1.dot(l1.forward(s, Tensor.vector(dn)).output(0)) + w2.dot(l2.forward(s, Tensor.vector(dn), cv).output(0));
            assertEquals((lu - ld) / (2 * eps), gb[k], 1e-5, "dL/db[" + k + "]");
        }
    }

    @Test
    void batchedDualsAndBroadcastGradients() {
        // a batch of projections onto {x ≥ 0, sum x ≤ 1} with the dual of the sum constraint as a second output
        int n = 4;
        Random r = new Random(26);
        Parameter p = Cvx.parameter(n, "p");
        Parameter s = Cvx.parameter("s");
        Variable x = Cvx.variable(n, "x");
        Constraint budget = Cvx.sum(x).le(s);
        CvxpyLayer layer = CvxpyLayer.builder(Problem.minimize(Cvx.sumSquares(x.minus(p)), x.ge(0), budget))
                .parameters(p, s).variables(x).duals(budget).build();
        Tensor pv = LayerTesting.uniform(r, 0.1, 1.0, 3, n);
        Tensor sv = Tensor.scalar(1.0);
        LayerResult res = layer.forward(pv, sv);
        assertArrayEquals(new int[] {3}, res.output(1).shape());
        LayerTesting.checkGradients(layer, LayerTesting.tight(), new Tensor[] {pv, sv},
                new Tensor[] {LayerTesting.randn(r, 3, n), LayerTesting.randn(r, 3)}, 1e-6, 1e-5);
    }
    @Test
    void batchedSocpAllParametersBatched() {
        // cvxpylayers' simple batch SOCP: minimize ½‖P_sqrt x‖² + qᵀx s.t. A x = b, ‖x‖₂ ≤ 1
        int n = 5;
        int m = 1;
        int batch = 4;
        Random r = new Random(27);
        Parameter pSqrt = Cvx.parameter(n, n, "P_sqrt");
        Parameter q = Cvx.parameter(n, "q");
        Parameter a = Cvx.parameter(m, n, "A");
        Parameter b = Cvx.parameter(m, "b");
        Variable x = Cvx.variable(n, "x");
        Problem prob = Problem.minimize(Cvx.sumSquares(pSqrt.matmul(x)).mul(0.5).plus(q.matmul(x)),
                a.matmul(x).eq(b), Cvx.norm2(x).le(1));
        CvxpyLayer layer = CvxpyLayer.of(prob, List.of(pSqrt, q, a, b), List.of(x));
        // b = A x₀ with ‖x₀‖ < 1 keeps every element feasible
        Tensor av = LayerTesting.randn(r, batch, m, n);
        double[] bd = new double[batch * m];
        for (int e = 0; e < batch; e++) {
            for (int j = 0; j < n; j++) {
                bd[e] += av.get(e, 0, j) * 0.3 * r.nextGaussian() / Math.sqrt(n);
            }
        }
        Tensor[] values = {LayerTesting.randn(r, batch, n, n), LayerTesting.randn(r, batch, n), av,
            new Tensor(new int[] {batch, m}, bd)};
        LayerResult res = layer.forward(values);
        for (int e = 0; e < batch; e++) {
            double nrm = 0.0;
            for (int j = 0; j < n; j++) {
                nrm += res.output(0).get(e, j) * res.output(0).get(e, j);
            }
            org.junit.jupiter.api.Assertions.assertTrue(Math.sqrt(nrm) <= 1 + 1e-7, "‖x‖ ≤ 1 in element " + e);
        }
        LayerTesting.checkGradients(layer, LayerTesting.tight(), values, new Tensor[] {LayerTesting.randn(r, batch, n)},
                1e-6, 1e-5);
    }
    @Test
    void maximizationProblem() {
        // maximize −‖x − p‖² − ‖x‖₁ s.t. x ≤ 0.5 (concave): x is a soft-thresholded, clipped p
        int n = 4;
        Parameter p = Cvx.parameter(n, "p");
        Variable x = Cvx.variable(n, "x");
        Problem prob = Problem.maximize(Cvx.sumSquares(x.minus(p)).neg().minus(Cvx.norm1(x)), x.le(0.5));
        CvxpyLayer layer = CvxpyLayer.of(prob, List.of(p), List.of(x));
        Tensor pv = Tensor.vector(2.0, -1.3, 0.2, 0.9);
        LayerResult res = layer.forward(pv);
        // per entry: argmin (x − p)² + |x| = soft(p, 1/2), then clipped to x ≤ 0.5
        LayerTesting.assertClose(new double[] {0.5, -0.8, 0.0, 0.4}, res.output(0).data(), 1e-7, "x");
        LayerTesting.checkGradients(layer, LayerTesting.tight(), new Tensor[] {pv},
                new Tensor[] {Tensor.vector(1.0, -2.0, 0.5, 3.0)}, 1e-6, 1e-5);
    }
}
