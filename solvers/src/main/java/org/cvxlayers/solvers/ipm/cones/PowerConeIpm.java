package org.cvxlayers.solvers.ipm.cones;

/**
 * The 3-D power cone {@code K_α = {(x, y, z) : x^α·y^(1−α) ≥ |z|, x, y ≥ 0}} as a nonsymmetric IPM block.
 *
 * <p>Dual cone {@code K*_α = {(u, v, w) : (u/α)^α (v/(1−α))^(1−α) ≥ |w|, u, v ≥ 0}} with the degree-3 barrier
 * {@code f*(u, v, w) = −log(φ − w²) − (1−α)·log u − α·log v}, {@code φ = (u/α)^(2α)·(v/(1−α))^(2(1−α))} (as in
 * Clarabel).
 *
 * <p>Shadow dual point: writing {@code t = φ/ψ ≥ 1} at the solution {@code z̃} of {@code −∇f*(z̃) = s} gives
 * {@code z̃₁ = (2αt + 1 − α)/s₁}, {@code z̃₂ = (2(1−α)t + α)/s₂}, {@code z̃₃ = −2(t − 1)/s₃} and the scalar
 * equation {@code h(t) = 2α·log(2αt+1−α) + 2(1−α)·log(2(1−α)t+α) − 2α·log(α s₁) − 2(1−α)·log((1−α)s₂)
 * − log(4t(t−1)) + 2·log|s₃| = 0}. h decreases strictly on {@code t > 1} from +∞ to
 * {@code log(s₃²) − log(s₁^(2α) s₂^(2(1−α))) < 0} (negative exactly in the interior), so the root is unique;
 * it is found by a bracketed Newton iteration in {@code τ = log(t − 1)}.
 */
public final class PowerConeIpm extends NonsymmetricConeIpm {

    private final double alpha;
    private final double a0; // 2α
    private final double a1; // 2(1−α)

