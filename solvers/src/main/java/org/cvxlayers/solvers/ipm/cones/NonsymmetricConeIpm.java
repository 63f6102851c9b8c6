package org.cvxlayers.solvers.ipm.cones;

/**
 * The part of the interior-point machinery that is common to the 3-D nonsymmetric cones (exponential and power
 * cone), following Dahl &amp; Andersen (2021), "A primal-dual interior-point algorithm for nonsymmetric
 * exponential-cone optimization", and Clarabel's implementation of it.
 *
 * <p>Each cone is described by a logarithmically homogeneous barrier {@code f*} of its <em>dual</em> cone of the
 * form {@code f*(z) = −log ψ(z) − Σ cᵢ·log|zᵢ|} (degree 3). From it this class derives
 * <ul>
 *   <li>the gradient {@code g* = ∇f*(z)}, the Hessian {@code H* = ∇²f*(z)} and the third-order contraction
 *       {@code ∇³f*(z)[u, v]} (from the derivatives of ψ the subclass supplies);</li>
 *   <li>the primal barrier as the conjugate {@code f(s) = −3 − f*(z̃)} where {@code z̃ = z̃(s)} solves
 *       {@code −∇f*(z̃) = s} (the "shadow" dual point; subclasses solve this by a 1-D equation);</li>
 *   <li>the scaling matrix {@code Hs} satisfying the secant equations {@code Hs·z = s} and
 *       {@code Hs·z̃ = x̃} with {@code x̃ = −∇f*(z)}: the rank-3 BFGS-type formula
 *       {@code Hs = s sᵀ/⟨s,z⟩ + δs δsᵀ/⟨δs,δz⟩ + t·a aᵀ}, {@code δs = s − μx̃}, {@code δz = z − μz̃},
 *       {@code a ⊥ z, z̃}, and Clarabel's choice of {@code t}; when the update is ill-defined it falls back to the
 *       dual scaling {@code μ·H*};</li>
 *   <li>the higher-order corrector {@code η = ½·∇³f*(z)[Δz, H*⁻¹Δs]} of the combined step.</li>
 * </ul>
 * All work arrays are allocated in the constructor; no method allocates.
 */
public abstract sealed class NonsymmetricConeIpm implements IpmCone permits ExponentialConeIpm, PowerConeIpm {

    /** Backtracking factor of the step-length search (Clarabel's default {@code linesearch_backtrack_step}). */
    static final double BACKTRACK = 0.8;
    /** Below this step the search gives up and reports 0 (Clarabel's {@code min_terminate_step_length}). */
    static final double MIN_STEP = 1e-4;

    private static final double EPS = Math.ulp(1.0);

    private final int offset;

    // separable coefficients c of −Σ cᵢ log|zᵢ| in the dual barrier
    private final double[] sepCoef;

    // state at the current scaling point
    private final double[] zs = new double[3];     // copy of z
    private final double[] grad = new double[3];   // ∇f*(z)
    private final double[] hDual = new double[9];  // ∇²f*(z), full 3×3 row-major
    private final double[] hs = new double[9];     // scaling matrix, full 3×3 row-major

    // scratch
    private final double[] psiGrad = new double[3];
    private final double[] psiHess = new double[9];
    private final double[] psiThird = new double[3];
    private final double[] w1 = new double[3];
    private final double[] w2 = new double[3];
    private final double[] w3 = new double[3];
    private final double[] w4 = new double[3];
    private final double[] chol = new double[9];
    private final double[] point = new double[3];

    protected NonsymmetricConeIpm(int offset, double[] sepCoef) {
        if (offset < 0) {
            throw new IllegalArgumentException("cone offset must be >= 0, got " + offset);
        }
        this.offset = offset;
        this.sepCoef = sepCoef.clone();
    }

    // ------------------------------------------------------------------ cone-specific pieces

    /** Whether {@code (a, b, c)} lies in the interior of the primal cone. */
    public abstract boolean isPrimalInterior(double a, double b, double c);

