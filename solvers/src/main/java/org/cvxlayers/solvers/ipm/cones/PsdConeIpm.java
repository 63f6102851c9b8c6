package org.cvxlayers.solvers.ipm.cones;

import java.util.Arrays;
import java.util.Optional;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * The cone of positive semidefinite n×n matrices in svec form (upper triangle column by column, off-diagonal
 * entries ×√2) with Nesterov–Todd scaling, as in CVXOPT and Clarabel.
 *
 * <p>Scaling: with Cholesky factors {@code S = Lₛ Lₛᵀ}, {@code Z = L_z L_zᵀ} and the SVD
 * {@code L_zᵀ Lₛ = U Λ Vᵀ}, the matrix {@code R = Lₛ V Λ^(−1/2)} has {@code R⁻¹ = Λ^(−1/2) Uᵀ L_zᵀ} and
 * {@code Rᵀ Z R = R⁻¹ S R⁻ᵀ = Λ}. The scaling {@code W: x ↦ svec(Rᵀ X R)} therefore maps z and s to the same
 * point {@code λ = svec(Λ)}, and {@code Hs = WᵀW = Q ⊗ₛ Q} with {@code Q = R Rᵀ}, i.e. {@code Hs x = svec(Q X Q)},
 * written into the KKT matrix as a dense packed block.
 *
 * <p>Dense linear algebra: Cholesky factors and symmetric eigenvalues come from ojAlgo (decomposition objects
 * and the stores wrapping this block's work arrays are created once; each call still allocates a few hundred
 * bytes of small objects, independent of n², measured by {@code ConeAllocationTest}). The SVD is a one-sided
 * Jacobi iteration written here instead: ojAlgo's SVD allocated O(n²) per decomposition (≈ 56 kB per update
 * at n = 48), and Jacobi computes the small singular values — the ones that matter for NT scaling near the
 * optimum — to high relative accuracy.
 */
public final class PsdConeIpm implements IpmCone {

    private static final double SQRT2 = Math.sqrt(2.0);

    private final int offset;
    private final int n;
    private final int dim;
    // svec position → (row, column) of the upper triangle
    private final int[] rowOf;
    private final int[] colOf;

    // n×n column-major work matrices
    private final double[] matA;
    private final double[] matB;
    private final double[] matC;
    private final double[] matT; // scratch of congruence() only
    private final double[] ls;
    private final double[] lz;
    private final double[] r;
    private final double[] rinv;
    private final double[] q;
    private final double[] qinv; // Q⁻¹ = R⁻ᵀR⁻¹, computed on demand (Schur-complement elimination only)
    private boolean qinvValid;
    private boolean factoredProducts;
    private final double[] lambda;
    private final double[] sqrtLambda;
    private final double[] eig;

    private final R064Store storeA;
    private final Cholesky<Double> cholesky;
    private final double[] svdU;
    private final double[] svdV;
    private final Eigenvalue<Double> evd;

