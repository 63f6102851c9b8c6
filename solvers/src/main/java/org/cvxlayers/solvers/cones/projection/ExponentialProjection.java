package org.cvxlayers.solvers.cones.projection;

/**
 * The exponential cone {@code K = cl{(r, s, t) : s > 0, s·exp(r/s) ≤ t}} and its dual
 * {@code K* = cl{(u, v, w) : u < 0, −u·exp(v/u) ≤ e·w}}.
 *
 * <p><b>Projection</b> (after Friberg 2021, "Projection onto the exponential cone: a univariate
 * root-finding problem"): points of K, of the polar cone {@code −K*}, and of the quadrant
 * {@code r ≤ 0, s ≤ 0} (projection {@code (r, 0, max(t, 0))}) are handled in closed form. Otherwise the
 * projection is {@code p = σ (ρ, 1, e^ρ)} and the polar part {@code p − x = δ (−1, ρ−1, e^{−ρ})}, two
 * orthogonal boundary rays; x lies in their span exactly when
 * <pre>
 *   h(ρ) = ((ρ−1) r + s) e^ρ − (r − ρ s) e^{−ρ} − (ρ² − ρ + 1) t = 0,
 * </pre>
 * and then {@code σ = ((ρ−1) r + s)/(ρ² − ρ + 1)}. We bracket the root in the interval where both
 * {@code (ρ−1) r + s > 0} and {@code r − ρ s > 0} (σ, δ &gt; 0), extend an infinite end by doubling steps,
 * and run Newton's method safeguarded by bisection. The closest of this candidate and the cheap
 * closed-form candidates is returned, so the result always lies in K.
 *
 * <p><b>Derivative</b>: identity inside K, zero inside the polar cone, {@code diag(1, 0, [t > 0])} in the
 * quadrant, and otherwise implicit differentiation of the projection's KKT system on the boundary
 * {@code g(p) = s·exp(r/s) − t = 0} (see {@link BoundaryJacobian}), with multiplier {@code μ = p_t − t}.
 * The dual cone uses Moreau's decomposition {@code Π_{K*}(x) = x + Π_K(−x)}.
 */
public record ExponentialProjection() implements ConeProjection {
    private static final double RHO_LIMIT = 700.0;

    @Override
    public int dim() {
        return 3;
    }

    @Override
    public void project(double[] x, int off, double[] out) {
        projectPrimal(x[off], x[off + 1], x[off + 2], out, off);
    }

    @Override
    public void projectDual(double[] x, int off, double[] out) {
        double r = x[off];
        double s = x[off + 1];
        double t = x[off + 2];
        double[] p = new double[3];
        projectPrimal(-r, -s, -t, p, 0);
        out[off] = r + p[0];
        out[off + 1] = s + p[1];
        out[off + 2] = t + p[2];
    }

    @Override
    public void jvp(double[] x, int off, double[] dx, double[] out) {
        double[] j = new double[9];
        jacobianPrimal(x[off], x[off + 1], x[off + 2], j);
        BoundaryJacobian.apply(j, dx, off, out);
    }

    @Override
    public void jvpDual(double[] x, int off, double[] dx, double[] out) {
        double[] j = new double[9];
        jacobianDual(x[off], x[off + 1], x[off + 2], j);
        BoundaryJacobian.apply(j, dx, off, out);
    }

    @Override
    public boolean isDifferentiableAt(double[] x, int off, boolean dual, double tol) {
        double sg = dual ? -1.0 : 1.0;
        return primalDifferentiable(sg * x[off], sg * x[off + 1], sg * x[off + 2], tol);
    }

    @Override
    public void jacobian(double[] x, int off, boolean dual, double[] d, double[] sqrtD) {
        if (dual) {
            jacobianDual(x[off], x[off + 1], x[off + 2], d);
        } else {
            jacobianPrimal(x[off], x[off + 1], x[off + 2], d);
        }
        SymmetricEigen.sqrtPsd(d, 3, sqrtD, 0.0, 1.0);
    }

    // ---------------------------------------------------------------- primal projection

    static boolean inCone(double r, double s, double t) {
        if (s > 0.0) {
            return s * Math.exp(r / s) <= t;
        }
        return s == 0.0 && r <= 0.0 && t >= 0.0;
    }

    /** Whether (r, s, t) lies in the polar cone −K*. */
    static boolean inPolar(double r, double s, double t) {
        if (r > 0.0) {
            return r * Math.exp(s / r - 1.0) <= -t;
        }
        return r == 0.0 && s <= 0.0 && t <= 0.0;
    }

