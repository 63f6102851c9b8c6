package org.cvxlayers.solvers.ipm.cones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Barrier calculus, shadow points, scaling identities and step lengths of the exponential and power cones. */
class NonsymmetricConeIpmTest {

    private static List<NonsymmetricConeIpm> cones() {
        List<NonsymmetricConeIpm> list = new ArrayList<>();
        list.add(new ExponentialConeIpm(0));
        list.add(new PowerConeIpm(0, 0.3));
        list.add(new PowerConeIpm(0, 0.5));
        list.add(new PowerConeIpm(0, 0.85));
        return list;
    }

    /** A random point in the interior of the primal (or dual) cone, sometimes close to the boundary. */
    static double[] randomInterior(NonsymmetricConeIpm k, boolean primal, Random rnd) {
        double[] e = new double[3];
        k.centralPoint(e);
        while (true) {
            double[] p = new double[3];
            double scale = Math.exp(2.0 * rnd.nextGaussian());
            for (int i = 0; i < 3; i++) {
                p[i] = scale * (e[i] + 1.5 * rnd.nextGaussian());
            }
            boolean in = primal ? k.isPrimalInterior(p[0], p[1], p[2]) : k.isDualInterior(p[0], p[1], p[2]);
            if (in) {
                return p;
            }
        }
    }

    private static double[] dualGrad(NonsymmetricConeIpm k, double[] z) {
        double[] g = new double[3];
        double[] h = new double[9];
        k.dualGradHess(z, 0, g, h);
        return g;
    }

    private static double[] dualHess(NonsymmetricConeIpm k, double[] z) {
        double[] g = new double[3];
        double[] h = new double[9];
        k.dualGradHess(z, 0, g, h);
        return h;
    }

    @Test
    void dualGradientAndHessianMatchFiniteDifferences() {
        Random rnd = new Random(11);
        for (NonsymmetricConeIpm k : cones()) {
            for (int trial = 0; trial < 40; trial++) {
                double[] z = randomInterior(k, false, rnd);
                double[] g = dualGrad(k, z);
                double[] h = dualHess(k, z);
                for (int j = 0; j < 3; j++) {
                    double step = 1e-6 * Math.max(1.0, Math.abs(z[j]));
                    double[] zp = z.clone();
                    double[] zm = z.clone();
                    zp[j] += step;
                    zm[j] -= step;
                    if (!k.isDualInterior(zp[0], zp[1], zp[2]) || !k.isDualInterior(zm[0], zm[1], zm[2])) {
                        continue;
                    }
                    double fd = (k.dualBarrier(zp, 0) - k.dualBarrier(zm, 0)) / (2 * step);
                    assertEquals(g[j], fd, 1e-5 * Math.max(1.0, Math.abs(g[j])), k + " grad " + j);
                    double[] gp = dualGrad(k, zp);
                    double[] gm = dualGrad(k, zm);
                    for (int i = 0; i < 3; i++) {
                        double fdh = (gp[i] - gm[i]) / (2 * step);
                        assertEquals(h[3 * i + j], fdh, 1e-5 * Math.max(1.0, Math.abs(h[3 * i + j])),
                                k + " hess " + i + "," + j);
                    }
                }
                // logarithmic homogeneity of degree 3: ⟨∇f*(z), z⟩ = −3 and H z = −g
                assertEquals(-3.0, g[0] * z[0] + g[1] * z[1] + g[2] * z[2], 1e-9);
                for (int i = 0; i < 3; i++) {
                    double hz = h[3 * i] * z[0] + h[3 * i + 1] * z[1] + h[3 * i + 2] * z[2];
                    assertEquals(-g[i], hz, 1e-8 * Math.max(1.0, Math.abs(g[i])));
                }
            }
        }
    }