    /** Whether {@code (a, b, c)} lies in the interior of the dual cone. */
    public abstract boolean isDualInterior(double a, double b, double c);

    /**
     * ψ at {@code z} (3 entries from {@code z[zo]}), its gradient into {@code g} and Hessian (full 3×3 row-major)
     * into {@code h}; returns ψ.
     */
    protected abstract double psi(double[] z, int zo, double[] g, double[] h);

    /** {@code Σⱼₖ ∂³ψ/∂zᵢ∂zⱼ∂zₖ · uⱼ vₖ} at the local point {@code z} (length 3) into {@code out}. */
    protected abstract void psiThird(double[] z, double[] u, double[] v, double[] out);

    /**
     * The shadow dual point {@code z̃} with {@code −∇f*(z̃) = s} for interior {@code s} (3 entries from
     * {@code s[so]}); returns false if the 1-D solve failed.
     */
    public abstract boolean shadowDual(double[] s, int so, double[] zt);

    /** The central point {@code e} with {@code e = −∇f*(e)} (it is interior to both cones). */
    public abstract void centralPoint(double[] e);

    // ------------------------------------------------------------------ barrier calculus

    /** The dual barrier value {@code f*(z)} (3 entries from {@code z[zo]}); +∞ outside the dual cone. */
    public final double dualBarrier(double[] z, int zo) {
        if (!isDualInterior(z[zo], z[zo + 1], z[zo + 2])) {
            return Double.POSITIVE_INFINITY;
        }
        double p = psi(z, zo, psiGrad, psiHess);
        double f = -Math.log(p);
        for (int i = 0; i < 3; i++) {
            if (sepCoef[i] != 0.0) {
                f -= sepCoef[i] * Math.log(Math.abs(z[zo + i]));
            }
        }
        return f;
    }

    /** The primal barrier {@code f(s) = −3 − f*(z̃(s))}, the conjugate of the dual barrier; +∞ outside. */
    public final double primalBarrier(double[] s, int so) {
        if (!isPrimalInterior(s[so], s[so + 1], s[so + 2]) || !shadowDual(s, so, w4)) {
            return Double.POSITIVE_INFINITY;
        }
        return -3.0 - dualBarrier(w4, 0);
    }

    /** Gradient {@code g} and Hessian {@code h} (full 3×3 row-major) of the dual barrier at interior z. */
    public final void dualGradHess(double[] z, int zo, double[] g, double[] h) {
        double p = psi(z, zo, psiGrad, psiHess);
        double ip = 1.0 / p;
        for (int i = 0; i < 3; i++) {
            double zi = z[zo + i];
            g[i] = -psiGrad[i] * ip - (sepCoef[i] != 0.0 ? sepCoef[i] / zi : 0.0);
            for (int j = 0; j < 3; j++) {
                h[3 * i + j] = -psiHess[3 * i + j] * ip + psiGrad[i] * psiGrad[j] * ip * ip;
            }
            if (sepCoef[i] != 0.0) {
                h[4 * i] += sepCoef[i] / (zi * zi);
            }
        }
    }

