package org.cvxlayers.solvers.ipm.cones;

/**
 * The second-order cone {@code {(t, v) : t ≥ ‖v‖₂}}, self-dual, with Nesterov–Todd scaling.
 *
 * <p>The scaling is {@code W = η W̄} with the hyperbolic Householder matrix
 * {@code W̄ = [[w₀, w₁ᵀ], [w₁, I + w₁w₁ᵀ/(1 + w₀)]]} built from the NT point {@code w̄} ({@code w̄ᵀJw̄ = 1},
 * {@code J = diag(1, −I)}), so that {@code W z = W⁻¹ s = λ} and {@code Hs = W² = η²(2w̄w̄ᵀ − J)}
 * (CVXOPT / ECOS / Clarabel construction).
 *
 * <p>For cones of dimension above {@link #SPARSE_THRESHOLD} the KKT assembly never forms the dense
 * {@code Hs}; it uses the splitting {@code Hs = η²(D + uuᵀ − vvᵀ)} with {@code D = diag(d, 1, …, 1)}
 * (the ECOS / Clarabel sparse expansion): two extra KKT rows carry {@code ηu} and {@code ηv}. The scalars
 * follow from matching entries: {@code d + u₀² = 2w₀² − 1}, {@code u₀u₁ = 2w₀}, {@code u₁² − v₁² = 2}
 * with {@code u = (u₀, u₁w₁)}, {@code v = (0, v₁w₁)} and the choice {@code d = 1/(2(2w₀² − 1))} that keeps
 * {@code D} positive.
 */
public final class SecondOrderConeIpm implements IpmCone {
    /** Cones with more entries than this are expanded sparsely in the KKT matrix. */
    public static final int SPARSE_THRESHOLD = 4;

    private final int offset;
    private final int dim;
    /** NT point w̄ (local indexing). */
    private final double[] w;
    /** λ = W z (local indexing). */
    private final double[] lambda;
    private double eta = 1.0;
    // sparse splitting scalars
    private double d = 1.0;
    private double u0;
    private double u1;
    private double v1;
    // scratch of length dim
    private final double[] t1;
    private final double[] t2;