    @Test
    void thirdOrderContractionMatchesFiniteDifferencesOfHessian() {
        Random rnd = new Random(12);
        for (NonsymmetricConeIpm k : cones()) {
            for (int trial = 0; trial < 40; trial++) {
                double[] z = randomInterior(k, false, rnd);
                double[] u = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
                double[] v = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
                double[] t = new double[3];
                k.dualThird(z, u, v, t);
                double norm = Math.sqrt(z[0] * z[0] + z[1] * z[1] + z[2] * z[2]);
                double step = 1e-6 * norm;
                double[] fd1 = hessDirectional(k, z, u, v, step);
                double[] fd2 = hessDirectional(k, z, u, v, step / 2);
                if (fd1 == null || fd2 == null) {
                    continue;
                }
                double scale = 0.0;
                double[] fd = new double[3];
                for (int i = 0; i < 3; i++) {
                    fd[i] = (4 * fd2[i] - fd1[i]) / 3; // Richardson extrapolation
                    scale = Math.max(scale, Math.abs(fd[i]));
                }
                for (int i = 0; i < 3; i++) {
                    assertEquals(fd[i], t[i], 1e-5 * Math.max(1.0, scale), k + " third " + i);
                }
            }
        }
    }

    @Test
    void shadowDualInvertsTheDualGradientAndIsThePrimalBarrierGradient() {
        Random rnd = new Random(13);
        for (NonsymmetricConeIpm k : cones()) {
            for (int trial = 0; trial < 60; trial++) {
                double[] s = randomInterior(k, true, rnd);
                double[] zt = new double[3];
                assertTrue(k.shadowDual(s, 0, zt), k + " shadow at " + java.util.Arrays.toString(s));
                assertTrue(k.isDualInterior(zt[0], zt[1], zt[2]));
                double[] g = dualGrad(k, zt);
                for (int i = 0; i < 3; i++) {
                    assertEquals(s[i], -g[i], 1e-9 * Math.max(1.0, Math.abs(s[i])) + 1e-12 * norm(s), k + " −∇f*(z̃) = s");
                }
                // ∇f(s) = −z̃ for the conjugate barrier f(s) = −3 − f*(z̃(s))
                for (int j = 0; j < 3; j++) {
                    double step = 1e-6 * norm(s);
                    double[] sp = s.clone();
                    double[] sm = s.clone();
                    sp[j] += step;
                    sm[j] -= step;
                    if (!k.isPrimalInterior(sp[0], sp[1], sp[2]) || !k.isPrimalInterior(sm[0], sm[1], sm[2])) {
                        continue;
                    }
                    double fd = (k.primalBarrier(sp, 0) - k.primalBarrier(sm, 0)) / (2 * step);
                    assertEquals(-zt[j], fd, 1e-4 * Math.max(1.0, Math.abs(zt[j])), k + " ∇f " + j);
                }
            }
        }
    }

    @Test
    void shadowDualNearTheBoundary() {
        ExponentialConeIpm exp = new ExponentialConeIpm(0);
        for (double gap : new double[] {1e-2, 1e-6, 1e-9}) {
            // x just below y·log(z/y)
            double[] s = {2.0 * Math.log(3.0 / 2.0) - gap, 2.0, 3.0};
            double[] zt = new double[3];
            assertTrue(exp.shadowDual(s, 0, zt));
            double[] g = dualGrad(exp, zt);
            for (int i = 0; i < 3; i++) {
                // the input's rounding (1e-16 absolute in s₁) is amplified by 1/gap in the relative residual
                assertEquals(s[i], -g[i], 1e-7 + 1e-13 / gap);
            }
        }
        PowerConeIpm pow = new PowerConeIpm(0, 0.4);
        for (double z3 : new double[] {0.0, 1e-9, -0.3, 0.999999 * Math.pow(2.0, 0.4) * Math.pow(5.0, 0.6)}) {
            double[] s = {2.0, 5.0, z3};
            double[] zt = new double[3];
            assertTrue(pow.shadowDual(s, 0, zt));
            double[] g = dualGrad(pow, zt);
            for (int i = 0; i < 3; i++) {
                assertEquals(s[i], -g[i], 1e-7 * Math.max(1.0, Math.abs(s[i])), "pow z3=" + z3 + " i=" + i);
            }
        }
    }