    /** Π_K(r, s, t) into out[off..off+3). */
    static void projectPrimal(double r, double s, double t, double[] out, int off) {
        if (inCone(r, s, t)) {
            out[off] = r;
            out[off + 1] = s;
            out[off + 2] = t;
            return;
        }
        if (inPolar(r, s, t)) {
            out[off] = 0.0;
            out[off + 1] = 0.0;
            out[off + 2] = 0.0;
            return;
        }
        // cheap candidates, all in K: the face s = 0, and (if s > 0) raising t to the boundary
        double br = Math.min(r, 0.0);
        double bt = Math.max(t, 0.0);
        double bs = 0.0;
        double best = dist2(r, s, t, br, bs, bt);
        if (r <= 0.0 && s <= 0.0) {
            out[off] = br;
            out[off + 1] = bs;
            out[off + 2] = bt;
            return;
        }
        if (s > 0.0) {
            double tp = s * Math.exp(r / s);
            if (Double.isFinite(tp)) {
                double dd = (tp - t) * (tp - t);
                if (dd < best) {
                    best = dd;
                    br = r;
                    bs = s;
                    bt = tp;
                }
            }
        }
        double rho = findRho(r, s, t);
        double e = Math.exp(rho);
        if (!Double.isNaN(rho) && Double.isFinite(e)) {
            // two ways to the scale σ of the ray a = (ρ, 1, e^ρ): Friberg's σ = ((ρ−1) r + s)/(ρ² − ρ + 1),
            // which cancels badly when e^ρ is large, and the projection onto the ray ⟨x, a⟩/‖a‖² (computed
            // with e^{−ρ} factored out for ρ > 0); both give points of K, keep the closer
            double sig1 = ((rho - 1.0) * r + s) / (rho * (rho - 1.0) + 1.0);
            double sig2 = rho > 0.0
                    ? ((rho * r + s) / e + t) / ((rho * rho + 1.0) / e + e)
                    : (rho * r + s + t * e) / (rho * rho + 1.0 + e * e);
            for (double sig : new double[] {sig1, sig2}) {
                if (sig > 0.0 && Double.isFinite(sig * e)) {
                    double dd = dist2(r, s, t, sig * rho, sig, sig * e);
                    if (dd <= best) {
                        best = dd;
                        br = sig * rho;
                        bs = sig;
                        bt = sig * e;
                    }
                }
            }
        }
        out[off] = br;
        out[off + 1] = bs;
        out[off + 2] = bt;
    }

    private static double dist2(double r, double s, double t, double a, double b, double c) {
        return (r - a) * (r - a) + (s - b) * (s - b) + (t - c) * (t - c);
    }

    /** h(ρ) of the class comment; increasing through its root. */
    private static double h(double r, double s, double t, double rho) {
        return ((rho - 1.0) * r + s) * Math.exp(rho) - (r - rho * s) * Math.exp(-rho)
                - (rho * (rho - 1.0) + 1.0) * t;
    }

    private static double dh(double r, double s, double t, double rho) {
        return (rho * r + s) * Math.exp(rho) + (r - (rho - 1.0) * s) * Math.exp(-rho) - (2.0 * rho - 1.0) * t;
    }

