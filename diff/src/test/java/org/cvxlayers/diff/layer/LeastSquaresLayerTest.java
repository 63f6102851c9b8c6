package org.cvxlayers.diff.layer;

import static org.cvxlayers.diff.layer.LayerTesting.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import java.util.Random;
import org.cvxlayers.core.Cvx;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/**
 * cvxpylayers' least-squares test: {@code x = argmin ‖Ax − b‖² + ‖x‖² = (AᵀA + I)⁻¹Aᵀb}; solution and
 * gradients of {@code L = wᵀx} against the closed form {@code dL/db = A z}, {@code dL/dA = r zᵀ − (A z) xᵀ}
 * with {@code z = (AᵀA + I)⁻¹ w}, {@code r = b − A x}; plus central differences.
 */
class LeastSquaresLayerTest {
    private static final int M = 12;
    private static final int N = 4;

    private final Parameter a = Cvx.parameter(M, N, "A");
    private final Parameter b = Cvx.parameter(M, "b");
    private final Variable x = Cvx.variable(N, "x");
    private final CvxpyLayer layer = CvxpyLayer.of(
            Problem.minimize(Cvx.sumSquares(a.matmul(x).minus(b)).plus(Cvx.sumSquares(x))), List.of(a, b), List.of(x));

    @Test
    void solutionAndGradientsMatchClosedForm() {
        Random r = new Random(1);
        Tensor av = LayerTesting.randn(r, M, N);
        Tensor bv = LayerTesting.randn(r, M);
        Tensor w = LayerTesting.randn(r, N);
        LayerResult res = layer.forward(av, bv);
        double[][] am = av.toMatrix();
        ClosedForm cf = new ClosedForm(am, bv.data(), w.data());
        assertArrayEquals(new int[] {N}, res.output(0).shape());
        assertClose(cf.x, res.output(0).data(), 1e-7, "x");
        org.junit.jupiter.api.Assertions.assertEquals(-1, res.nonDifferentiableCount(0));
        List<Tensor> g = res.backward(w);
        org.junit.jupiter.api.Assertions.assertEquals(0, res.nonDifferentiableCount(0));
        assertClose(cf.gradB, g.get(1).data(), 1e-6, "dL/db");
        assertClose(cf.gradA, g.get(0).data(), 1e-6, "dL/dA");
    }

    @Test
    void batchedGradientsMatchClosedFormPerElement() {
        Random r = new Random(2);
        int batch = 3;
        Tensor av = LayerTesting.randn(r, batch, M, N);
        Tensor bv = LayerTesting.randn(r, batch, M);
        Tensor w = LayerTesting.randn(r, batch, N);
        LayerResult res = layer.forward(av, bv);
        List<Tensor> g = res.backward(w);
        assertArrayEquals(new int[] {batch, M, N}, g.get(0).shape());
        assertArrayEquals(new int[] {batch, M}, g.get(1).shape());
        for (int i = 0; i < batch; i++) {
            ClosedForm cf = new ClosedForm(av.slice(i).toMatrix(), bv.slice(i).data(), w.slice(i).data());
            assertClose(cf.x, res.output(0).slice(i).data(), 1e-7, "x of element " + i);
            assertClose(cf.gradA, g.get(0).slice(i).data(), 1e-6, "dL/dA of element " + i);
            assertClose(cf.gradB, g.get(1).slice(i).data(), 1e-6, "dL/db of element " + i);
        }
    }

    @Test
    void centralDifferences() {
        Random r = new Random(3);
        Tensor[] values = {LayerTesting.randn(r, M, N), LayerTesting.randn(r, M)};
        LayerTesting.checkGradients(layer, LayerTesting.tight(), values, new Tensor[] {LayerTesting.randn(r, N)}, 1e-5,
                1e-5);
    }

    /** x, dL/dA (row-major) and dL/db of L = wᵀx for the ridge least-squares solution. */
    static final class ClosedForm {
        final double[] x;
        final double[] gradA;
        final double[] gradB;

        ClosedForm(double[][] a, double[] b, double[] w) {
            int m = a.length;
            int n = a[0].length;
            double[][] mm = new double[n][n];
            double[] atb = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double s = i == j ? 1.0 : 0.0;
                    for (int k = 0; k < m; k++) {
                        s += a[k][i] * a[k][j];
                    }
                    mm[i][j] = s;
                }
                for (int k = 0; k < m; k++) {
                    atb[i] += a[k][i] * b[k];
                }
            }
            x = solve(mm, atb);
            double[] z = solve(mm, w);
            double[] az = new double[m];
            double[] res = new double[m];
            for (int k = 0; k < m; k++) {
                double ax = 0.0;
                for (int j = 0; j < n; j++) {
                    az[k] += a[k][j] * z[j];
                    ax += a[k][j] * x[j];
                }
                res[k] = b[k] - ax;
            }
            gradB = az;
            gradA = new double[m * n];
            for (int k = 0; k < m; k++) {
                for (int j = 0; j < n; j++) {
                    gradA[k * n + j] = res[k] * z[j] - az[k] * x[j];
                }
            }
        }

        /** Gaussian elimination with partial pivoting. */
        static double[] solve(double[][] a0, double[] b0) {
            int n = b0.length;
            double[][] a = new double[n][];
            for (int i = 0; i < n; i++) {
                a[i] = a0[i].clone();
            }
            double[] b = b0.clone();
            for (int c = 0; c < n; c++) {
                int p = c;
                for (int i = c + 1; i < n; i++) {
                    if (Math.abs(a[i][c]) > Math.abs(a[p][c])) {
                        p = i;
                    }
                }
                double[] t = a[c];
                a[c] = a[p];
                a[p] = t;
                double tb = b[c];
                b[c] = b[p];
                b[p] = tb;
                for (int i = c + 1; i < n; i++) {
                    double f = a[i][c] / a[c][c];
                    for (int j = c; j < n; j++) {
                        a[i][j] -= f * a[c][j];
                    }
                    b[i] -= f * b[c];
                }
            }
            double[] x = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double s = b[i];
                for (int j = i + 1; j < n; j++) {
                    s -= a[i][j] * x[j];
                }
                x[i] = s / a[i][i];
            }
            return x;
        }
    }
}
