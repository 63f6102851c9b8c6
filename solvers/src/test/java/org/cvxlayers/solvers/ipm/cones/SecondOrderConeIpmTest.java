package org.cvxlayers.solvers.ipm.cones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SecondOrderConeIpmTest {
    private static final int OFF = 2; // block placed inside larger global vectors

    /** A random interior point of the second-order cone of dimension d at offset OFF. */
    private static double[] interior(Random rnd, int d) {
        double[] v = new double[d + OFF + 1];
        double nrm = 0;
        for (int i = 1; i < d; i++) {
            v[OFF + i] = rnd.nextGaussian();
            nrm += v[OFF + i] * v[OFF + i];
        }
        v[OFF] = Math.sqrt(nrm) + 0.1 + rnd.nextDouble();
        return v;
    }

    private static double[][] denseHs(SecondOrderConeIpm k, int d) {
        double[] packed = new double[d * (d + 1) / 2];
        k.getHs(packed, 0);
        double[][] h = new double[d][d];
        int p = 0;
        for (int j = 0; j < d; j++) {
            for (int i = 0; i <= j; i++) {
                h[i][j] = packed[p];
                h[j][i] = packed[p];
                p++;
            }
        }
        return h;
    }

    @Test
    void ntScalingMapsZToS() {
        Random rnd = new Random(3);
        for (int d : new int[] {1, 2, 3, 6, 11}) {
            double[] s = interior(rnd, d);
            double[] z = interior(rnd, d);
            SecondOrderConeIpm k = new SecondOrderConeIpm(OFF, d);
            assertTrue(k.updateScaling(s, z, 1.0));
            // Hs z = s (Hs = W², W z = W⁻¹ s)
            double[] hz = new double[s.length];
            k.mulHs(hz, z, new double[s.length]);
            double[][] h = denseHs(k, d);
            for (int i = 0; i < d; i++) {
                assertEquals(s[OFF + i], hz[OFF + i], 1e-10 * (1 + Math.abs(s[OFF + i])), "d=" + d);
                double row = 0;
                for (int j = 0; j < d; j++) {
                    row += h[i][j] * z[OFF + j];
                }
                assertEquals(s[OFF + i], row, 1e-10 * (1 + Math.abs(s[OFF + i])));
            }
            // λ∘λ has first entry ‖λ‖² = λᵀλ = zᵀW²z = sᵀz
            double[] ds = new double[s.length];
            k.affineDs(ds, s);
            double sz = 0;
            for (int i = 0; i < d; i++) {
                sz += s[OFF + i] * z[OFF + i];
            }
            assertEquals(sz, ds[OFF], 1e-10 * sz);
            // W(λ \ (λ∘λ)) = Wλ = s
            double[] out = new double[s.length];
            k.deltaSFromDeltaZOffset(out, ds, new double[s.length], z);
            for (int i = 0; i < d; i++) {
                assertEquals(s[OFF + i], out[OFF + i], 1e-9 * (1 + Math.abs(s[OFF + i])));
            }
        }
    }

    /**
     * Near the boundary w₀ is large and v₁² = u₁² − 2 ≈ 1/w₀² would cancel: at w₀ ≈ 1.3e7 the difference
     * keeps about two digits (old code: 2 % off). v₁/u₁ must match the closed form √((1 + d)/2)/w₀ with
     * d = 1/(2(2w₀² − 1)), w₀ read off Hs₀₀ = η²(2w₀² − 1).
     */
    @Test
    void sparseSplittingAccurateNearTheBoundary() {
        int d = 9;
        double delta = 3e-15; // s and z on opposite rays at distance ~δ from the boundary
        double[] s = new double[d + OFF + 1];
        double[] z = new double[d + OFF + 1];
        s[OFF] = 1.0;
        s[OFF + 1] = 1.0 - delta;
        z[OFF] = 1.0;
        z[OFF + 1] = -(1.0 - delta);
        SecondOrderConeIpm k = new SecondOrderConeIpm(OFF, d);
        assertTrue(k.updateScaling(s, z, 1e-14));
        double[] diag = new double[d];
        double[] u = new double[d];
        double[] v = new double[d];
        k.sparseDiagonal(diag, 0);
        k.sparseU(u, 0);
        k.sparseV(v, 0);
        double e2 = diag[1];
        double wsq = denseHs(k, d)[0][0] / e2; // 2w₀² − 1
        double w0 = Math.sqrt((wsq + 1.0) / 2.0);
        assertTrue(w0 > 1e6, "test point must be near the boundary, w0 = " + w0);
        double expected = Math.sqrt((1.0 + 0.5 / wsq) / 2.0) / w0;
        assertEquals(expected, v[1] / u[1], 1e-12 * expected);
    }

    @Test
    void sparseSplittingReproducesHs() {
        Random rnd = new Random(5);
        int d = 9;
        SecondOrderConeIpm k = new SecondOrderConeIpm(OFF, d);
        assertTrue(k.isSparse());
        assertTrue(k.updateScaling(interior(rnd, d), interior(rnd, d), 1.0));
        double[] diag = new double[d];
        double[] u = new double[d];
        double[] v = new double[d];
        k.sparseDiagonal(diag, 0);
        k.sparseU(u, 0);
        k.sparseV(v, 0);
        double[][] h = denseHs(k, d);
        for (int i = 0; i < d; i++) {
            assertTrue(diag[i] > 0, "D must stay positive");
            for (int j = 0; j < d; j++) {
                double rebuilt = (i == j ? diag[i] : 0) + u[i] * u[j] - v[i] * v[j];
                assertEquals(h[i][j], rebuilt, 1e-10 * (1 + Math.abs(h[i][j])));
            }
        }
    }

    @Test
    void stepLengthStopsAtTheBoundary() {
        SecondOrderConeIpm k = new SecondOrderConeIpm(0, 3);
        double[] x = {2, 0, 0};
        double[] dx = {-1, 1, 0};
        double[] out = new double[2];
        k.stepLength(dx, dx, x, x, 10.0, out);
        // (2 − α) = α  ->  α = 1
        assertEquals(1.0, out[0], 1e-14);
        assertEquals(1.0, out[1], 1e-14);
        double[] inward = {1, 0, 0};
        k.stepLength(inward, inward, x, x, 10.0, out);
        assertEquals(10.0, out[0], 0.0);
        double[] m = new double[2];
        k.margins(new double[] {1, 3, 4}, true, m);
        assertEquals(-4.0, m[0], 1e-14);
    }

    @Test
    void scalingFailsOutsideTheCone() {
        SecondOrderConeIpm k = new SecondOrderConeIpm(0, 3);
        assertFalse(k.updateScaling(new double[] {1, 2, 0}, new double[] {1, 0, 0}, 1.0));
    }

    @Test
    void rectifiedEquilibrationIsUniformOnTheBlock() {
        SecondOrderConeIpm k = new SecondOrderConeIpm(1, 3);
        double[] e = {5, 1, 2, 3, 7};
        double[] delta = new double[5];
        assertTrue(k.rectifyEquilibration(delta, e));
        for (int i = 1; i < 4; i++) {
            assertEquals(2.0, e[i] * delta[i], 1e-15);
        }
        assertEquals(0.0, delta[0], 0.0);
        assertEquals(0.0, delta[4], 0.0);
    }
}
