package org.cvxlayers.diff.conic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LsqrTest {

    private static LinearOperator dense(double[][] a) {
        return new LinearOperator() {
            @Override
            public int rows() {
                return a.length;
            }

            @Override
            public int cols() {
                return a[0].length;
            }

            @Override
            public void apply(double[] x, double[] y) {
                for (int i = 0; i < a.length; i++) {
                    double s = 0;
                    for (int j = 0; j < x.length; j++) {
                        s += a[i][j] * x[j];
                    }
                    y[i] = s;
                }
            }

            @Override
            public void applyTranspose(double[] y, double[] x) {
                java.util.Arrays.fill(x, 0.0);
                for (int i = 0; i < a.length; i++) {
                    for (int j = 0; j < x.length; j++) {
                        x[j] += a[i][j] * y[i];
                    }
                }
            }
        };
    }

    @Test
    void solvesSquareNonsymmetricSystem() {
        Random rnd = new Random(1);
        int n = 12;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = rnd.nextGaussian() + (i == j ? 4 : 0);
            }
        }
        double[] b = TestPrograms.randomVector(n, rnd);
        double[] exact = TestPrograms.solveDense(a, b);
        Lsqr.Result r = Lsqr.solve(dense(a), b, 1e-14, 1e-14, 500);
        assertTrue(r.converged());
        for (int i = 0; i < n; i++) {
            assertEquals(exact[i], r.x()[i], 1e-10);
        }
    }

    @Test
    void solvesOverdeterminedLeastSquares() {
        // fit a line y = 1 + 2t to points with symmetric noise: normal equations give the exact answer
        double[] t = {-2, -1, 0, 1, 2};
        double[] y = {-3.1, -0.9, 1.0, 3.1, 4.9};
        double[][] a = new double[5][2];
        for (int i = 0; i < 5; i++) {
            a[i][0] = 1;
            a[i][1] = t[i];
        }
        Lsqr.Result r = Lsqr.solve(dense(a), y, 1e-14, 1e-14, 100);
        double mean = 0;
        double slope = 0;
        for (int i = 0; i < 5; i++) {
            mean += y[i] / 5;
            slope += t[i] * y[i] / 10;
        }
        assertEquals(mean, r.x()[0], 1e-12);
        assertEquals(slope, r.x()[1], 1e-12);
    }
}
