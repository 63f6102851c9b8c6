package org.cvxlayers.diff.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cvxlayers.core.expr.Parameter;

/** Helpers of the layer tests: seeded random tensors and central finite-difference gradient checks. */
final class LayerTesting {
    private LayerTesting() {
    }

    /** Tight solver tolerances so that finite differences of the solution are accurate. */
    static LayerSettings tight() {
        return LayerSettings.builder().tolGap(1e-11).tolFeas(1e-11).acceptInaccurate(true).refinementSteps(5).build();
    }

    static Tensor randn(Random r, int... shape) {
        Tensor z = Tensor.zeros(shape);
        double[] d = new double[z.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        return new Tensor(shape, d);
    }

    static Tensor uniform(Random r, double lo, double hi, int... shape) {
        Tensor z = Tensor.zeros(shape);
        double[] d = new double[z.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * r.nextDouble();
        }
        return new Tensor(shape, d);
    }

    /** A random symmetric n×n matrix. */
    static Tensor randSym(Random r, int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = r.nextGaussian();
                d[i * n + j] = v;
                d[j * n + i] = v;
            }
        }
        return new Tensor(new int[] {n, n}, d);
    }

    /** Loss L = Σ_o ⟨w_o, out_o⟩ of a forward call. */
    static double loss(CvxpyLayer layer, LayerSettings s, Tensor[] values, Tensor[] weights) {
        LayerResult r = layer.forward(s, values);
        double l = 0.0;
        for (int o = 0; o < weights.length; o++) {
            if (weights[o] != null) {
                l += weights[o].dot(r.output(o));
            }
        }
        return l;
    }

    /**
     * Compares backward (VJP of the linear loss with weights w) against central differences of the loss,
     * entry by entry (a symmetric parameter is perturbed at (i, j) and (j, i) together), and checks that
     * the JVP along a random direction agrees with the VJP: ⟨w, J d⟩ = ⟨Jᵀ w, d⟩.
     */
    static void checkGradients(CvxpyLayer layer, LayerSettings s, Tensor[] values, Tensor[] weights, double eps,
            double tol) {
        LayerResult r = layer.forward(s, values);
        List<Tensor> grads = r.backward(weights);
        List<Parameter> params = layer.parameters();
        for (int k = 0; k < values.length; k++) {
            double[] g = grads.get(k).data();
            assertEquals(values[k].size(), g.length, "gradient size of " + params.get(k).name());
            boolean sym = params.get(k).attributes().needsSymmetric();
            int n = sym ? params.get(k).shape().rows() : 0;
            int per = params.get(k).size();
            for (int q = 0; q < values[k].size(); q++) {
                int within = q % per;
                int mirror = -1;
                if (sym) {
                    int i = within / n;
                    int j = within % n;
                    if (j < i) {
                        continue;
                    }
                    mirror = i == j ? -1 : q - within + j * n + i;
                }
                double fd = (perturbed(layer, s, values, weights, k, q, mirror, eps)
                        - perturbed(layer, s, values, weights, k, q, mirror, -eps)) / (2 * eps);
                double an = g[q] + (mirror >= 0 ? g[mirror] : 0.0);
                assertEquals(fd, an, tol * Math.max(1.0, Math.abs(fd)),
                        "dL/d" + params.get(k).name() + "[" + q + "]: finite difference " + fd + ", backward " + an);
            }
        }
        // JVP against VJP along a random direction (symmetric for symmetric parameters)
        Random rnd = new Random(99);
        Tensor[] dirs = new Tensor[values.length];
        double vjpSide = 0.0;
        for (int k = 0; k < values.length; k++) {
            if (params.get(k).attributes().needsSymmetric()) {
                int n = params.get(k).shape().rows();
                int copies = values[k].size() / (n * n);
                double[] d = new double[values[k].size()];
                for (int c = 0; c < copies; c++) {
                    double[] one = randSym(rnd, n).data();
                    System.arraycopy(one, 0, d, c * n * n, n * n);
                }
                dirs[k] = new Tensor(values[k].shape(), d);
            } else {
                dirs[k] = randn(rnd, values[k].shape());
            }
            vjpSide += grads.get(k).dot(dirs[k]);
        }
        List<Tensor> jv = r.jvp(dirs);
        double jvpSide = 0.0;
        for (int o = 0; o < weights.length; o++) {
            if (weights[o] != null) {
                jvpSide += weights[o].dot(jv.get(o));
            }
        }
        assertEquals(vjpSide, jvpSide, 1e-7 * Math.max(1.0, Math.abs(vjpSide)), "<Jᵀw, d> vs <w, J d>");
    }

    private static double perturbed(CvxpyLayer layer, LayerSettings s, Tensor[] values, Tensor[] weights, int k, int q,
            int mirror, double h) {
        Tensor[] v = values.clone();
        double[] d = values[k].data();
        d[q] += h;
        if (mirror >= 0) {
            d[mirror] += h;
        }
        v[k] = new Tensor(values[k].shape(), d);
        return loss(layer, s, v, weights);
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol * Math.max(1.0, Math.abs(expected[i])),
                    what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
        }
    }
}
