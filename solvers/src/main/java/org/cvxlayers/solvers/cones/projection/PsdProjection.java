package org.cvxlayers.solvers.cones.projection;

/**
 * The cone of positive semidefinite n×n matrices in svec form (upper triangle column by column,
 * off-diagonal entries ×√2; self-dual).
 *
 * <p>With {@code X = U diag(λ) Uᵀ} (symmetric eigendecomposition through ojAlgo) the projection is
 * {@code U diag(λ₊) Uᵀ} and its derivative (the divided differences of {@code t ↦ max(t, 0)})
 * <pre>
 *   DΠ(X)[dX] = U (Γ ∘ (Uᵀ dX U)) Uᵀ,   Γ_ij = (λ_i₊ − λ_j₊)/(λ_i − λ_j)  (λ_i ≠ λ_j),  [λ_i > 0] otherwise.
 * </pre>
 * The eigenvalues of this map are the Γ_ij, so {@code D^{1/2}} uses {@code √Γ}. At a zero eigenvalue the
 * projection is not differentiable and the element with {@code Γ_ii = 0} is returned.
 *
 * @param n matrix order
 */
public record PsdProjection(int n) implements ConeProjection {
    private static final double SQRT2 = Math.sqrt(2.0);

    public PsdProjection {
        if (n < 1) {
            throw new IllegalArgumentException("PSD cone order must be >= 1, got " + n);
        }
    }

    @Override
    public int dim() {
        return n * (n + 1) / 2;
    }

    /** Unpacks the svec block into a full row-major symmetric matrix. */
    void smat(double[] x, int off, double[] m) {
        int p = off;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double v = i == j ? x[p] : x[p] / SQRT2;
                m[i * n + j] = v;
                m[j * n + i] = v;
                p++;
            }
        }
    }

    /** Packs the upper triangle of a symmetric row-major matrix into svec. */
    void svec(double[] m, double[] out, int off) {
        int p = off;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                out[p++] = i == j ? m[i * n + j] : SQRT2 * 0.5 * (m[i * n + j] + m[j * n + i]);
            }
        }
    }

    /** Eigendecomposition of smat(x): eigenvalues w (ascending), eigenvectors u (row-major, by columns). */
    private void eig(double[] x, int off, double[] w, double[] u) {
        double[] m = new double[n * n];
        smat(x, off, m);
        SymmetricEigen.decompose(m, n, w, u);
    }

    @Override
    public void project(double[] x, int off, double[] out) {
        double[] w = new double[n];
        double[] u = new double[n * n];
        eig(x, off, w, u);
        double[] m = new double[n * n];
        for (int k = 0; k < n; k++) {
            double l = w[k];
            if (l <= 0.0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                double ui = l * u[i * n + k];
                for (int j = 0; j < n; j++) {
                    m[i * n + j] += ui * u[j * n + k];
                }
            }
        }
        svec(m, out, off);
    }

    @Override
    public void projectDual(double[] x, int off, double[] out) {
        project(x, off, out);
    }

    /** Γ (row-major n×n) from the eigenvalues, with {@code sqrt} taking its elementwise square root. */
    private double[] gamma(double[] w, boolean sqrt) {
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double li = w[i];
                double lj = w[j];
                double v;
                if (li > 0.0 && lj > 0.0) {
                    v = 1.0;
                } else if (li <= 0.0 && lj <= 0.0) {
                    v = 0.0;
                } else {
                    v = (Math.max(li, 0.0) - Math.max(lj, 0.0)) / (li - lj);
                }
                g[i * n + j] = sqrt ? Math.sqrt(v) : v;
            }
        }
        return g;
    }

    /** out(block) = U (Γ ∘ (Uᵀ smat(dx) U)) Uᵀ in svec. */
    private void applySpectral(double[] u, double[] g, double[] dx, int off, double[] out, double[] m,
            double[] t) {
        smat(dx, off, m);
        // t = Uᵀ m U
        mulTransLeft(u, m, t);
        mulRight(t, u, m);
        for (int i = 0; i < n * n; i++) {
            m[i] *= g[i];
        }
        // back: U m Uᵀ
        mulLeft(u, m, t);
        mulRightTrans(t, u, m);
        svec(m, out, off);
    }

    private void mulTransLeft(double[] u, double[] m, double[] out) { // out = Uᵀ m
        java.util.Arrays.fill(out, 0.0);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                double uki = u[k * n + i];
                if (uki == 0.0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += uki * m[k * n + j];
                }
            }
        }
    }

    private void mulRight(double[] m, double[] u, double[] out) { // out = m U
        java.util.Arrays.fill(out, 0.0);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double mik = m[i * n + k];
                if (mik == 0.0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += mik * u[k * n + j];
                }
            }
        }
    }

    private void mulLeft(double[] u, double[] m, double[] out) { // out = U m
        mulRight(u, m, out);
    }

    private void mulRightTrans(double[] m, double[] u, double[] out) { // out = m Uᵀ
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int k = 0; k < n; k++) {
                    s += m[i * n + k] * u[j * n + k];
                }
                out[i * n + j] = s;
            }
        }
    }

    @Override
    public void jvp(double[] x, int off, double[] dx, double[] out) {
        double[] w = new double[n];
        double[] u = new double[n * n];
        eig(x, off, w, u);
        applySpectral(u, gamma(w, false), dx, off, out, new double[n * n], new double[n * n]);
    }

    @Override
    public void jvpDual(double[] x, int off, double[] dx, double[] out) {
        jvp(x, off, dx, out);
    }

    @Override
    public boolean isDifferentiableAt(double[] x, int off, boolean dual, double tol) {
        double[] w = new double[n];
        double[] u = new double[n * n];
        eig(x, off, w, u);
        double scale = 1.0;
        for (double l : w) {
            scale = Math.max(scale, Math.abs(l));
        }
        for (double l : w) {
            if (Math.abs(l) <= tol * scale) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void jacobian(double[] x, int off, boolean dual, double[] d, double[] sqrtD) {
        int k = dim();
        double[] w = new double[n];
        double[] u = new double[n * n];
        eig(x, off, w, u);
        double[] g = gamma(w, false);
        double[] gs = gamma(w, true);
        double[] e = new double[k];
        double[] col = new double[k];
        double[] m = new double[n * n];
        double[] t = new double[n * n];
        for (int j = 0; j < k; j++) {
            e[j] = 1.0;
            applySpectral(u, g, e, 0, col, m, t);
            for (int i = 0; i < k; i++) {
                d[i * k + j] = col[i];
            }
            applySpectral(u, gs, e, 0, col, m, t);
            for (int i = 0; i < k; i++) {
                sqrtD[i * k + j] = col[i];
            }
            e[j] = 0.0;
        }
        SymmetricEigen.symmetrize(d, k);
        SymmetricEigen.symmetrize(sqrtD, k);
    }
}