    /** Creates the block covering entries {@code [offset, offset + 3)} with exponent {@code alpha ∈ (0, 1)}. */
    public PowerConeIpm(int offset, double alpha) {
        super(offset, new double[] {1.0 - alpha, alpha, 0.0});
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("power cone exponent must lie in (0, 1), got " + alpha);
        }
        this.alpha = alpha;
        this.a0 = 2.0 * alpha;
        this.a1 = 2.0 * (1.0 - alpha);
    }

    /** The exponent α. */
    public double alpha() {
        return alpha;
    }

    @Override
    public boolean isPrimalInterior(double x, double y, double z) {
        return x > 0.0 && y > 0.0 && alpha * Math.log(x) + (1.0 - alpha) * Math.log(y) > Math.log(Math.abs(z));
    }

    @Override
    public boolean isDualInterior(double u, double v, double w) {
        return u > 0.0 && v > 0.0
                && alpha * Math.log(u / alpha) + (1.0 - alpha) * Math.log(v / (1.0 - alpha)) > Math.log(Math.abs(w));
    }

    private double phi(double u, double v) {
        return Math.exp(a0 * Math.log(u / alpha) + a1 * Math.log(v / (1.0 - alpha)));
    }

    @Override
    protected double psi(double[] z, int zo, double[] g, double[] h) {
        double u = z[zo];
        double v = z[zo + 1];
        double w = z[zo + 2];
        double f = phi(u, v);
        g[0] = a0 * f / u;
        g[1] = a1 * f / v;
        g[2] = -2.0 * w;
        h[0] = f * (a0 * a0 - a0) / (u * u);
        h[1] = f * a0 * a1 / (u * v);
        h[2] = 0.0;
        h[3] = h[1];
        h[4] = f * (a1 * a1 - a1) / (v * v);
        h[5] = 0.0;
        h[6] = 0.0;
        h[7] = 0.0;
        h[8] = -2.0;
        return f - w * w;
    }

    @Override
    protected void psiThird(double[] z, double[] p, double[] q, double[] out) {
        // φ_ijk = φ·(aᵢaⱼaₖ − δᵢⱼaᵢaₖ − δᵢₖaᵢaⱼ − δⱼₖaᵢaⱼ + 2δᵢⱼₖaᵢ)/(xᵢxⱼxₖ) on the (u, v) block; −w² adds nothing
        double u = z[0];
        double v = z[1];
        double f = phi(u, v);
        double y0 = p[0] / u;
        double y1 = p[1] / v;
        double r0 = q[0] / u;
        double r1 = q[1] / v;
        double ay = a0 * y0 + a1 * y1;
        double ar = a0 * r0 + a1 * r1;
        double ayr = a0 * y0 * r0 + a1 * y1 * r1;
        out[0] = f / u * a0 * (ay * ar - y0 * ar - r0 * ay - ayr + 2.0 * y0 * r0);
        out[1] = f / v * a1 * (ay * ar - y1 * ar - r1 * ay - ayr + 2.0 * y1 * r1);
        out[2] = 0.0;
    }

    @Override
    public boolean shadowDual(double[] s, int so, double[] zt) {
        double s1 = s[so];
        double s2 = s[so + 1];
        double s3 = s[so + 2];
        if (!(s1 > 0.0 && s2 > 0.0)) {
            return false;
        }
        double as3 = Math.abs(s3);
        if (as3 == 0.0) {
            zt[0] = (1.0 + alpha) / s1;
            zt[1] = (2.0 - alpha) / s2;
            zt[2] = 0.0;
            return true;
        }
        // constant part of h: −2α log(α s₁) − 2(1−α) log((1−α) s₂) − log 4 + 2 log|s₃|
        double c = -a0 * Math.log(alpha * s1) - a1 * Math.log((1.0 - alpha) * s2) - Math.log(4.0) + 2.0 * Math.log(as3);
        if (!Double.isFinite(c)) {
            return false;
        }
        // bracket the root in τ: h(τ) decreases from +∞ (τ → −∞) to a negative limit
        double lo;
        double hi;
        double step = 1.0;
        if (h(0.0, c) > 0.0) {
            lo = 0.0;
            hi = step;
            while (h(hi, c) > 0.0) {
                lo = hi;
                step *= 2.0;
                hi = lo + step;
                if (hi > 700.0) {
                    return false;
                }
            }
        } else {
            hi = 0.0;
            lo = -step;
            while (h(lo, c) <= 0.0) {
                hi = lo;
                step *= 2.0;
                lo = hi - step;
                if (lo < -1400.0) {
                    return false;
                }
            }
        }
        // safeguarded Newton: a Newton step that leaves the bracket is replaced by bisection
        double tau = 0.5 * (lo + hi);
        for (int it = 0; it < 200; it++) {
            double f = h(tau, c);
            if (f == 0.0) {
                break;
            }
            if (f > 0.0) {
                lo = tau;
            } else {
                hi = tau;
            }
            double df = dh(tau);
            double next = tau - f / df;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            double delta = Math.abs(next - tau);
            tau = next;
            if (delta <= 1e-15 * (1.0 + Math.abs(tau)) || hi - lo <= 1e-15 * (1.0 + Math.abs(tau))) {
                break;
            }
        }
        double tm1 = Math.exp(tau);
        double t = 1.0 + tm1;
        zt[0] = (a0 * t + 1.0 - alpha) / s1;
        zt[1] = (a1 * t + alpha) / s2;
        zt[2] = -2.0 * tm1 / s3;
        return Double.isFinite(zt[2]);
    }

    /** h as a function of τ = log(t − 1), plus the constant c. */
    private double h(double tau, double c) {
        double tm1 = Math.exp(tau);
        double t = 1.0 + tm1;
        return a0 * Math.log(a0 * t + 1.0 - alpha) + a1 * Math.log(a1 * t + alpha) - Math.log(t) - tau + c;
    }

    /** dh/dτ = (t − 1)·(a₀²/(a₀t+1−α) + a₁²/(a₁t+α) − 1/t) − 1. */
    private double dh(double tau) {
        double tm1 = Math.exp(tau);
        double t = 1.0 + tm1;
        return tm1 * (a0 * a0 / (a0 * t + 1.0 - alpha) + a1 * a1 / (a1 * t + alpha) - 1.0 / t) - 1.0;
    }

    @Override
    public void centralPoint(double[] e) {
        // −∇f*(e) = e at (√(1+α), √(2−α), 0): there −∇f* = ((1+α)/u, (2−α)/v, 0) (Clarabel's unit initialization)
        e[0] = Math.sqrt(1.0 + alpha);
        e[1] = Math.sqrt(2.0 - alpha);
        e[2] = 0.0;
    }
}
