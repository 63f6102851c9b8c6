package org.cvxlayers.solvers.ipm.cones;

/**
 * The exponential cone {@code K = cl{(x, y, z) : y > 0, y·exp(x/y) ≤ z}} as a nonsymmetric IPM block.
 *
 * <p>Dual cone {@code K* = cl{(u, v, w) : u < 0, −u·exp(v/u) ≤ e·w}} with the degree-3 barrier
 * {@code f*(u, v, w) = −log ψ − log(−u) − log w}, {@code ψ = v − u − u·log(−w/u)} (as in Clarabel). The shadow dual
 * point {@code z̃(s)} solving {@code −∇f*(z̃) = s} has a closed form through the Wright omega function: with
 * {@code d = (s₂·log(s₃/s₂) − s₁)/s₂ > 0} (positive exactly in the interior) and {@code ω} the solution of
 * {@code ω + log ω = 1 + d}, writing {@code w = ω − 1}:
 * {@code z̃₁ = −1/(w s₂)}, {@code z̃₃ = (1+w)/(w s₃)}, {@code z̃₂ = 1/s₂ + z̃₁(1 + log((1+w)s₂/s₃))}.
 * The equation for {@code w} ({@code w + log(1+w) = d}) is solved by Newton's method from {@code d/2}, a lower
 * bound on the root from which the iteration increases monotonically (the function is concave).
 */
public final class ExponentialConeIpm extends NonsymmetricConeIpm {

    /**
     * The central point {@code e = −∇f*(e)}: Clarabel's unit-initialization constants (≈ 5e-9 accurate),
     * polished once by Newton's method on {@code e + ∇f*(e) = 0} (Jacobian {@code I + ∇²f*(e)}).
     */
    private static final double[] CENTRAL = centralFromClarabelConstants();

    private static double[] centralFromClarabelConstants() {
        double[] e = {-1.051383945322714, 0.556409619469370, 1.258967884768947};
        ExponentialConeIpm k = new ExponentialConeIpm(0, true);
        double[] g = new double[3];
        double[] h = new double[9];
        for (int it = 0; it < 4; it++) {
            k.dualGradHess(e, 0, g, h);
            double[] r = {e[0] + g[0], e[1] + g[1], e[2] + g[2]};
            for (int i = 0; i < 3; i++) {
                h[4 * i] += 1.0;
            }
            double[] d = solve3(h, r);
            for (int i = 0; i < 3; i++) {
                e[i] -= d[i];
            }
        }
        return e;
    }

    /** Solves the 3×3 system by Cramer's rule (used once, at class initialization). */
    private static double[] solve3(double[] a, double[] b) {
        double det = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6])
                + a[2] * (a[3] * a[7] - a[4] * a[6]);
        double[] x = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] m = a.clone();
            for (int r = 0; r < 3; r++) {
                m[3 * r + c] = b[r];
            }
            x[c] = (m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
                    + m[2] * (m[3] * m[7] - m[4] * m[6])) / det;
        }
        return x;
    }

    /** The instance used once to polish the central point (it must not read CENTRAL). */
    private ExponentialConeIpm(int offset, boolean bootstrap) {
        super(offset, new double[] {1.0, 0.0, 1.0});
    }

    /** Creates the block covering entries {@code [offset, offset + 3)}. */
    public ExponentialConeIpm(int offset) {
        super(offset, new double[] {1.0, 0.0, 1.0});
    }

    @Override
    public boolean isPrimalInterior(double x, double y, double z) {
        return y > 0.0 && z > 0.0 && y * Math.log(z / y) - x > 0.0;
    }

    @Override
    public boolean isDualInterior(double u, double v, double w) {
        return u < 0.0 && w > 0.0 && v - u - u * Math.log(-w / u) > 0.0;
    }

    @Override
    protected double psi(double[] z, int zo, double[] g, double[] h) {
        double u = z[zo];
        double v = z[zo + 1];
        double w = z[zo + 2];
        double l = Math.log(-w / u);
        g[0] = -l;
        g[1] = 1.0;
        g[2] = -u / w;
        java.util.Arrays.fill(h, 0.0);
        h[0] = 1.0 / u;
        h[2] = -1.0 / w;
        h[6] = -1.0 / w;
        h[8] = u / (w * w);
        return v - u - u * l;
    }

    @Override
    protected void psiThird(double[] z, double[] a, double[] b, double[] out) {
        // nonzero third derivatives: ψ_uuu = −1/u², ψ_uww = 1/w², ψ_www = −2u/w³
        double u = z[0];
        double w = z[2];
        double w2 = w * w;
        out[0] = -a[0] * b[0] / (u * u) + a[2] * b[2] / w2;
        out[1] = 0.0;
        out[2] = (a[0] * b[2] + a[2] * b[0]) / w2 - 2.0 * u * a[2] * b[2] / (w2 * w);
    }

    @Override
    public boolean shadowDual(double[] s, int so, double[] zt) {
        double s1 = s[so];
        double s2 = s[so + 1];
        double s3 = s[so + 2];
        if (!(s2 > 0.0 && s3 > 0.0)) {
            return false;
        }
        double d = (s2 * Math.log(s3 / s2) - s1) / s2;
        if (!(d > 0.0) || !Double.isFinite(d)) {
            return false;
        }
        double w = omegaMinusOne(d);
        zt[0] = -1.0 / (w * s2);
        zt[2] = (1.0 + w) / (w * s3);
        zt[1] = 1.0 / s2 + zt[0] * (1.0 + Math.log((1.0 + w) * s2 / s3));
        return Double.isFinite(zt[0]) && Double.isFinite(zt[1]) && Double.isFinite(zt[2]);
    }

    /**
     * {@code ω(1 + d) − 1} for {@code d > 0}, where ω is the Wright omega function ({@code ω + log ω = x}):
     * the root of {@code w + log(1 + w) = d}, computed without cancellation for small d.
     */
    static double omegaMinusOne(double d) {
        // log(1+w) ≤ w gives w* ≥ d/2; F(w) = w + log1p(w) − d is increasing and concave, so Newton from
        // below stays below the root and increases monotonically.
        double w = 0.5 * d;
        for (int it = 0; it < 100; it++) {
            double f = w + Math.log1p(w) - d;
            double step = -f / (1.0 + 1.0 / (1.0 + w));
            w += step;
            if (!(Math.abs(step) > 1e-16 * w)) {
                break;
            }
        }
        return w;
    }

    @Override
    public void centralPoint(double[] e) {
        e[0] = CENTRAL[0];
        e[1] = CENTRAL[1];
        e[2] = CENTRAL[2];
    }
}