    /** Root of h in the admissible interval, or NaN if no sign change is found. */
    static double findRho(double r, double s, double t) {
        double lo = -RHO_LIMIT;
        double hi = RHO_LIMIT;
        // (ρ−1) r + s > 0 and r − ρ s > 0
        if (r > 0.0) {
            lo = Math.max(lo, 1.0 - s / r);
        } else if (r < 0.0) {
            hi = Math.min(hi, 1.0 - s / r);
        }
        if (s > 0.0) {
            hi = Math.min(hi, r / s);
        } else if (s < 0.0) {
            lo = Math.max(lo, r / s);
        }
        if (!(lo < hi)) {
            return Double.NaN;
        }
        // an infinite end: walk out from the finite one with doubling steps
        boolean loInf = lo == -RHO_LIMIT;
        boolean hiInf = hi == RHO_LIMIT;
        if (hiInf && !loInf) {
            double step = 1.0;
            double p = lo + step;
            while (p < RHO_LIMIT && h(r, s, t, p) <= 0.0) {
                lo = p;
                step *= 2.0;
                p = lo + step;
            }
            hi = Math.min(p, RHO_LIMIT);
        } else if (loInf && !hiInf) {
            double step = 1.0;
            double p = hi - step;
            while (p > -RHO_LIMIT && h(r, s, t, p) >= 0.0) {
                hi = p;
                step *= 2.0;
                p = hi - step;
            }
            lo = Math.max(p, -RHO_LIMIT);
        }
        double flo = h(r, s, t, lo);
        double fhi = h(r, s, t, hi);
        if (flo > 0.0 || fhi < 0.0 || Double.isNaN(flo) || Double.isNaN(fhi)) {
            return Double.NaN;
        }
        if (flo == 0.0) {
            return lo;
        }
        if (fhi == 0.0) {
            return hi;
        }
        // bisection first: far from the root h is dominated by an exponential and Newton crawls
        while (hi - lo > 0.25) {
            double mid = 0.5 * (lo + hi);
            double f = h(r, s, t, mid);
            if (f == 0.0) {
                return mid;
            } else if (f < 0.0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double x = 0.5 * (lo + hi);
        for (int it = 0; it < 200; it++) {
            double f = h(r, s, t, x);
            if (f == 0.0) {
                return x;
            }
            if (f < 0.0) {
                lo = x;
            } else {
                hi = x;
            }
            double df = dh(r, s, t, x);
            double xn = x - f / df;
            if (!(xn > lo && xn < hi)) {
                xn = 0.5 * (lo + hi);
            }
            if (Math.abs(xn - x) <= 1e-15 * Math.max(1.0, Math.abs(xn)) || hi - lo <= 1e-15 * Math.max(1.0,
                    Math.abs(x))) {
                return xn;
            }
            x = xn;
        }
        return x;
    }

    // ---------------------------------------------------------------- derivatives

    /** DΠ_K at (r, s, t), row-major 3×3. */
    static void jacobianPrimal(double r, double s, double t, double[] j) {
        java.util.Arrays.fill(j, 0.0);
        if (inCone(r, s, t)) {
            j[0] = 1.0;
            j[4] = 1.0;
            j[8] = 1.0;
            return;
        }
        if (inPolar(r, s, t)) {
            return;
        }
        double[] p = new double[3];
        projectPrimal(r, s, t, p, 0);
        double pr = p[0];
        double ps = p[1];
        double pt = p[2];
        if (ps <= 0.0) {
            // on the face s = 0: (r, 0, max(t, 0)) locally
            j[0] = r < 0.0 ? 1.0 : 0.0;
            j[8] = t > 0.0 ? 1.0 : 0.0;
            return;
        }
        double rho = pr / ps;
        double e = Math.exp(rho);
        double[] grad = {e, (1.0 - rho) * e, -1.0};
        double c = e / ps;
        double[] hess = {c, -rho * c, 0.0, -rho * c, rho * rho * c, 0.0, 0.0, 0.0, 0.0};
        double mu = Math.max(0.0, pt - t);
        if (!BoundaryJacobian.fill(grad, hess, mu, j)) {
            java.util.Arrays.fill(j, 0.0);
            j[0] = r < 0.0 ? 1.0 : 0.0;
            j[8] = t > 0.0 ? 1.0 : 0.0;
        }
    }

    /** DΠ_{K*} at (u, v, w) = I − DΠ_K(−(u, v, w)). */
    static void jacobianDual(double u, double v, double w, double[] j) {
        jacobianPrimal(-u, -v, -w, j);
        for (int i = 0; i < 9; i++) {
            j[i] = -j[i];
        }
        j[0] += 1.0;
        j[4] += 1.0;
        j[8] += 1.0;
    }

    static boolean primalDifferentiable(double r, double s, double t, double tol) {
        double scale = Math.max(1.0, Math.sqrt(r * r + s * s + t * t));
        double eps = tol * scale;
        if (s > eps && t - s * Math.exp(r / s) > eps) {
            return true; // interior of K
        }
        if (r > eps && -t - r * Math.exp(s / r - 1.0) > eps) {
            return true; // interior of the polar cone
        }
        if (r < -eps && s < -eps) {
            return Math.abs(t) > eps; // quadrant, away from t = 0
        }
        double[] p = new double[3];
        projectPrimal(r, s, t, p, 0);
        double dr = r - p[0];
        double ds = s - p[1];
        double dt = t - p[2];
        double dn = Math.sqrt(dr * dr + ds * ds + dt * dt);
        return p[1] > eps && dn > eps;
    }
}