    @Test
    void wrightOmegaSolvesItsEquation() {
        for (double d : new double[] {1e-12, 1e-6, 1e-2, 1.0, 10.0, 1e4, 1e9}) {
            double w = ExponentialConeIpm.omegaMinusOne(d);
            assertEquals(d, w + Math.log1p(w), 1e-14 * Math.max(1.0, d));
        }
        // ω(1) = 1 ⇒ ω(1 + d) − 1 ≈ d/2 for small d; ω(1 + e) = e (since e + log e = e + 1)
        assertEquals(0.5e-12, ExponentialConeIpm.omegaMinusOne(1e-12), 1e-24);
        assertEquals(Math.E - 1.0, ExponentialConeIpm.omegaMinusOne(Math.E), 1e-14);
    }

    @Test
    void unitInitializationIsInteriorAndCentral() {
        for (NonsymmetricConeIpm k : cones()) {
            double[] z = new double[3];
            double[] s = new double[3];
            k.unitInitialization(z, s);
            assertTrue(k.isPrimalInterior(s[0], s[1], s[2]));
            assertTrue(k.isDualInterior(z[0], z[1], z[2]));
            double[] g = dualGrad(k, z);
            for (int i = 0; i < 3; i++) {
                assertEquals(s[i], -g[i], 1e-12, k + " central: s = −∇f*(z) at the unit point");
            }
            assertEquals(3.0, s[0] * z[0] + s[1] * z[1] + s[2] * z[2], 1e-12);
            double[] m = new double[2];
            k.margins(z, false, m);
            assertTrue(m[0] > 0.0 && m[0] < 1.0, "margin " + m[0]);
        }
    }

    @Test
    void primalDualScalingSatisfiesBothSecantEquations() {
        Random rnd = new Random(14);
        for (NonsymmetricConeIpm k : cones()) {
            int pd = 0;
            for (int trial = 0; trial < 60; trial++) {
                double[] s = randomInterior(k, true, rnd);
                double[] z = randomInterior(k, false, rnd);
                double mu = (s[0] * z[0] + s[1] * z[1] + s[2] * z[2]) / 3.0;
                assertTrue(k.updateScaling(s, z, mu));
                double[] hs = new double[9];
                k.scalingMatrix(hs);
                double[] zt = new double[3];
                k.shadowDual(s, 0, zt);
                double[] g = dualGrad(k, z);
                double[] hz = mul(hs, z);
                double[] hzt = mul(hs, zt);
                boolean secant = true;
                for (int i = 0; i < 3; i++) {
                    secant &= Math.abs(hz[i] - s[i]) <= 1e-7 * norm(s);
                }
                if (secant) {
                    pd++;
                    for (int i = 0; i < 3; i++) {
                        assertEquals(-g[i], hzt[i], 1e-6 * Math.max(norm(g), 1.0), k + " Hs z̃ = x̃");
                    }
                } else {
                    // fallback: μ ∇²f*(z)
                    double[] h = dualHess(k, z);
                    for (int i = 0; i < 9; i++) {
                        assertEquals(mu * h[i], hs[i], 1e-12 * Math.abs(mu * h[i]) + 1e-15);
                    }
                }
                // symmetric positive definite
                assertEquals(hs[1], hs[3], 1e-12 * Math.abs(hs[0]));
                assertTrue(hs[0] > 0 && hs[0] * hs[4] - hs[1] * hs[3] > 0 && det(hs) > 0, k + " Hs ≻ 0");
                // getHs packs the upper triangle column by column
                double[] packed = new double[6];
                k.getHs(packed, 0);
                assertEquals(hs[2], packed[3]);
                assertEquals(hs[5], packed[4]);
            }
            assertTrue(pd > 40, k + ": the rank-3 update should be used for most random pairs, got " + pd);
        }
    }

    @Test
    void onTheCentralPathTheScalingIsMuTimesTheDualHessian() {
        for (NonsymmetricConeIpm k : cones()) {
            double[] e = new double[3];
            k.centralPoint(e);
            double mu = 0.7;
            double[] s = {mu * e[0], mu * e[1], mu * e[2]};
            assertTrue(k.updateScaling(s, e, mu));
            double[] hs = new double[9];
            k.scalingMatrix(hs);
            double[] h = dualHess(k, e);
            for (int i = 0; i < 9; i++) {
                assertEquals(mu * h[i], hs[i], 1e-12);
            }
        }
    }