    /** Creates the block for n×n matrices covering entries {@code [offset, offset + n(n+1)/2)}. */
    public PsdConeIpm(int offset, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("PSD cone order must be >= 1, got " + n);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("cone offset must be >= 0, got " + offset);
        }
        this.offset = offset;
        this.n = n;
        this.dim = n * (n + 1) / 2;
        rowOf = new int[dim];
        colOf = new int[dim];
        for (int j = 0, p = 0; j < n; j++) {
            for (int i = 0; i <= j; i++, p++) {
                rowOf[p] = i;
                colOf[p] = j;
            }
        }
        int nn = n * n;
        matA = new double[nn];
        matB = new double[nn];
        matC = new double[nn];
        matT = new double[nn];
        ls = new double[nn];
        lz = new double[nn];
        r = new double[nn];
        rinv = new double[nn];
        q = new double[nn];
        qinv = new double[nn];
        lambda = new double[n];
        sqrtLambda = new double[n];
        eig = new double[n];
        storeA = R064Store.wrap(matA, n);
        cholesky = Cholesky.R064.make(storeA);
        svdU = new double[nn];
        svdV = new double[nn];
        evd = Eigenvalue.R064.make(storeA, true);
        setIdentityScaling();
    }

    /** Matrix order n. */
    public int order() {
        return n;
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
        return n;
    }

    @Override
    public boolean isSymmetric() {
        return true;
    }

    @Override
    public boolean rectifyEquilibration(double[] delta, double[] e) {
        // only a multiple of the identity keeps the PSD cone invariant
        return IpmCone.equalizeBlock(delta, e, offset, dim);
    }

    @Override
    public void unitInitialization(double[] z, double[] s) {
        Arrays.fill(z, offset, offset + dim, 0.0);
        Arrays.fill(s, offset, offset + dim, 0.0);
        for (int i = 0; i < n; i++) {
            int p = offset + diagIndex(i);
            z[p] = 1.0;
            s[p] = 1.0;
        }
    }

    @Override
    public void margins(double[] z, boolean primal, double[] out) {
        unpack(z, offset, matA);
        evd.computeValuesOnly(storeA);
        evd.getEigenvalues(eig, Optional.empty());
        double min = Double.POSITIVE_INFINITY;
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, eig[i]);
            sum += Math.max(eig[i], 0.0);
        }
        out[0] = min;
        out[1] = sum;
    }

    @Override
    public void scaledUnitShift(double[] z, double alpha, boolean primal) {
        for (int i = 0; i < n; i++) {
            z[offset + diagIndex(i)] += alpha;
        }
    }

    @Override
    public void setIdentityScaling() {
        Arrays.fill(r, 0.0);
        Arrays.fill(rinv, 0.0);
        Arrays.fill(q, 0.0);
        for (int i = 0; i < n; i++) {
            r[i * n + i] = 1.0;
            rinv[i * n + i] = 1.0;
            q[i * n + i] = 1.0;
            lambda[i] = 1.0;
            sqrtLambda[i] = 1.0;
        }
        qinvValid = false;
    }

    @Override
    public boolean updateScaling(double[] s, double[] z, double mu) {
        qinvValid = false;
        if (!choleskyOf(s, ls) || !choleskyOf(z, lz)) {
            return false;
        }
        // matA = L_zᵀ Lₛ
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double acc = 0.0;
                for (int k = Math.max(i, j); k < n; k++) {
                    acc += lz[i * n + k] * ls[j * n + k];
                }
                matA[j * n + i] = acc;
            }
        }
        if (!jacobiSvd(matA, svdU, svdV, lambda)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            sqrtLambda[i] = Math.sqrt(lambda[i]);
        }
        // R = Lₛ V Λ^(−1/2)
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double acc = 0.0;
                for (int k = 0; k <= i; k++) {
                    acc += ls[k * n + i] * svdV[j * n + k];
                }
                r[j * n + i] = acc / sqrtLambda[j];
            }
        }
        // R⁻¹ = Λ^(−1/2) Uᵀ L_zᵀ:  R⁻¹[i, j] = Σₖ U[k, i]·L_z[j, k] / √λᵢ
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double acc = 0.0;
                for (int k = 0; k <= j; k++) {
                    acc += svdU[i * n + k] * lz[k * n + j];
                }
                rinv[j * n + i] = acc / sqrtLambda[i];
            }
        }
        // Q = R Rᵀ
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double acc = 0.0;
                for (int k = 0; k < n; k++) {
                    acc += r[k * n + i] * r[k * n + j];
                }
                q[j * n + i] = acc;
                q[i * n + j] = acc;
            }
        }
        return true;
    }

    /**
     * One-sided Jacobi SVD {@code M = U diag(σ) Vᵀ} of the column-major n×n matrix {@code m} (Hestenes): plane
     * rotations orthogonalize the columns of {@code U ← M} while {@code V} accumulates them; σⱼ are the final
     * column norms. False if M is numerically singular or the sweeps do not converge.
     */
    private boolean jacobiSvd(double[] m, double[] u, double[] v, double[] sigma) {
        System.arraycopy(m, 0, u, 0, n * n);
        Arrays.fill(v, 0.0);
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1.0;
        }
        boolean converged = false;
        for (int sweep = 0; sweep < 80 && !converged; sweep++) {
            converged = true;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0.0;
                    double beta = 0.0;
                    double gamma = 0.0;
                    int cp = p * n;
                    int cq = q * n;
                    for (int i = 0; i < n; i++) {
                        double x = u[cp + i];
                        double y = u[cq + i];
                        alpha += x * x;
                        beta += y * y;
                        gamma += x * y;
                    }
                    if (gamma == 0.0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    converged = false;
                    double zeta = (beta - alpha) / (2.0 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1.0 + zeta * zeta));
                    if (zeta == 0.0) {
                        t = 1.0;
                    }
                    double c = 1.0 / Math.sqrt(1.0 + t * t);
                    double s = c * t;
                    for (int i = 0; i < n; i++) {
                        double x = u[cp + i];
                        double y = u[cq + i];
                        u[cp + i] = c * x - s * y;
                        u[cq + i] = s * x + c * y;
                        double vx = v[cp + i];
                        double vy = v[cq + i];
                        v[cp + i] = c * vx - s * vy;
                        v[cq + i] = s * vx + c * vy;
                    }
                }
            }
        }
        if (!converged) {
            return false;
        }
        for (int j = 0; j < n; j++) {
            double norm = 0.0;
            for (int i = 0; i < n; i++) {
                norm += u[j * n + i] * u[j * n + i];
            }
            norm = Math.sqrt(norm);
            if (!(norm > 0.0) || !Double.isFinite(norm)) {
                return false;
            }
            sigma[j] = norm;
            for (int i = 0; i < n; i++) {
                u[j * n + i] /= norm;
            }
        }
        return true;
    }

    /** Lower Cholesky factor of mat(x) into {@code l} (column-major, upper part zero); false if not PD. */
    private boolean choleskyOf(double[] x, double[] l) {
        unpack(x, offset, matA);
        if (!cholesky.decompose(storeA) || !cholesky.isSPD()) {
            return false;
        }
        MatrixStore<Double> lf = cholesky.getL();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double v = i >= j ? lf.doubleValue(i, j) : 0.0;
                if (i == j && !(v > 0.0)) {
                    return false;
                }
                l[j * n + i] = v;
            }
        }
        return true;
    }

    @Override
    public boolean hsIsDiagonal() {
        return false;
    }

    /** Writes the upper triangle of {@code Q ⊗ₛ Q} (dim × dim) packed column by column. */
    @Override
    public void getHs(double[] out, int outOffset) {
        int pos = outOffset;
        for (int col = 0; col < dim; col++) {
            int k = rowOf[col];
            int l = colOf[col];
            for (int row = 0; row <= col; row++) {
                int i = rowOf[row];
                int j = colOf[row];
                double v;
                if (k == l) {
                    v = i == j ? q[k * n + i] * q[k * n + i] : SQRT2 * q[k * n + i] * q[k * n + j];
                } else if (i == j) {
                    v = SQRT2 * q[k * n + i] * q[l * n + i];
                } else {
                    v = q[k * n + i] * q[l * n + j] + q[l * n + i] * q[k * n + j];
                }
                out[pos++] = v;
            }
        }
    }

    @Override
    public void mulHs(double[] y, double[] x, double[] work) {
        unpack(x, offset, matA);
        if (factoredProducts) {
            congruence(r, true, matA, matB);  // W x = Rᵀ X R
            congruence(r, false, matB, matC); // Wᵀ(W x) = R (Rᵀ X R) Rᵀ
        } else {
            multiply(q, false, matA, false, matB);
            multiply(matB, false, q, false, matC);
        }
        pack(matC, y, offset);
    }

    /**
     * Writes {@code Q⁻¹ = R⁻ᵀR⁻¹} (n×n, full, column-major) into {@code out[0..n²)}: {@code Hs⁻¹ x =
     * svec(Q⁻¹ X Q⁻¹)}, what a Schur-complement elimination of this block from the KKT system needs.
     */
    public void scalingInverse(double[] out) {
        ensureQinv();
        System.arraycopy(qinv, 0, out, 0, n * n);
    }

    /**
     * Writes {@code R⁻¹} (n×n, column-major) into {@code out[0..n²)}: {@code Q⁻¹ = R⁻ᵀR⁻¹}, so
     * {@code tr(F Q⁻¹ F' Q⁻¹) = ⟨R⁻¹ F R⁻ᵀ, R⁻¹ F' R⁻ᵀ⟩}, the Gram form of a Schur complement.
     */
    public void scalingRootInverse(double[] out) {
        System.arraycopy(rinv, 0, out, 0, n * n);
    }

    /**
     * Makes {@link #mulHs} and {@link #mulHsInverse} apply {@code WᵀW} and {@code W⁻¹W⁻ᵀ} factor by factor
     * (through R and R⁻¹) instead of through Q and Q⁻¹. Near the optimum cond(Hs) = cond(Q)² exceeds 1/eps,
     * so {@code Hs (Hs⁻¹ w)} formed through Q and Q⁻¹ loses w entirely, while the factored products lose only
     * about eps·cond(R) per factor. A block eliminated from the KKT system (its Δz recovered through Hs⁻¹, its
     * Δs through Hs) needs that consistency; a block kept in the KKT matrix keeps the Q form, consistent with
     * {@link #getHs}.
     */
    public void setFactoredProducts(boolean factored) {
        this.factoredProducts = factored;
    }

    /** {@code y ← Hs⁻¹ x = svec(Q⁻¹ X Q⁻¹)} on this block (full-length arrays, like {@link #mulHs}). */
    public void mulHsInverse(double[] y, double[] x) {
        ensureQinv();
        unpack(x, offset, matA);
        if (factoredProducts) {
            congruence(rinv, false, matA, matB); // W⁻ᵀ x = R⁻¹ X R⁻ᵀ
            congruence(rinv, true, matB, matC);  // W⁻¹(W⁻ᵀ x) = R⁻ᵀ (R⁻¹ X R⁻ᵀ) R⁻¹
        } else {
            multiply(qinv, false, matA, false, matB);
            multiply(matB, false, qinv, false, matC);
        }
        pack(matC, y, offset);
    }

    private void ensureQinv() {
        if (qinvValid) {
            return;
        }
        // Q⁻¹[i, j] = (column i of R⁻¹)·(column j of R⁻¹)
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double acc = 0.0;
                int ci = i * n;
                int cj = j * n;
                for (int k = 0; k < n; k++) {
                    acc += rinv[ci + k] * rinv[cj + k];
                }
                qinv[j * n + i] = acc;
                qinv[i * n + j] = acc;
            }
        }
        qinvValid = true;
    }

    @Override
    public void affineDs(double[] ds, double[] s) {
        Arrays.fill(ds, offset, offset + dim, 0.0);
        for (int i = 0; i < n; i++) {
            ds[offset + diagIndex(i)] = lambda[i] * lambda[i];
        }
    }

    /** {@code shift = (W⁻ᵀΔs) ∘ (WΔz) − σμ·e} with the Jordan product {@code X∘Y = (XY + YX)/2}. */
    @Override
    public void combinedDsShift(double[] shift, double[] stepZ, double[] stepS, double sigmaMu) {
        // matB ← Rᵀ ΔZ R
        unpack(stepZ, offset, matA);
        congruence(r, true, matA, matB);
        // matC ← R⁻¹ ΔS R⁻ᵀ, via matA
        unpack(stepS, offset, matA);
        congruence(rinv, false, matA, matC);
        // matA ← (C B + B C)/2
        multiply(matC, false, matB, false, matA);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double v = 0.5 * (matA[j * n + i] + matA[i * n + j]);
                matA[j * n + i] = v;
                matA[i * n + j] = v;
            }
        }
        pack(matA, shift, offset);
        for (int i = 0; i < n; i++) {
            shift[offset + diagIndex(i)] -= sigmaMu;
        }
    }

    /** {@code out = Wᵀ(λ \ ds)}: solves {@code Λ∘X = D} elementwise, then {@code out = svec(R X Rᵀ)}. */
    @Override
    public void deltaSFromDeltaZOffset(double[] out, double[] ds, double[] work, double[] z) {
        unpack(ds, offset, matA);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                matA[j * n + i] *= 2.0 / (lambda[i] + lambda[j]);
            }
        }
        congruence(r, false, matA, matB);
        pack(matB, out, offset);
    }

    @Override
    public void stepLength(double[] dz, double[] ds, double[] z, double[] s, double alphaMax, double[] out) {
        unpack(dz, offset, matA);
        congruence(r, true, matA, matB);
        out[0] = stepFromScaled(matB, alphaMax);
        unpack(ds, offset, matA);
        congruence(rinv, false, matA, matB);
        out[1] = stepFromScaled(matB, alphaMax);
    }

    /**
     * For a scaled direction D (W applied), the largest α ≤ αmax with {@code Λ + αD ⪰ 0}: the minimum eigenvalue γ
     * of {@code Λ^(−1/2) D Λ^(−1/2)} gives {@code α = −1/γ} when γ &lt; 0.
     */
    private double stepFromScaled(double[] d, double alphaMax) {
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                matA[j * n + i] = d[j * n + i] / (sqrtLambda[i] * sqrtLambda[j]);
            }
        }
        // symmetrize against rounding
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                double v = 0.5 * (matA[j * n + i] + matA[i * n + j]);
                matA[j * n + i] = v;
                matA[i * n + j] = v;
            }
        }
        if (!evd.computeValuesOnly(storeA)) {
            return 0.0;
        }
        evd.getEigenvalues(eig, Optional.empty());
        double gamma = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            gamma = Math.min(gamma, eig[i]);
        }
        if (gamma < 0.0) {
            return Math.min(alphaMax, -1.0 / gamma);
        }
        return alphaMax;
    }

    @Override
    public double computeBarrier(double[] z, double[] s, double[] dz, double[] ds, double alpha) {
        return 0.0;
    }

    // ------------------------------------------------------------------ scaled points (for tests)

    /** {@code out = W x = svec(Rᵀ X R)} on this block (full-length arrays). */
    public void applyW(double[] x, double[] out) {
        unpack(x, offset, matA);
        congruence(r, true, matA, matB);
        pack(matB, out, offset);
    }

    /** {@code out = W⁻ᵀ x = svec(R⁻¹ X R⁻ᵀ)} on this block (full-length arrays). */
    public void applyWinvT(double[] x, double[] out) {
        unpack(x, offset, matA);
        congruence(rinv, false, matA, matB);
        pack(matB, out, offset);
    }

    /** The scaled point λ (eigenvalues of {@code Rᵀ Z R}) into {@code out[0..n)}. */
    public void lambda(double[] out) {
        System.arraycopy(lambda, 0, out, 0, n);
    }

    // ------------------------------------------------------------------ dense helpers

    private int diagIndex(int i) {
        return i * (i + 1) / 2 + i;
    }

    /** mat(x) from the svec at {@code x[off..]} into a full symmetric column-major matrix. */
    private void unpack(double[] x, int off, double[] m) {
        for (int p = 0; p < dim; p++) {
            int i = rowOf[p];
            int j = colOf[p];
            double v = x[off + p];
            if (i != j) {
                v /= SQRT2;
                m[i * n + j] = v;
            }
            m[j * n + i] = v;
        }
    }

    /** svec of the symmetric part of m into {@code out[off..]}. */
    private void pack(double[] m, double[] out, int off) {
        for (int p = 0; p < dim; p++) {
            int i = rowOf[p];
            int j = colOf[p];
            out[off + p] = i == j ? m[j * n + i] : SQRT2 * 0.5 * (m[j * n + i] + m[i * n + j]);
        }
    }

    /** {@code out = op(T) X op(T)ᵀ} where op(T) = Tᵀ if {@code transpose}, else T. */
    private void congruence(double[] t, boolean transpose, double[] x, double[] out) {
        multiply(t, transpose, x, false, matT);
        multiply(matT, false, t, !transpose, out);
    }

    /**
     * {@code c = op(a) op(b)} for column-major n×n matrices. Inner loops run along columns (dot products of
     * columns when a is transposed, column updates otherwise) so they stay contiguous, and four columns of c
     * are formed together so each column of a is read once per four (the summation order of every entry is
     * the plain one, so results do not depend on the blocking).
     */
    private void multiply(double[] a, boolean ta, double[] b, boolean tb, double[] c) {
        int j = 0;
        for (; j + 3 < n; j += 4) {
            int c0 = j * n;
            int c1 = c0 + n;
            int c2 = c1 + n;
            int c3 = c2 + n;
            if (ta) {
                for (int i = 0; i < n; i++) {
                    int ci = i * n;
                    double s0 = 0.0;
                    double s1 = 0.0;
                    double s2 = 0.0;
                    double s3 = 0.0;
                    for (int k = 0; k < n; k++) {
                        double x = a[ci + k];
                        s0 += x * (tb ? b[k * n + j] : b[c0 + k]);
                        s1 += x * (tb ? b[k * n + j + 1] : b[c1 + k]);
                        s2 += x * (tb ? b[k * n + j + 2] : b[c2 + k]);
                        s3 += x * (tb ? b[k * n + j + 3] : b[c3 + k]);
                    }
                    c[c0 + i] = s0;
                    c[c1 + i] = s1;
                    c[c2 + i] = s2;
                    c[c3 + i] = s3;
                }
                continue;
            }
            Arrays.fill(c, c0, c0 + 4 * n, 0.0);
            for (int k = 0; k < n; k++) {
                double b0 = tb ? b[k * n + j] : b[c0 + k];
                double b1 = tb ? b[k * n + j + 1] : b[c1 + k];
                double b2 = tb ? b[k * n + j + 2] : b[c2 + k];
                double b3 = tb ? b[k * n + j + 3] : b[c3 + k];
                int ck = k * n;
                for (int i = 0; i < n; i++) {
                    double x = a[ck + i];
                    c[c0 + i] += x * b0;
                    c[c1 + i] += x * b1;
                    c[c2 + i] += x * b2;
                    c[c3 + i] += x * b3;
                }
            }
        }
        for (; j < n; j++) {
            int cj = j * n;
            if (ta) {
                for (int i = 0; i < n; i++) {
                    int ci = i * n;
                    double acc = 0.0;
                    for (int k = 0; k < n; k++) {
                        acc += a[ci + k] * (tb ? b[k * n + j] : b[cj + k]);
                    }
                    c[cj + i] = acc;
                }
                continue;
            }
            Arrays.fill(c, cj, cj + n, 0.0);
            for (int k = 0; k < n; k++) {
                double bkj = tb ? b[k * n + j] : b[cj + k];
                int ck = k * n;
                for (int i = 0; i < n; i++) {
                    c[cj + i] += a[ck + i] * bkj;
                }
            }
        }
    }
}
