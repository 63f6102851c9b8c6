package org.cvxlayers.benchmarks.layer;

import java.util.Random;
import org.cvxlayers.core.Cvx;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.cvxlayers.diff.layer.CvxpyLayer;
import org.cvxlayers.diff.layer.LayerSettings;
import org.cvxlayers.diff.layer.Tensor;

/** Seeded layers and inputs of the layer benchmarks. */
final class LayerBenchmarkProblems {
    private LayerBenchmarkProblems() {
    }

    /** A layer, its input values and an upstream gradient for its (single) output. */
    record Case(CvxpyLayer layer, Tensor[] values, Tensor upstream) {
    }

    /** The cvxpylayers README example: minimize ‖Ax − b‖₁ s.t. x ≥ 0, n = 2, m = 3 (unbatched). */
    static Case readme(int threads) {
        int n = 2;
        int m = 3;
        Variable x = Cvx.variable(n, "x");
        Parameter a = Cvx.parameter(m, n, "A");
        Parameter b = Cvx.parameter(m, "b");
        CvxpyLayer layer = CvxpyLayer.builder(Problem.minimize(Cvx.norm1(a.matmul(x).minus(b)), x.ge(0)))
                .parameters(a, b).variables(x).parallelism(threads).build();
        Random r = new Random(0);
        return new Case(layer, new Tensor[] {gaussian(r, m, n), gaussian(r, m)}, Tensor.vector(1.0, 1.0));
    }

    /** Least squares minimize ‖Ax − b‖² with A (m×n), b (m) parameters; batched when batch > 1. */
    static Case leastSquares(int n, int m, int batch, int threads) {
        Variable x = Cvx.variable(n, "x");
        Parameter a = Cvx.parameter(m, n, "A");
        Parameter b = Cvx.parameter(m, "b");
        CvxpyLayer layer = CvxpyLayer.builder(Problem.minimize(Cvx.sumSquares(a.matmul(x).minus(b))))
                .parameters(a, b).variables(x).parallelism(threads).build();
        Random r = new Random(1);
        if (batch == 1) {
            return new Case(layer, new Tensor[] {gaussian(r, m, n), gaussian(r, m)}, gaussian(r, n));
        }
        return new Case(layer, new Tensor[] {gaussian(r, batch, m, n), gaussian(r, batch, m)}, gaussian(r, batch, n));
    }

    /**
     * The dense QP of the cvxpylayers paper's comparison with OptNet: minimize ½xᵀQx + qᵀx s.t. Gx ≤ h with
     * n variables and m inequalities; Q = LLᵀ/n + I fixed, q, G, h batched parameters; h = G x₀ + s with
     * s ≥ 0 so every element is feasible.
     */
    static Case denseQp(int n, int m, int batch, int threads) {
        Random r = new Random(2);
        double[][] l = gaussian(r, n, n).toMatrix();
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1.0 : 0.0;
                for (int k = 0; k < n; k++) {
                    s += l[i][k] * l[j][k] / n;
                }
                q[i][j] = s;
            }
        }
        Variable x = Cvx.variable(n, "x");
        Parameter qv = Cvx.parameter(n, "q");
        Parameter g = Cvx.parameter(m, n, "G");
        Parameter h = Cvx.parameter(m, "h");
        Problem p = Problem.minimize(Cvx.quadForm(x, q).mul(0.5).plus(qv.matmul(x)), g.matmul(x).le(h));
        CvxpyLayer layer = CvxpyLayer.builder(p).parameters(qv, g, h).variables(x).parallelism(threads).build();
        Tensor gs = gaussian(r, batch, m, n);
        double[] hd = new double[batch * m];
        for (int e = 0; e < batch; e++) {
            double[] x0 = gaussian(r, n).data();
            for (int i = 0; i < m; i++) {
                double s = r.nextDouble();
                for (int j = 0; j < n; j++) {
                    s += gs.get(e, i, j) * x0[j];
                }
                hd[e * m + i] = s;
            }
        }
        return new Case(layer, new Tensor[] {gaussian(r, batch, n), gs, new Tensor(new int[] {batch, m}, hd)},
                gaussian(r, batch, n));
    }

    /**
     * A sparse QP: minimize ½xᵀQx + qᵀx s.t. Ax = b, Gx ≤ h with n variables, p equalities and m inequalities;
     * Q (diagonally dominant, hence positive definite), A and G are fixed random matrices of the given density,
     * q, b, h batched parameters; b = A x₀ and h = G x₀ + s with s ≥ 0 so every element is feasible.
     */
    static Case sparseQp(int n, int m, int p, double density, int batch, int threads) {
        Random r = new Random(3);
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (r.nextDouble() < density) {
                    double v = r.nextGaussian();
                    q[i][j] = v;
                    q[j][i] = v;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            double s = 1.0;
            for (int j = 0; j < n; j++) {
                s += i == j ? 0.0 : Math.abs(q[i][j]);
            }
            q[i][i] = s;
        }
        double[][] a = sparse(r, p, n, density);
        double[][] g = sparse(r, m, n, density);
        Variable x = Cvx.variable(n, "x");
        Parameter qv = Cvx.parameter(n, "q");
        Parameter b = Cvx.parameter(p, "b");
        Parameter h = Cvx.parameter(m, "h");
        Problem prob = Problem.minimize(Cvx.quadForm(x, q).mul(0.5).plus(qv.matmul(x)),
                Cvx.constant(a).matmul(x).eq(b), Cvx.constant(g).matmul(x).le(h));
        // some elements end ALMOST_SOLVED at the default tolerances: accept them (reported in results/layer.md)
        CvxpyLayer layer = CvxpyLayer.builder(prob).parameters(qv, b, h).variables(x).parallelism(threads)
                .settings(LayerSettings.builder().acceptInaccurate(true).build()).build();
        double[] bd = new double[batch * p];
        double[] hd = new double[batch * m];
        for (int e = 0; e < batch; e++) {
            double[] x0 = gaussian(r, n).data();
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < n; j++) {
                    bd[e * p + i] += a[i][j] * x0[j];
                }
            }
            for (int i = 0; i < m; i++) {
                double s = r.nextDouble();
                for (int j = 0; j < n; j++) {
                    s += g[i][j] * x0[j];
                }
                hd[e * m + i] = s;
            }
        }
        return new Case(layer, new Tensor[] {gaussian(r, batch, n), new Tensor(new int[] {batch, p}, bd),
            new Tensor(new int[] {batch, m}, hd)}, gaussian(r, batch, n));
    }

    private static double[][] sparse(Random r, int rows, int cols, double density) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            out[i][r.nextInt(cols)] = r.nextGaussian(); // no empty row
            for (int j = 0; j < cols; j++) {
                if (r.nextDouble() < density) {
                    out[i][j] = r.nextGaussian();
                }
            }
        }
        return out;
    }

    static Tensor gaussian(Random r, int... shape) {
        Tensor z = Tensor.zeros(shape);
        double[] d = new double[z.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextGaussian();
        }
        return new Tensor(shape, d);
    }
}