    @Test
    void stepLengthKeepsIteratesInsideAndIsNotTooShort() {
        Random rnd = new Random(15);
        for (NonsymmetricConeIpm k : cones()) {
            for (int trial = 0; trial < 100; trial++) {
                double[] s = randomInterior(k, true, rnd);
                double[] z = randomInterior(k, false, rnd);
                double[] ds = {rnd.nextGaussian() * norm(s), rnd.nextGaussian() * norm(s), rnd.nextGaussian() * norm(s)};
                double[] dz = {rnd.nextGaussian() * norm(z), rnd.nextGaussian() * norm(z), rnd.nextGaussian() * norm(z)};
                double[] out = new double[2];
                k.stepLength(dz, ds, z, s, 1.0, out);
                double az = out[0];
                double as = out[1];
                assertTrue(az >= 0 && az <= 1 && as >= 0 && as <= 1);
                if (az > 0) {
                    assertTrue(k.isDualInterior(z[0] + az * dz[0], z[1] + az * dz[1], z[2] + az * dz[2]));
                    if (az < 1.0) {
                        double a = az / NonsymmetricConeIpm.BACKTRACK;
                        assertTrue(!k.isDualInterior(z[0] + a * dz[0], z[1] + a * dz[1], z[2] + a * dz[2]));
                    }
                }
                if (as > 0) {
                    assertTrue(k.isPrimalInterior(s[0] + as * ds[0], s[1] + as * ds[1], s[2] + as * ds[2]));
                }
                double b = k.computeBarrier(z, s, dz, ds, Math.min(az, as));
                if (Math.min(az, as) > 0) {
                    assertTrue(Double.isFinite(b));
                }
            }
        }
    }

    @Test
    void combinedShiftReducesToGradientWithoutCorrection() {
        for (NonsymmetricConeIpm k : cones()) {
            Random rnd = new Random(16);
            double[] s = randomInterior(k, true, rnd);
            double[] z = randomInterior(k, false, rnd);
            k.updateScaling(s, z, 1.0);
            double[] shift = new double[3];
            k.combinedDsShift(shift, new double[3], new double[3], 0.25);
            double[] g = dualGrad(k, z);
            for (int i = 0; i < 3; i++) {
                assertEquals(0.25 * g[i], shift[i], 1e-14 * Math.abs(g[i]));
            }
            // with directions: shift = σμ g − ½ ∇³f*[Δz, H⁻¹Δs]
            double[] dz = {0.1, -0.2, 0.3};
            double[] h = dualHess(k, z);
            double[] u = {0.4, 0.1, -0.2};
            double[] ds = mul(h, u); // so H⁻¹Δs = u
            k.combinedDsShift(shift, dz.clone(), ds, 0.25);
            double[] t = new double[3];
            k.dualThird(z, dz, u, t);
            for (int i = 0; i < 3; i++) {
                assertEquals(0.25 * g[i] - 0.5 * t[i], shift[i], 1e-9 * Math.max(1.0, Math.abs(shift[i])));
            }
        }
    }

    /** Central difference of (∇²f*(z) u) along v, or null if a probe leaves the cone. */
    private static double[] hessDirectional(NonsymmetricConeIpm k, double[] z, double[] u, double[] v, double step) {
        double[] zp = z.clone();
        double[] zm = z.clone();
        for (int i = 0; i < 3; i++) {
            zp[i] += step * v[i];
            zm[i] -= step * v[i];
        }
        if (!k.isDualInterior(zp[0], zp[1], zp[2]) || !k.isDualInterior(zm[0], zm[1], zm[2])) {
            return null;
        }
        double[] hp = dualHess(k, zp);
        double[] hm = dualHess(k, zm);
        double[] fd = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                fd[i] += (hp[3 * i + j] - hm[3 * i + j]) / (2 * step) * u[j];
            }
        }
        return fd;
    }

    private static double[] mul(double[] h, double[] x) {
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            y[i] = h[3 * i] * x[0] + h[3 * i + 1] * x[1] + h[3 * i + 2] * x[2];
        }
        return y;
    }

    private static double det(double[] a) {
        return a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
    }

    private static double norm(double[] x) {
        return Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
    }
}
