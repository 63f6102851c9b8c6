package org.cvxlayers.solvers.cones.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.DualExponentialCone;
import org.cvxlayers.solvers.cones.DualPowerCone;
import org.cvxlayers.solvers.cones.ExponentialCone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PowerCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConeProjectionTest {

    static Stream<Cone> cones() {
        return Stream.of(new ZeroCone(4), new NonnegativeCone(5), new SecondOrderCone(1), new SecondOrderCone(5),
                new ExponentialCone(), new DualExponentialCone(), new PowerCone(0.3), new PowerCone(0.5),
                new DualPowerCone(0.7), new PsdCone(1), new PsdCone(2), new PsdCone(4));
    }

    /** Random points of many scales, plus points near the boundary of the cone. */
    private static double[][] points(ConeProjection pr, long seed, int count) {
        Random rnd = new Random(seed);
        int k = pr.dim();
        double[][] pts = new double[count][k];
        for (int c = 0; c < count; c++) {
            double scale = Math.pow(10.0, -2.0 + 4.0 * rnd.nextDouble());
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = scale * rnd.nextGaussian();
            }
            if (c % 3 == 2) {
                // near the boundary: project, then move a little off it
                double[] p = new double[k];
                pr.project(x, 0, p);
                for (int i = 0; i < k; i++) {
                    x[i] = p[i] + 1e-3 * scale * rnd.nextGaussian();
                }
            }
            pts[c] = x;
        }
        return pts;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static double[] neg(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = -x[i];
        }
        return y;
    }

    /** Membership of p in the cone (dual=false) or its dual (dual=true), to an absolute tolerance. */
    static boolean member(Cone cone, boolean dual, double[] p, double tol) {
        if (cone instanceof ZeroCone) {
            if (dual) {
                return true;
            }
            return norm(p) <= tol;
        }
        if (cone instanceof NonnegativeCone) {
            for (double v : p) {
                if (v < -tol) {
                    return false;
                }
            }
            return true;
        }
        if (cone instanceof SecondOrderCone) {
            double s = 0;
            for (int i = 1; i < p.length; i++) {
                s += p[i] * p[i];
            }
            return p[0] >= Math.sqrt(s) - tol;
        }
        if (cone instanceof ExponentialCone || cone instanceof DualExponentialCone) {
            boolean primal = (cone instanceof ExponentialCone) != dual;
            return primal ? inExp(p[0], p[1], p[2], tol) : inExp(p[0] - p[1], -p[0], p[2], tol);
        }
        if (cone instanceof PowerCone || cone instanceof DualPowerCone) {
            double a = cone instanceof PowerCone pc ? pc.alpha() : ((DualPowerCone) cone).alpha();
            boolean primal = (cone instanceof PowerCone) != dual;
            double x = primal ? p[0] : p[0] / a;
            double y = primal ? p[1] : p[1] / (1 - a);
            if (x < -tol || y < -tol) {
                return false;
            }
            return Math.pow(Math.max(x, 0), a) * Math.pow(Math.max(y, 0), 1 - a) >= Math.abs(p[2]) - tol;
        }
        if (cone instanceof PsdCone psd) {
            PsdProjection pp = new PsdProjection(psd.n());
            int n = psd.n();
            double[] m = new double[n * n];
            pp.smat(p, 0, m);
            double[] w = new double[n];
            double[] u = new double[n * n];
            SymmetricEigen.decompose(m, n, w, u);
            return w[0] >= -tol;
        }
        throw new AssertionError();
    }

    /** (r, s, t) ∈ K_exp; (u, v, w) ∈ K_exp* iff (u − v, −u, w) ∈ K_exp. */
    private static boolean inExp(double r, double s, double t, double tol) {
        if (s > 0) {
            // s exp(r/s) <= t, compared directly or through logarithms (overflow)
            return s * Math.exp(r / s) <= t + tol || (t > 0 && Math.log(s) + r / s <= Math.log(t) + tol);
        }
        return s >= -tol && r <= tol && t >= -tol;
    }

    @ParameterizedTest
    @MethodSource("cones")
    void projectionLiesInConeAndMoreauHolds(Cone cone) {
        ConeProjection pr = ConeProjections.of(cone);
        assertEquals(cone.dim(), pr.dim());
        for (double[] x : points(pr, 11, 300)) {
            int k = x.length;
            double scale = Math.max(1.0, norm(x));
            double tol = 1e-9 * scale;
            double[] p = new double[k];
            double[] q = new double[k];
            pr.project(x, 0, p);
            pr.projectDual(neg(x), 0, q);
            assertTrue(member(cone, false, p, tol), () -> cone + " projection " + java.util.Arrays.toString(p) + " outside the cone at " + java.util.Arrays.toString(x));
            assertTrue(member(cone, true, q, tol), () -> cone + " dual projection " + java.util.Arrays.toString(q) + " outside K* at " + java.util.Arrays.toString(x));
            double dot = 0;
            for (int i = 0; i < k; i++) {
                assertEquals(x[i], p[i] - q[i], 1e-10 * scale, cone + " Moreau x = Π_K(x) − Π_K*(−x)");
                dot += p[i] * q[i];
            }
            assertEquals(0.0, dot, 1e-9 * scale * scale, cone + " ⟨Π_K(x), Π_K*(−x)⟩ = 0");
        }
    }

    @ParameterizedTest
    @MethodSource("cones")
    void derivativesMatchCentralDifferences(Cone cone) {
        ConeProjection pr = ConeProjections.of(cone);
        Random rnd = new Random(5);
        int k = pr.dim();
        int tested = 0;
        for (double[] x : points(pr, 23, 300)) {
            for (boolean dual : new boolean[] {false, true}) {
                double nx = norm(x);
                double[] unit = x.clone();
                for (int i = 0; i < k; i++) {
                    unit[i] /= nx;
                }
                if (!pr.isDifferentiableAt(unit, 0, dual, 1e-4)) {
                    continue;
                }
                double[] d = new double[k];
                for (int i = 0; i < k; i++) {
                    d[i] = rnd.nextGaussian();
                }
                double h = 1e-7 * nx;
                double[] xp = x.clone();
                double[] xm = x.clone();
                for (int i = 0; i < k; i++) {
                    xp[i] += h * d[i];
                    xm[i] -= h * d[i];
                }
                double[] pp = new double[k];
                double[] pm = new double[k];
                double[] j = new double[k];
                if (dual) {
                    pr.projectDual(xp, 0, pp);
                    pr.projectDual(xm, 0, pm);
                    pr.jvpDual(x, 0, d, j);
                } else {
                    pr.project(xp, 0, pp);
                    pr.project(xm, 0, pm);
                    pr.jvp(x, 0, d, j);
                }
                double err = 0;
                for (int i = 0; i < k; i++) {
                    double fd = (pp[i] - pm[i]) / (2 * h);
                    err = Math.max(err, Math.abs(fd - j[i]));
                }
                final double e = err;
                assertTrue(err <= 1e-5 * Math.max(1.0, norm(j)),
                        () -> cone + (dual ? " dual" : "") + " jvp vs FD error " + e + " at " + java.util.Arrays.toString(x));
                tested++;
            }
        }
        assertTrue(tested > 100, "too few differentiable points tested: " + tested);
    }

    @ParameterizedTest
    @MethodSource("cones")
    void denseJacobianIsSymmetricWithSquareRoot(Cone cone) {
        ConeProjection pr = ConeProjections.of(cone);
        int k = pr.dim();
        Random rnd = new Random(3);
        for (double[] x : points(pr, 31, 60)) {
            for (boolean dual : new boolean[] {false, true}) {
                double[] d = new double[k * k];
                double[] s = new double[k * k];
                pr.jacobian(x, 0, dual, d, s);
                double[] v = new double[k];
                for (int i = 0; i < k; i++) {
                    v[i] = rnd.nextGaussian();
                }
                double[] jv = new double[k];
                if (dual) {
                    pr.jvpDual(x, 0, v, jv);
                } else {
                    pr.jvp(x, 0, v, jv);
                }
                for (int i = 0; i < k; i++) {
                    double dv = 0;
                    for (int j = 0; j < k; j++) {
                        dv += d[i * k + j] * v[j];
                        assertEquals(d[i * k + j], d[j * k + i], 1e-10, "symmetric");
                        double ss = 0;
                        for (int l = 0; l < k; l++) {
                            ss += s[i * k + l] * s[l * k + j];
                        }
                        assertEquals(d[i * k + j], ss, 1e-8, cone + " sqrt(D)^2 = D");
                    }
                    assertEquals(jv[i], dv, 1e-8 * Math.max(1, norm(jv)), cone + " dense Jacobian = jvp");
                }
            }
        }
    }

    @Test
    void exponentialConeSpecialRegions() {
        ExponentialProjection e = new ExponentialProjection();
        double[] out = new double[3];
        // quadrant r <= 0, s <= 0: (r, 0, max(t, 0))
        e.project(new double[] {-1, -2, 3}, 0, out);
        assertEquals(-1, out[0], 0);
        assertEquals(0, out[1], 0);
        assertEquals(3, out[2], 0);
        // inside the cone: unchanged
        e.project(new double[] {0, 1, 2}, 0, out);
        assertEquals(2, out[2], 0);
        // polar cone: -(−1, 0, 1) scaled... (1, 0, -1) ∈ −K*: r e^{s/r − 1} = e^{-1} ≤ 1
        e.project(new double[] {1, 0, -1}, 0, out);
        assertEquals(0, norm(out), 0);
        // extreme scales still land in the cone and satisfy Moreau
        for (double[] x : new double[][] {{1e3, 1, 1}, {-1e3, 1e-3, 1}, {5, -1e-8, 1e-8}, {1e-9, 1e-9, -1e-9},
                {30, 2, -3}, {-0.5, 20, -100}}) {
            double[] p = new double[3];
            double[] q = new double[3];
            e.project(x, 0, p);
            e.projectDual(neg(x), 0, q);
            double sc = Math.max(1, norm(x));
            for (int i = 0; i < 3; i++) {
                assertEquals(x[i], p[i] - q[i], 1e-9 * sc);
            }
            assertEquals(0, p[0] * q[0] + p[1] * q[1] + p[2] * q[2], 1e-8 * sc * sc);
            assertTrue(member(new ExponentialCone(), false, p, 1e-8 * sc));
            assertTrue(member(new ExponentialCone(), true, q, 1e-8 * sc));
        }
    }

    @Test
    void kinksAreReported() {
        assertFalse(new NonnegativeProjection(3).isDifferentiableAt(new double[] {1, 0, -1}, 0, false, 1e-9));
        assertEquals(1, new NonnegativeProjection(3).kinkCount(new double[] {1, 0, -1}, 0, 1e-9));
        assertFalse(new SecondOrderProjection(3).isDifferentiableAt(new double[] {5, 3, 4}, 0, false, 1e-9));
        assertTrue(new SecondOrderProjection(3).isDifferentiableAt(new double[] {1, 3, 4}, 0, false, 1e-9));
        assertFalse(new PsdProjection(2).isDifferentiableAt(new double[] {1, 0, 0}, 0, false, 1e-9));
        assertFalse(new PowerProjection(0.4).isDifferentiableAt(new double[] {1, -1, 0}, 0, false, 1e-9));
    }

    @Test
    void psdProjectionClipsNegativeEigenvalues() {
        // [[1, 2], [2, 1]] has eigenvalues 3, -1 → projection 1.5 [[1, 1], [1, 1]]
        PsdProjection p = new PsdProjection(2);
        double r2 = Math.sqrt(2);
        double[] out = new double[3];
        p.project(new double[] {1, 2 * r2, 1}, 0, out);
        assertEquals(1.5, out[0], 1e-12);
        assertEquals(1.5 * r2, out[1], 1e-12);
        assertEquals(1.5, out[2], 1e-12);
    }

    /**
     * Distance-based membership: p moved by eps along a direction interior to both the cone and its dual
     * ((−1, 1, 1) for the exponential pair, (1, 1, 0) for the power pair) lies in the set, so the distance
     * of p to the set is at most eps·‖direction‖. (Function-value tests are too strict where the boundary is
     * steep, e.g. the dual exponential cone near u = 0.)
     */
    static boolean memberWithin(Cone cone, boolean dual, double[] p, double eps) {
        boolean exp = cone instanceof ExponentialCone || cone instanceof DualExponentialCone;
        double[] d = exp ? new double[] {-1, 1, 1} : new double[] {1, 1, 0};
        double[] q = new double[3];
        for (int i = 0; i < 3; i++) {
            q[i] = p[i] + eps * d[i];
        }
        return member(cone, dual, q, 0.0);
    }

    /** Exp and power cones over twelve orders of magnitude per coordinate: orthogonality and membership. */
    @Test
    void nonsymmetricConesAcrossScales() {
        Cone[] cones = {new ExponentialCone(), new DualExponentialCone(), new PowerCone(0.1), new PowerCone(0.9),
            new DualPowerCone(0.25)};
        Random rnd = new Random(1);
        for (Cone cone : cones) {
            ConeProjection pr = ConeProjections.of(cone);
            for (int t = 0; t < 20000; t++) {
                double[] x = new double[3];
                for (int i = 0; i < 3; i++) {
                    x[i] = Math.pow(10, -6 + 12 * rnd.nextDouble()) * (rnd.nextBoolean() ? 1 : -1);
                }
                double[] p = new double[3];
                double[] q = new double[3];
                pr.project(x, 0, p);
                pr.projectDual(neg(x), 0, q);
                double sc = norm(x);
                double dot = p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
                assertTrue(Math.abs(dot) <= 1e-9 * sc * sc, () -> cone + " <p, q> = " + dot + " at "
                        + java.util.Arrays.toString(x));
                assertTrue(memberWithin(cone, false, p, 1e-9 * sc), () -> cone + " projection outside at "
                        + java.util.Arrays.toString(x));
                assertTrue(memberWithin(cone, true, q, 1e-9 * sc), () -> cone + " dual projection outside at "
                        + java.util.Arrays.toString(x));
            }
        }
    }
}
