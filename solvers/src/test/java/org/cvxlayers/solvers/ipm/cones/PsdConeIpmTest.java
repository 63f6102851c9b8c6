package org.cvxlayers.solvers.ipm.cones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nesterov–Todd scaling, Hs, corrector and step length of the PSD cone block. */
class PsdConeIpmTest {

    private static final int OFF = 2;

    /** svec of a random positive definite n×n matrix, placed at {@code OFF} in an array of length dim + OFF + 1. */
    static double[] randomPd(int n, Random rnd, double shift) {
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = rnd.nextGaussian();
            }
        }
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    m[i][j] += b[i][k] * b[j][k];
                }
            }
            m[i][i] += shift;
        }
        return svec(m);
    }

    static double[] svec(double[][] m) {
        int n = m.length;
        double[] x = new double[n * (n + 1) / 2 + OFF + 1];
        for (int j = 0, p = 0; j < n; j++) {
            for (int i = 0; i <= j; i++, p++) {
                x[OFF + p] = i == j ? m[i][i] : Math.sqrt(2.0) * m[i][j];
            }
        }
        return x;
    }

    static double[][] mat(double[] x, int n) {
        double[][] m = new double[n][n];
        for (int j = 0, p = 0; j < n; j++) {
            for (int i = 0; i <= j; i++, p++) {
                double v = i == j ? x[OFF + p] : x[OFF + p] / Math.sqrt(2.0);
                m[i][j] = v;
                m[j][i] = v;
            }
        }
        return m;
    }

    /** Smallest eigenvalue by the Jacobi method (independent of the ojAlgo path used by the class). */
    static double minEig(double[][] a0) {
        int n = a0.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = a0[i].clone();
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, a[i][i]);
        }
        return min;
    }

    @Test
    void ntScalingMapsBothPointsToLambdaAndHsZEqualsS() {
        Random rnd = new Random(21);
        for (int n = 1; n <= 6; n++) {
            for (int trial = 0; trial < 5; trial++) {
                PsdConeIpm k = new PsdConeIpm(OFF, n);
                int d = k.dim();
                double[] s = randomPd(n, rnd, 0.05);
                double[] z = randomPd(n, rnd, 0.05);
                assertTrue(k.updateScaling(s, z, 1.0));
                double[] lam = new double[n];
                k.lambda(lam);
                double[] wz = new double[s.length];
                double[] wis = new double[s.length];
                k.applyW(z, wz);
                k.applyWinvT(s, wis);
                for (int j = 0, p = 0; j < n; j++) {
                    for (int i = 0; i <= j; i++, p++) {
                        double expect = i == j ? lam[i] : 0.0;
                        double tol = 1e-9 * Math.max(1.0, lam[0]);
                        assertEquals(expect, wz[OFF + p], tol, "W z = λ at n=" + n);
                        assertEquals(expect, wis[OFF + p], tol, "W⁻ᵀ s = λ at n=" + n);
                    }
                }
                // Hs z = s, by mulHs and by the packed dense block
                double[] hz = new double[s.length];
                k.mulHs(hz, z, new double[s.length]);
                double[] packed = new double[d * (d + 1) / 2];
                k.getHs(packed, 0);
                double[] hzDense = new double[d];
                for (int col = 0, pos = 0; col < d; col++) {
                    for (int row = 0; row <= col; row++, pos++) {
                        hzDense[row] += packed[pos] * z[OFF + col];
                        if (row != col) {
                            hzDense[col] += packed[pos] * z[OFF + row];
                        }
                    }
                }
                double sn = norm(s);
                for (int p = 0; p < d; p++) {
                    assertEquals(s[OFF + p], hz[OFF + p], 1e-8 * sn, "Hs z = s");
                    assertEquals(s[OFF + p], hzDense[p], 1e-8 * sn, "packed Hs z = s");
                }
                assertEquals(0.0, hz[0]);
                assertEquals(0.0, hz[s.length - 1]);
                // Hs is positive definite: xᵀ Hs x > 0 for a random x
                double[] x = new double[s.length];
                for (int p = 0; p < d; p++) {
                    x[OFF + p] = rnd.nextGaussian();
                }
                double[] hx = new double[s.length];
                k.mulHs(hx, x, hx);
                double quad = 0;
                for (int p = 0; p < d; p++) {
                    quad += x[OFF + p] * hx[OFF + p];
                }
                assertTrue(quad > 0);
                // affine ds = λ∘λ and Wᵀ(λ \ (λ∘λ)) = Wᵀλ = s
                double[] ds = new double[s.length];
                k.affineDs(ds, s);
                double[] out = new double[s.length];
                k.deltaSFromDeltaZOffset(out, ds, new double[s.length], z);
                for (int p = 0; p < d; p++) {
                    assertEquals(s[OFF + p], out[OFF + p], 1e-8 * sn, "Wᵀ(λ \\ λ∘λ) = s");
                }
            }
        }
    }

    @Test
    void orderOneReducesToTheOrthant() {
        PsdConeIpm k = new PsdConeIpm(OFF, 1);
        double[] s = new double[OFF + 2];
        double[] z = new double[OFF + 2];
        s[OFF] = 3.0;
        z[OFF] = 0.5;
        assertTrue(k.updateScaling(s, z, 1.0));
        double[] packed = new double[1];
        k.getHs(packed, 0);
        assertEquals(6.0, packed[0], 1e-12); // s/z
        double[] shift = new double[OFF + 2];
        double[] dz = new double[OFF + 2];
        double[] ds = new double[OFF + 2];
        dz[OFF] = 0.2;
        ds[OFF] = -1.5;
        k.combinedDsShift(shift, dz, ds, 0.1);
        assertEquals(0.2 * -1.5 - 0.1, shift[OFF], 1e-12); // Δs·Δz − σμ
        double[] out = new double[2];
        k.stepLength(dz, ds, z, s, 1.0, out);
        assertEquals(1.0, out[0], 1e-15);
        assertEquals(2.0 / 1.0 * 1.0, 1.0 / out[1] * 2.0, 1e-12); // 3 − 1.5α ≥ 0 ⇒ α = 2 capped to 1
        assertEquals(1.0, out[1], 1e-15);
        ds[OFF] = -6.0;
        k.stepLength(dz, ds, z, s, 1.0, out);
        assertEquals(0.5, out[1], 1e-12);
    }

    @Test
    void combinedShiftIsTheSymmetrizedProductOfScaledDirections() {
        Random rnd = new Random(22);
        int n = 4;
        PsdConeIpm k = new PsdConeIpm(OFF, n);
        double[] s = randomPd(n, rnd, 0.1);
        double[] z = randomPd(n, rnd, 0.1);
        k.updateScaling(s, z, 1.0);
        double[] dz = randomPd(n, rnd, -3.0);
        double[] ds = randomPd(n, rnd, -3.0);
        double[] shift = new double[s.length];
        k.combinedDsShift(shift, dz.clone(), ds.clone(), 0.3);
        double[] a = new double[s.length];
        double[] b = new double[s.length];
        k.applyWinvT(ds, a);
        k.applyW(dz, b);
        double[][] am = mat(a, n);
        double[][] bm = mat(b, n);
        double[][] jordan = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    jordan[i][j] += 0.5 * (am[i][l] * bm[l][j] + bm[i][l] * am[l][j]);
                }
            }
            jordan[i][i] -= 0.3;
        }
        double[] expect = svec(jordan);
        for (int p = 0; p < k.dim(); p++) {
            assertEquals(expect[OFF + p], shift[OFF + p], 1e-10);
        }
    }

    @Test
    void stepLengthStopsExactlyAtTheBoundary() {
        Random rnd = new Random(23);
        for (int n = 2; n <= 6; n++) {
            for (int trial = 0; trial < 10; trial++) {
                PsdConeIpm k = new PsdConeIpm(OFF, n);
                double[] s = randomPd(n, rnd, 0.1);
                double[] z = randomPd(n, rnd, 0.1);
                k.updateScaling(s, z, 1.0);
                double[] dz = randomPd(n, rnd, -4.0 * n);
                double[] ds = randomPd(n, rnd, -4.0 * n);
                double[] out = new double[2];
                k.stepLength(dz, ds, z, s, 10.0, out);
                checkStep(z, dz, out[0], 10.0, n);
                checkStep(s, ds, out[1], 10.0, n);
            }
        }
    }

    private static void checkStep(double[] x, double[] dx, double alpha, double alphaMax, int n) {
        double[] at = x.clone();
        double[] inside = x.clone();
        for (int i = 0; i < x.length; i++) {
            at[i] += alpha * dx[i];
            inside[i] += 0.999 * alpha * dx[i];
        }
        assertTrue(minEig(mat(inside, n)) > 0, "strictly inside before the boundary");
        if (alpha < alphaMax) {
            assertEquals(0.0, minEig(mat(at, n)), 1e-8 * norm(x), "on the boundary at the step");
        }
    }

    @Test
    void unitInitializationMarginsAndShift() {
        PsdConeIpm k = new PsdConeIpm(OFF, 3);
        double[] z = new double[k.dim() + OFF + 1];
        double[] s = new double[z.length];
        k.unitInitialization(z, s);
        double[][] m = mat(z, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? 1.0 : 0.0, m[i][j]);
            }
        }
        double[] out = new double[2];
        k.margins(z, true, out);
        assertEquals(1.0, out[0], 1e-12);
        assertEquals(3.0, out[1], 1e-12);
        // an indefinite matrix: margin = its smallest eigenvalue; shifting by −margin+1 makes it central-ish
        double[] x = svec(new double[][] {{1, 2, 0}, {2, 1, 0}, {0, 0, 4}});
        k.margins(x, true, out);
        assertEquals(-1.0, out[0], 1e-12);
        assertEquals(7.0, out[1], 1e-12);
        k.scaledUnitShift(x, 2.0, true);
        k.margins(x, true, out);
        assertEquals(1.0, out[0], 1e-12);
        // central point: NT scaling of (I, I) is the identity with λ = 1
        assertTrue(k.updateScaling(s, z, 1.0));
        double[] lam = new double[3];
        k.lambda(lam);
        for (double l : lam) {
            assertEquals(1.0, l, 1e-14);
        }
        // a non-PD point is refused
        assertTrue(!k.updateScaling(svec(new double[][] {{1, 2, 0}, {2, 1, 0}, {0, 0, 4}}), z, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new PsdConeIpm(0, 0));
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