    /** {@code out = ∇³f*(z)[u, v]} at the local point z (length 3); the gradient/Hessian of ψ must be at z. */
    public final void dualThird(double[] z, double[] u, double[] v, double[] out) {
        double p = psi(z, 0, psiGrad, psiHess);
        psiThird(z, u, v, psiThird);
        double gu = dot(psiGrad, u);
        double gv = dot(psiGrad, v);
        double uHv = 0.0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                uHv += u[i] * psiHess[3 * i + j] * v[j];
            }
        }
        double ip = 1.0 / p;
        double ip2 = ip * ip;
        for (int i = 0; i < 3; i++) {
            double hu = 0.0;
            double hv = 0.0;
            for (int j = 0; j < 3; j++) {
                hu += psiHess[3 * i + j] * u[j];
                hv += psiHess[3 * i + j] * v[j];
            }
            double t = -psiThird[i] * ip + (hu * gv + hv * gu + psiGrad[i] * uHv) * ip2
                    - 2.0 * psiGrad[i] * gu * gv * ip2 * ip;
            if (sepCoef[i] != 0.0) {
                double zi = z[i];
                t -= 2.0 * sepCoef[i] * u[i] * v[i] / (zi * zi * zi);
            }
            out[i] = t;
        }
    }

    // ------------------------------------------------------------------ IpmCone

    @Override
    public final int offset() {
        return offset;
    }

    @Override
    public final int dim() {
        return 3;
    }

    @Override
    public final int degree() {
        return 3;
    }

    @Override
    public final boolean isSymmetric() {
        return false;
    }

    @Override
    public boolean rectifyEquilibration(double[] delta, double[] e) {
        // a scaling of a nonsymmetric cone's rows must be a multiple of the identity
        return IpmCone.equalizeBlock(delta, e, offset, 3);
    }

    @Override
    public void unitInitialization(double[] z, double[] s) {
        centralPoint(point);
        for (int i = 0; i < 3; i++) {
            z[offset + i] = point[i];
            s[offset + i] = point[i];
        }
    }

    /**
     * Nonsymmetric problems start from the unit initialization, so this is only a convenience: the largest
     * {@code α} (by bisection) with {@code z − α·e} inside the cone, negative when z is outside.
     */
    @Override
    public void margins(double[] z, boolean primal, double[] out) {
        centralPoint(point);
        double a = z[offset];
        double b = z[offset + 1];
        double c = z[offset + 2];
        double lo;
        double hi;
        if (inside(a, b, c, primal)) {
            lo = 0.0;
            hi = 1.0;
            int k = 0;
            while (inside(a - hi * point[0], b - hi * point[1], c - hi * point[2], primal) && k++ < 1100) {
                lo = hi;
                hi *= 2.0;
            }
        } else {
            hi = 0.0;
            lo = -1.0;
            int k = 0;
            while (!inside(a - lo * point[0], b - lo * point[1], c - lo * point[2], primal) && k++ < 1100) {
                hi = lo;
                lo *= 2.0;
            }
        }
        for (int it = 0; it < 80; it++) {
            double mid = 0.5 * (lo + hi);
            if (inside(a - mid * point[0], b - mid * point[1], c - mid * point[2], primal)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        out[0] = lo;
        out[1] = Math.max(lo, 0.0);
    }

    @Override
    public void scaledUnitShift(double[] z, double alpha, boolean primal) {
        centralPoint(point);
        for (int i = 0; i < 3; i++) {
            z[offset + i] += alpha * point[i];
        }
    }

    @Override
    public void setIdentityScaling() {
        java.util.Arrays.fill(hs, 0.0);
        hs[0] = 1.0;
        hs[4] = 1.0;
        hs[8] = 1.0;
    }

    @Override
    public boolean updateScaling(double[] s, double[] z, double mu) {
        return updateScaling(s, z, mu, false);
    }

    /**
     * Updates gradient, Hessian and scaling at the iterate; with {@code dualOnly} the scaling is the dual one
     * {@code μ·∇²f*(z)} (the solver's fallback after a too-short primal–dual scaled step, as in Clarabel).
     */
    public boolean updateScaling(double[] s, double[] z, double mu, boolean dualOnly) {
        int o = offset;
        if (!isDualInterior(z[o], z[o + 1], z[o + 2]) || !isPrimalInterior(s[o], s[o + 1], s[o + 2])) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            zs[i] = z[o + i];
        }
        dualGradHess(zs, 0, grad, hDual);
        if (dualOnly || !primalDualScaling(s, o)) {
            for (int i = 0; i < 9; i++) {
                hs[i] = mu * hDual[i];
            }
        }
        return true;
    }

    /**
     * The rank-3 update of Dahl–Andersen in Clarabel's form; false when it is numerically ill-defined (close to
     * the central path, or a non-positive curvature), then the caller uses {@code μ·H*}.
     */
    private boolean primalDualScaling(double[] s, int so) {
        double[] zt = w1;    // shadow dual z̃
        double[] ds = w2;    // δs
        double[] tmp = w3;
        if (!shadowDual(s, so, zt)) {
            return false;
        }
        double[] z = zs;
        double dotSz = s[so] * z[0] + s[so + 1] * z[1] + s[so + 2] * z[2];
        double mu = dotSz / 3.0;
        // x̃ = −grad; μ̃ = ⟨x̃, z̃⟩/3
        double muT = -dot(grad, zt) / 3.0;
        double dotDsDz = 0.0;
        for (int i = 0; i < 3; i++) {
            ds[i] = s[so + i] + mu * grad[i];
            dotDsDz += ds[i] * (z[i] - mu * zt[i]);
        }
        double de1 = mu * muT - 1.0;
        double de2 = quad(hDual, zt) - 3.0 * muT * muT;
        if (!(Math.abs(de1) > Math.sqrt(EPS) && Math.abs(de2) > EPS && dotSz > 0.0 && dotDsDz > 0.0)) {
            return false;
        }
        // t = μ·‖H* − x̃x̃ᵀ/3 − r rᵀ/de2‖_F with r = H*z̃ − μ̃x̃ (Clarabel's choice of the third curvature)
        for (int i = 0; i < 3; i++) {
            double hz = hDual[3 * i] * zt[0] + hDual[3 * i + 1] * zt[1] + hDual[3 * i + 2] * zt[2];
            tmp[i] = hz + muT * grad[i];
        }
        double fro = 0.0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double e = hDual[3 * i + j] - grad[i] * grad[j] / 3.0 - tmp[i] * tmp[j] / de2;
                fro += e * e;
            }
        }
        double t = mu * Math.sqrt(fro);
        // a = z × z̃, normalised
        double a0 = z[1] * zt[2] - z[2] * zt[1];
        double a1 = z[2] * zt[0] - z[0] * zt[2];
        double a2 = z[0] * zt[1] - z[1] * zt[0];
        double an = Math.sqrt(a0 * a0 + a1 * a1 + a2 * a2);
        if (!(an > 0.0) || !Double.isFinite(t)) {
            return false;
        }
        a0 /= an;
        a1 /= an;
        a2 /= an;
        tmp[0] = a0;
        tmp[1] = a1;
        tmp[2] = a2;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                hs[3 * i + j] = s[so + i] * s[so + j] / dotSz + ds[i] * ds[j] / dotDsDz + t * tmp[i] * tmp[j];
            }
        }
        return true;
    }

    @Override
    public final boolean hsIsDiagonal() {
        return false;
    }

    @Override
    public void getHs(double[] out, int outOffset) {
        // upper triangle packed column by column: (0,0) (0,1) (1,1) (0,2) (1,2) (2,2)
        out[outOffset] = hs[0];
        out[outOffset + 1] = hs[1];
        out[outOffset + 2] = hs[4];
        out[outOffset + 3] = hs[2];
        out[outOffset + 4] = hs[5];
        out[outOffset + 5] = hs[8];
    }

    @Override
    public void mulHs(double[] y, double[] x, double[] work) {
        int o = offset;
        double x0 = x[o];
        double x1 = x[o + 1];
        double x2 = x[o + 2];
        for (int i = 0; i < 3; i++) {
            y[o + i] = hs[3 * i] * x0 + hs[3 * i + 1] * x1 + hs[3 * i + 2] * x2;
        }
    }

    @Override
    public void affineDs(double[] ds, double[] s) {
        System.arraycopy(s, offset, ds, offset, 3);
    }

    /**
     * {@code shift = σμ·∇f*(z) − ½·∇³f*(z)[Δz, H*⁻¹Δs]}: with {@code ds = s + shift} the combined step solves
     * {@code Hs Δz + Δs = −ds}; the cubic term is the Dahl–Andersen corrector (it reduces to Mehrotra's
     * {@code Δs∘Δz / z} on the orthant).
     */
    @Override
    public void combinedDsShift(double[] shift, double[] stepZ, double[] stepS, double sigmaMu) {
        int o = offset;
        double[] u = w1;
        double[] v = w2;
        double[] eta = w3;
        for (int i = 0; i < 3; i++) {
            v[i] = stepZ[o + i];
            u[i] = stepS[o + i];
        }
        boolean ok = solveHDual(u);
        if (ok) {
            dualThird(zs, v, u, eta);
        }
        for (int i = 0; i < 3; i++) {
            double corr = ok ? 0.5 * eta[i] : 0.0;
            shift[o + i] = sigmaMu * grad[i] - corr;
        }
    }

    /** u ← H*⁻¹u by a 3×3 Cholesky factorization; false if H* is not numerically positive definite. */
    private boolean solveHDual(double[] u) {
        double[] l = chol;
        for (int j = 0; j < 3; j++) {
            double d = hDual[4 * j];
            for (int k = 0; k < j; k++) {
                d -= l[3 * j + k] * l[3 * j + k];
            }
            if (!(d > 0.0)) {
                return false;
            }
            double ljj = Math.sqrt(d);
            l[4 * j] = ljj;
            for (int i = j + 1; i < 3; i++) {
                double x = hDual[3 * i + j];
                for (int k = 0; k < j; k++) {
                    x -= l[3 * i + k] * l[3 * j + k];
                }
                l[3 * i + j] = x / ljj;
            }
        }
        for (int i = 0; i < 3; i++) {
            double x = u[i];
            for (int k = 0; k < i; k++) {
                x -= l[3 * i + k] * u[k];
            }
            u[i] = x / l[4 * i];
        }
        for (int i = 2; i >= 0; i--) {
            double x = u[i];
            for (int k = i + 1; k < 3; k++) {
                x -= l[3 * k + i] * u[k];
            }
            u[i] = x / l[4 * i];
        }
        return true;
    }

    @Override
    public void deltaSFromDeltaZOffset(double[] out, double[] ds, double[] work, double[] z) {
        System.arraycopy(ds, offset, out, offset, 3);
    }

    @Override
    public void stepLength(double[] dz, double[] ds, double[] z, double[] s, double alphaMax, double[] out) {
        out[0] = backtrack(dz, z, alphaMax, false);
        out[1] = backtrack(ds, s, alphaMax, true);
    }

    private double backtrack(double[] d, double[] q, double alphaMax, boolean primal) {
        int o = offset;
        double alpha = alphaMax;
        while (true) {
            double a = q[o] + alpha * d[o];
            double b = q[o + 1] + alpha * d[o + 1];
            double c = q[o + 2] + alpha * d[o + 2];
            if (inside(a, b, c, primal)) {
                return alpha;
            }
            alpha *= BACKTRACK;
            if (alpha < MIN_STEP) {
                return 0.0;
            }
        }
    }

    @Override
    public double computeBarrier(double[] z, double[] s, double[] dz, double[] ds, double alpha) {
        int o = offset;
        for (int i = 0; i < 3; i++) {
            point[i] = z[o + i] + alpha * dz[o + i];
            w4[i] = s[o + i] + alpha * ds[o + i];
        }
        double fz = dualBarrier(point, 0);
        if (fz == Double.POSITIVE_INFINITY) {
            return fz;
        }
        for (int i = 0; i < 3; i++) {
            point[i] = w4[i];
        }
        return fz + primalBarrier(point, 0);
    }

    // ------------------------------------------------------------------ helpers

    private boolean inside(double a, double b, double c, boolean primal) {
        return primal ? isPrimalInterior(a, b, c) : isDualInterior(a, b, c);
    }

    /** The current scaling matrix (full 3×3 row-major), for tests and diagnostics. */
    public final void scalingMatrix(double[] out) {
        System.arraycopy(hs, 0, out, 0, 9);
    }

    /** The gradient of the dual barrier at the current scaling point, for tests and diagnostics. */
    public final void dualGradient(double[] out) {
        System.arraycopy(grad, 0, out, 0, 3);
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double quad(double[] h, double[] x) {
        double q = 0.0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                q += x[i] * h[3 * i + j] * x[j];
            }
        }
        return q;
    }
}