    /** A second-order cone covering entries {@code [offset, offset + dim)}. */
    public SecondOrderConeIpm(int offset, int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("second-order cone dimension must be >= 1, got " + dim);
        }
        this.offset = offset;
        this.dim = dim;
        this.w = new double[dim];
        this.lambda = new double[dim];
        this.t1 = new double[dim];
        this.t2 = new double[dim];
        setIdentityScaling();
    }

    @Override
    public int offset() {
        return offset;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public int degree() {
        return 1;
    }

    @Override
    public boolean isSymmetric() {
        return true;
    }

    /** Whether the KKT assembly should use the sparse splitting (two extra rows) for this cone. */
    public boolean isSparse() {
        return dim > SPARSE_THRESHOLD;
    }

    @Override
    public boolean rectifyEquilibration(double[] delta, double[] e) {
        return IpmCone.equalizeBlock(delta, e, offset, dim);
    }

    @Override
    public void unitInitialization(double[] z, double[] s) {
        for (int i = offset; i < offset + dim; i++) {
            z[i] = 0.0;
            s[i] = 0.0;
        }
        z[offset] = 1.0;
        s[offset] = 1.0;
    }

    private double tailNorm(double[] x) {
        double ss = 0.0;
        for (int i = offset + 1; i < offset + dim; i++) {
            ss += x[i] * x[i];
        }
        return Math.sqrt(ss);
    }

    /** xᵀJx on the block, computed as (x₀ − ‖x₁‖)(x₀ + ‖x₁‖) for accuracy near the boundary. */
    private double jnorm2(double[] x) {
        double n1 = tailNorm(x);
        return (x[offset] - n1) * (x[offset] + n1);
    }

    @Override
    public void margins(double[] z, boolean primal, double[] out) {
        double n1 = tailNorm(z);
        double x0 = z[offset];
        out[0] = x0 - n1;
        out[1] = Math.max(0.0, x0 - n1) + Math.max(0.0, x0 + n1);
    }

    @Override
    public void scaledUnitShift(double[] z, double alpha, boolean primal) {
        z[offset] += alpha;
    }

    @Override
    public void setIdentityScaling() {
        java.util.Arrays.fill(w, 0.0);
        w[0] = 1.0;
        eta = 1.0;
        computeSplitting();
    }

    @Override
    public boolean updateScaling(double[] s, double[] z, double mu) {
        double sj = jnorm2(s);
        double zj = jnorm2(z);
        if (!(sj > 0) || !(zj > 0) || !(s[offset] > 0) || !(z[offset] > 0)) {
            return false;
        }
        double sScale = Math.sqrt(sj);
        double zScale = Math.sqrt(zj);
        // s̄ᵀz̄ with s̄ = s/√(sᵀJs), z̄ = z/√(zᵀJz)
        double dot = 0.0;
        for (int i = 0; i < dim; i++) {
            dot += s[offset + i] * z[offset + i];
        }
        dot /= sScale * zScale;
        double gamma = Math.sqrt((1.0 + dot) / 2.0);
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            return false;
        }
        // w̄ = (s̄ + J z̄) / (2γ)
        w[0] = (s[offset] / sScale + z[offset] / zScale) / (2.0 * gamma);
        for (int i = 1; i < dim; i++) {
            w[i] = (s[offset + i] / sScale - z[offset + i] / zScale) / (2.0 * gamma);
        }
        // renormalise so that w̄ᵀJw̄ = 1 exactly: w₀ = √(1 + ‖w₁‖²)
        double w1sq = 0.0;
        for (int i = 1; i < dim; i++) {
            w1sq += w[i] * w[i];
        }
        w[0] = Math.sqrt(1.0 + w1sq);
        eta = Math.sqrt(sScale / zScale);
        // λ = W z
        mulW(lambda, 0, z, offset, false);
        computeSplitting();
        return Double.isFinite(eta) && Double.isFinite(w[0]);
    }

    private void computeSplitting() {
        double w0 = w[0];
        double wsq = 2.0 * w0 * w0 - 1.0; // w₀² + ‖w₁‖²
        d = 0.5 / wsq;
        u0 = Math.sqrt(wsq - d);
        u1 = 2.0 * w0 / u0;
        // v₁² = u₁² − 2 = 2(1 + d)/u₀² in closed form: the difference cancels catastrophically for large w₀
        // (u₁² → 2 + 1/w₀², so at w₀ ≈ 1e8 nothing of v₁ would survive)
        v1 = Math.sqrt(2.0 * (1.0 + d)) / u0;
    }

    /**
     * out[oOff..] ← W x[xOff..] (or W⁻¹ x when inverse). W̄ x = (w₀x₀ + w₁ᵀx₁, x₁ + (x₀ + w₁ᵀx₁/(1+w₀)) w₁),
     * W̄⁻¹ = J W̄ J. out must not alias x.
     */
    private void mulW(double[] out, int oOff, double[] x, int xOff, boolean inverse) {
        double w0 = w[0];
        double x0 = x[xOff];
        double dot = 0.0;
        for (int i = 1; i < dim; i++) {
            dot += w[i] * x[xOff + i];
        }
        double sign = inverse ? -1.0 : 1.0;
        double scale = inverse ? 1.0 / eta : eta;
        out[oOff] = scale * (w0 * x0 + sign * dot);
        double c = sign * x0 + dot / (1.0 + w0);
        for (int i = 1; i < dim; i++) {
            out[oOff + i] = scale * (x[xOff + i] + c * w[i]);
        }
    }

    @Override
    public boolean hsIsDiagonal() {
        return false;
    }

    @Override
    public void getHs(double[] out, int outOffset) {
        // Hs = η²(2 w̄w̄ᵀ − J), upper triangle packed by columns
        double e2 = eta * eta;
        int p = outOffset;
        for (int j = 0; j < dim; j++) {
            for (int i = 0; i <= j; i++) {
                double v = 2.0 * w[i] * w[j];
                if (i == j) {
                    v += i == 0 ? -1.0 : 1.0;
                }
                out[p++] = e2 * v;
            }
        }
    }

    /** Sparse form: the diagonal of η²D (dim entries) into out[outOffset..]. */
    public void sparseDiagonal(double[] out, int outOffset) {
        double e2 = eta * eta;
        out[outOffset] = e2 * d;
        for (int i = 1; i < dim; i++) {
            out[outOffset + i] = e2;
        }
    }

    /** Sparse form: η u (dim entries) into out[outOffset..]. */
    public void sparseU(double[] out, int outOffset) {
        out[outOffset] = eta * u0;
        for (int i = 1; i < dim; i++) {
            out[outOffset + i] = eta * u1 * w[i];
        }
    }

    /** Sparse form: η v (dim entries) into out[outOffset..]; its first entry is 0. */
    public void sparseV(double[] out, int outOffset) {
        out[outOffset] = 0.0;
        for (int i = 1; i < dim; i++) {
            out[outOffset + i] = eta * v1 * w[i];
        }
    }

    @Override
    public void mulHs(double[] y, double[] x, double[] work) {
        double dot = 0.0;
        for (int i = 0; i < dim; i++) {
            dot += w[i] * x[offset + i];
        }
        double e2 = eta * eta;
        y[offset] = e2 * (2.0 * w[0] * dot - x[offset]);
        for (int i = 1; i < dim; i++) {
            y[offset + i] = e2 * (2.0 * w[i] * dot + x[offset + i]);
        }
    }

    @Override
    public void affineDs(double[] ds, double[] s) {
        // λ∘λ = (‖λ‖², 2λ₀λ₁)
        double nrm = 0.0;
        for (int i = 0; i < dim; i++) {
            nrm += lambda[i] * lambda[i];
        }
        ds[offset] = nrm;
        for (int i = 1; i < dim; i++) {
            ds[offset + i] = 2.0 * lambda[0] * lambda[i];
        }
    }

    @Override
    public void combinedDsShift(double[] shift, double[] stepZ, double[] stepS, double sigmaMu) {
        mulW(t1, 0, stepZ, offset, false); // W Δz
        mulW(t2, 0, stepS, offset, true); // W⁻¹ Δs
        double dot = 0.0;
        for (int i = 0; i < dim; i++) {
            dot += t1[i] * t2[i];
        }
        shift[offset] = dot - sigmaMu;
        for (int i = 1; i < dim; i++) {
            shift[offset + i] = t2[0] * t1[i] + t1[0] * t2[i];
        }
    }

    @Override
    public void deltaSFromDeltaZOffset(double[] out, double[] ds, double[] work, double[] z) {
        // out = W (λ \ ds), with λ∘x = ds solved in closed form
        double l0 = lambda[0];
        double l1d = 0.0;
        double l1sq = 0.0;
        for (int i = 1; i < dim; i++) {
            l1d += lambda[i] * ds[offset + i];
            l1sq += lambda[i] * lambda[i];
        }
        double l1n = Math.sqrt(l1sq);
        double det = (l0 - l1n) * (l0 + l1n); // λᵀJλ without cancellation
        double x0 = (l0 * ds[offset] - l1d) / det;
        t1[0] = x0;
        for (int i = 1; i < dim; i++) {
            t1[i] = (ds[offset + i] - x0 * lambda[i]) / l0;
        }
        mulW(t2, 0, t1, 0, false);
        System.arraycopy(t2, 0, out, offset, dim);
    }

    @Override
    public void stepLength(double[] dz, double[] ds, double[] z, double[] s, double alphaMax, double[] out) {
        out[0] = Math.min(alphaMax, boundaryStep(z, dz));
        out[1] = Math.min(alphaMax, boundaryStep(s, ds));
    }

    /** The first α > 0 where x + α dx leaves the cone (infinity if never). */
    private double boundaryStep(double[] x, double[] dx) {
        double x0 = x[offset];
        double d0 = dx[offset];
        double xx = 0.0;
        double xd = 0.0;
        double dd = 0.0;
        for (int i = offset + 1; i < offset + dim; i++) {
            xx += x[i] * x[i];
            xd += x[i] * dx[i];
            dd += dx[i] * dx[i];
        }
        // q(α) = a α² + b α + c, with q(0) = c > 0 inside the cone
        double a = d0 * d0 - dd;
        double b = 2.0 * (x0 * d0 - xd);
        double c = Math.max(0.0, (x0 - Math.sqrt(xx)) * (x0 + Math.sqrt(xx)));
        double alpha = Double.POSITIVE_INFINITY;
        if (a == 0.0) {
            if (b < 0) {
                alpha = c / -b;
            }
        } else {
            double disc = b * b - 4.0 * a * c;
            if (disc >= 0) {
                double q = -0.5 * (b + Math.copySign(Math.sqrt(disc), b));
                double r1 = q / a;
                double r2 = q != 0.0 ? c / q : Double.POSITIVE_INFINITY;
                if (r1 >= 0) {
                    alpha = Math.min(alpha, r1);
                }
                if (r2 >= 0) {
                    alpha = Math.min(alpha, r2);
                }
            }
        }
        // the first coordinate must stay nonnegative as well (guards the opposite nappe)
        if (d0 < 0) {
            alpha = Math.min(alpha, -x0 / d0);
        }
        return alpha;
    }

    @Override
    public double computeBarrier(double[] z, double[] s, double[] dz, double[] ds, double alpha) {
        return 0.0;
    }
}
