package org.cvxlayers.solvers.ipm;

import java.util.Arrays;
import org.cvxlayers.solvers.ipm.cones.CompositeCone;
import org.cvxlayers.solvers.ipm.cones.PsdConeIpm;

/**
 * Numeric side of the PSD blocks eliminated from the KKT system ({@link SchurBlock}): forms their Schur
 * complements {@code M_k = A_kᵀ Hs_k⁻¹ A_k}, folds their right-hand sides into the x-rows, recovers their
 * {@code Δz_k}, adds their {@code A_kᵀ z_k} to the residual of iterative refinement and gives their slack
 * steps from the primal equations. One workspace per {@link KktSystem}; allocation-free after construction.
 *
 * <p>Forming M (the scheme of SDPA, Fujisawa–Kojima–Nakata 1997): for a touching column {@code a_t} with
 * {@code F = mat(a_t)}, {@code T = F Q⁻¹} is needed only on the r rows F touches ({@code nnz·k} work), and
 * {@code G = Q⁻¹ F Q⁻¹ = Q⁻¹[:, rows] T}. Then {@code M[t, t'] = ⟨a_t', svec G⟩ = tr(mat(a_t') G)} over the
 * stored entries of {@code a_t'} only. G is formed in full ({@code r·k²/2}) when the partners have many
 * entries, otherwise entry by entry ({@code r} per partner entry).
 *
 * <p>Blocks whose Gram products are cheap enough ({@link #GRAM_BUDGET}) form M instead as the Gram matrix of
 * {@code svec(R⁻¹ F_t R⁻ᵀ)} ({@link #formGram}): PSD in floating point and without the cancellation of the
 * explicit {@code Q⁻¹}, which near the optimum of ss30 left M too inaccurate to factor.
 */
final class SchurElimination {
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double INV_SQRT2 = 1.0 / SQRT2;

    private final SchurBlock[] blocks;
    private final int n;
    /** Q⁻¹ of the current block, k×k column-major. */
    private final double[] qinv;
    /** T = F Q⁻¹ on the touched rows: row slot s at {@code tmat[s·k ..]}. */
    private final double[] tmat;
    /** Upper triangle of G, k×k column-major. */
    private final double[] gmat;
    /** z-space work vectors (length m) for Hs⁻¹ and Hs products. */
    private final double[] zIn;
    private final double[] zOut;
    /** Whether block b forms M in the Gram form (see {@link #formGram}). */
    private final boolean[] gram;
    /** R⁻¹ of the current block (Gram form), k×k column-major. */
    private final double[] rinv;
    /** svec(R⁻¹ F_t R⁻ᵀ) of every touching column t of the current block: row t at {@code t·d}. */
    private final double[] gramRows;
    /** Packed lower triangle of the Gram matrix, pair (t, u), t ≤ u, at {@code u(u+1)/2 + t}. */
    private final double[] gramAcc;
    /** svec entries per chunk of the Gram products (chunks of all rows of ss30, 132 × 8 kB, fit in L2). */
    private static final int GRAM_CHUNK = 1024;

    SchurElimination(SolverStructure st) {
        this(st, GRAM_BUDGET);
    }

    /** With an explicit budget for the Gram form ({@link #GRAM_BUDGET}; 0: never, for tests). */
    SchurElimination(SolverStructure st, long gramBudget) {
        this.blocks = st.schurBlocks();
        this.n = st.n();
        int maxK = 1;
        int maxR = 1;
        for (SchurBlock b : blocks) {
            maxK = Math.max(maxK, b.order);
            maxR = Math.max(maxR, b.maxRows);
        }
        qinv = new double[maxK * maxK];
        tmat = new double[maxR * maxK];
        gmat = new double[maxK * maxK];
        zIn = new double[Math.max(1, st.m())];
        zOut = new double[Math.max(1, st.m())];
        gram = new boolean[blocks.length];
        int gramK = 0;
        long gramLen = 0;
        for (int bi = 0; bi < blocks.length; bi++) {
            gram[bi] = useGram(blocks[bi], gramBudget);
            if (gram[bi]) {
                gramK = Math.max(gramK, blocks[bi].order);
                gramLen = Math.max(gramLen, (long) blocks[bi].cols.length * blocks[bi].dim());
            }
        }
        rinv = new double[gramK * gramK];
        gramRows = new double[(int) gramLen];
        int gramPairs = 0;
        for (int bi = 0; bi < blocks.length; bi++) {
            if (gram[bi]) {
                int nc = blocks[bi].cols.length;
                gramPairs = Math.max(gramPairs, nc * (nc + 1) / 2);
            }
        }
        gramAcc = new double[gramPairs];
    }

    /**
     * Largest cost {@code nc²·d/2} (multiply-adds per iteration) of the Gram products for which a block forms M
     * in the Gram form. ss30 (132 columns, d = 43 365: 3.8e8) needs it; above the budget (theta2, theta3,
     * mcp250-1) the SDPA form is kept, which solves them (benchmarks/results/ss30.md).
     */
    static final long GRAM_BUDGET = 500_000_000L;

    private static boolean useGram(SchurBlock b, long budget) {
        long nc = b.cols.length;
        long d = b.dim();
        return nc * nc * d / 2 <= budget && nc * d <= Integer.MAX_VALUE - 8;
    }

    boolean isEmpty() {
        return blocks.length == 0;
    }

    /**
     * Writes {@code Σ_k M_k} into {@code schur} at the clique positions (all other entries are left alone)
     * from the cones' current scalings and the (scaled) values {@code av} of A.
     */
    void formComplement(CompositeCone cones, double[] av, double[] schur) {
        for (SchurBlock b : blocks) {
            for (int pos : b.pairPos) {
                schur[pos] = 0.0;
            }
        }
        for (int bi = 0; bi < blocks.length; bi++) {
            SchurBlock b = blocks[bi];
            PsdConeIpm cone = (PsdConeIpm) cones.block(b.cone);
            cone.setFactoredProducts(true);
            if (gram[bi]) {
                cone.scalingRootInverse(rinv);
                formGram(b, av, schur);
                continue;
            }
            cone.scalingInverse(qinv);
            int nc = b.cols.length;
            for (int t = 0; t < nc; t++) {
                formT(b, t, av);
                int r0 = b.rowPtr[t];
                int nr = b.rowPtr[t + 1] - r0;
                if (b.fullG[t]) {
                    formFullG(b, r0, nr);
                }
                for (int u = t; u < nc; u++) {
                    double acc = 0.0;
                    for (int e = b.entPtr[u]; e < b.entPtr[u + 1]; e++) {
                        int i = b.entI[e];
                        int j = b.entJ[e];
                        double g = b.fullG[t] ? gmat[j * b.order + i] : gEntry(b, r0, nr, i, j);
                        acc += (i == j ? av[b.entA[e]] : SQRT2 * av[b.entA[e]]) * g;
                    }
                    schur[b.pairPos[u * (u + 1) / 2 + t]] += acc;
                }
            }
        }
    }

    /**
     * Gram form: with {@code B = R⁻¹} ({@code Q⁻¹ = BᵀB}), {@code M[t, t'] = tr(F_t Q⁻¹ F_t' Q⁻¹) =
     * ⟨B F_t Bᵀ, B F_t' Bᵀ⟩}. PSD in floating point by construction and free of the cancellation in
     * {@code Q⁻¹ = BᵀB}; costs {@code nc²·d/2} for the inner products.
     */
    private void formGram(SchurBlock b, double[] av, double[] schur) {
        int k = b.order;
        int d = b.dim();
        int nc = b.cols.length;
        for (int t = 0; t < nc; t++) {
            gramCongruence(b, t, av);
            int row = t * d;
            for (int q = 0, pos = row; q < k; q++) {
                int gq = q * k;
                for (int p = 0; p < q; p++) {
                    gramRows[pos++] = SQRT2 * gmat[gq + p];
                }
                gramRows[pos++] = gmat[gq + q];
            }
        }
        // M = Gram matrix of the rows, in chunks of the svec index so the chunks of all rows stay in cache
        int np = nc * (nc + 1) / 2;
        Arrays.fill(gramAcc, 0, np, 0.0);
        for (int l0 = 0; l0 < d; l0 += GRAM_CHUNK) {
            int l1 = Math.min(d, l0 + GRAM_CHUNK);
            for (int u = 0; u < nc; u++) {
                int ru = u * d;
                int pu = u * (u + 1) / 2;
                int t = 0;
                for (; t + 3 <= u; t += 4) {
                    int r0 = t * d;
                    int r1 = r0 + d;
                    int r2 = r1 + d;
                    int r3 = r2 + d;
                    double s0 = 0.0;
                    double s1 = 0.0;
                    double s2 = 0.0;
                    double s3 = 0.0;
                    for (int l = l0; l < l1; l++) {
                        double x = gramRows[ru + l];
                        s0 += gramRows[r0 + l] * x;
                        s1 += gramRows[r1 + l] * x;
                        s2 += gramRows[r2 + l] * x;
                        s3 += gramRows[r3 + l] * x;
                    }
                    gramAcc[pu + t] += s0;
                    gramAcc[pu + t + 1] += s1;
                    gramAcc[pu + t + 2] += s2;
                    gramAcc[pu + t + 3] += s3;
                }
                for (; t <= u; t++) {
                    int rt = t * d;
                    double acc = 0.0;
                    for (int l = l0; l < l1; l++) {
                        acc += gramRows[rt + l] * gramRows[ru + l];
                    }
                    gramAcc[pu + t] += acc;
                }
            }
        }
        for (int q = 0; q < np; q++) {
            schur[b.pairPos[q]] += gramAcc[q];
        }
    }

    /**
     * Upper triangle of {@code G = B F Bᵀ} into gmat, F = mat(a_t) supported on the r rows S it touches:
     * {@code C = B[:, S] F[S, S]} ({@code k·nnz}) into tmat, then {@code G = C B[:, S]ᵀ} ({@code r·k²/2}).
     */
    private void gramCongruence(SchurBlock b, int t, double[] av) {
        int k = b.order;
        int r0 = b.rowPtr[t];
        int nr = b.rowPtr[t + 1] - r0;
        touchedProduct(b, t, av, rinv); // C[:, s] = Σ_i F[i, s] b_i: slot s holds column s of C
        for (int c = 0; c < k; c++) {
            Arrays.fill(gmat, c * k, c * k + c + 1, 0.0);
        }
        for (int sl = 0; sl < nr; sl++) {
            int bc = b.rows[r0 + sl] * k; // column rows[sl] of B
            int cc = sl * k;
            for (int q = 0; q < k; q++) {
                double w = rinv[bc + q];
                if (w == 0.0) {
                    continue;
                }
                int gq = q * k;
                for (int p = 0; p <= q; p++) {
                    gmat[gq + p] += tmat[cc + p] * w;
                }
            }
        }
    }

    /** T[s, :] = row rows[s] of F Q⁻¹, F = mat(a_t) (off-diagonal svec entries carry √2). */
    private void formT(SchurBlock b, int t, double[] av) {
        touchedProduct(b, t, av, qinv); // Q⁻¹ is symmetric: its column i is its row i
    }

    /**
     * tmat slot s (the s-th row F touches) ← {@code Σ_i F[s, i]·dense[:, i]} for F = mat(a_t) (off-diagonal
     * svec entries carry √2) and a k×k column-major {@code dense}: row s of {@code F·denseᵀ}, which is row s
     * of {@code F Q⁻¹} for the SDPA form and column s of {@code B F} (F symmetric) for the Gram form.
     */
    private void touchedProduct(SchurBlock b, int t, double[] av, double[] dense) {
        int k = b.order;
        int nr = b.rowPtr[t + 1] - b.rowPtr[t];
        Arrays.fill(tmat, 0, nr * k, 0.0);
        for (int e = b.entPtr[t]; e < b.entPtr[t + 1]; e++) {
            int i = b.entI[e];
            int j = b.entJ[e];
            double v = av[b.entA[e]];
            if (i == j) {
                axpy(v, dense, i * k, tmat, b.entSlotI[e] * k, k);
            } else {
                double w = v * INV_SQRT2;
                axpy(w, dense, j * k, tmat, b.entSlotI[e] * k, k); // F[i, j]·dense[:, j] into slot i
                axpy(w, dense, i * k, tmat, b.entSlotJ[e] * k, k); // F[j, i]·dense[:, i] into slot j
            }
        }
    }

    /** Upper triangle of G = Q⁻¹[:, rows] T into gmat. */
    private void formFullG(SchurBlock b, int r0, int nr) {
        int k = b.order;
        for (int d = 0; d < k; d++) {
            Arrays.fill(gmat, d * k, d * k + d + 1, 0.0);
        }
        for (int s = 0; s < nr; s++) {
            int qcol = b.rows[r0 + s] * k; // column rows[s] of Q⁻¹ (= its row, Q⁻¹ symmetric)
            int trow = s * k;
            for (int d = 0; d < k; d++) {
                double tv = tmat[trow + d];
                if (tv == 0.0) {
                    continue;
                }
                int gcol = d * k;
                for (int c = 0; c <= d; c++) {
                    gmat[gcol + c] += qinv[qcol + c] * tv;
                }
            }
        }
    }

    /** One entry G[i, j] = Σ_s Q⁻¹[i, rows[s]] T[s, j]. */
    private double gEntry(SchurBlock b, int r0, int nr, int i, int j) {
        int k = b.order;
        double acc = 0.0;
        for (int s = 0; s < nr; s++) {
            acc += qinv[b.rows[r0 + s] * k + i] * tmat[s * k + j];
        }
        return acc;
    }

    private static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int len) {
        for (int l = 0; l < len; l++) {
            y[yOff + l] += alpha * x[xOff + l];
        }
    }

    /**
     * Folds the eliminated rows of the full right-hand side into the x-rows of the reduced one:
     * {@code red_x += Σ_k A_kᵀ Hs_k⁻¹ r_k} with {@code r_k = rhs[n + I_k]}.
     */
    void reduceRhs(CompositeCone cones, double[] av, double[] rhs, double[] red) {
        for (SchurBlock b : blocks) {
            int off = b.offset;
            int d = b.dim();
            boolean zero = true;
            for (int l = n + off; l < n + off + d && zero; l++) {
                zero = rhs[l] == 0.0;
            }
            if (zero) {
                continue; // refinement corrections: the block's rows have no residual by construction
            }
            System.arraycopy(rhs, n + off, zIn, off, d);
            ((PsdConeIpm) cones.block(b.cone)).mulHsInverse(zOut, zIn);
            addAtz(b, av, zOut, off, red, 1.0);
        }
    }

    /** {@code Δz_k = Hs_k⁻¹(A_k Δx − r_k)} into the eliminated rows of the full solution {@code x}. */
    void backSubstitute(CompositeCone cones, double[] av, double[] rhs, double[] x) {
        for (SchurBlock b : blocks) {
            int off = b.offset;
            int d = b.dim();
            for (int l = 0; l < d; l++) {
                zIn[off + l] = -rhs[n + off + l];
            }
            for (int t = 0; t < b.cols.length; t++) {
                double xj = x[b.cols[t]];
                for (int e = b.entPtr[t]; e < b.entPtr[t + 1]; e++) {
                    zIn[off + b.entRow[e]] += av[b.entA[e]] * xj;
                }
            }
            ((PsdConeIpm) cones.block(b.cone)).mulHsInverse(zOut, zIn);
            System.arraycopy(zOut, off, x, n + off, d);
        }
    }

    /**
     * The eliminated blocks' share of {@code r ← r − K x} (full layout): {@code r_x −= A_kᵀ z_k}, and
     * {@code r_k ← 0}. Every x this class produces has {@code z_k = Hs_k⁻¹(A_k x − r_k)} by construction (so
     * the z_k-rows hold up to rounding in Hs⁻¹); measuring them as {@code A_k x − Hs_k z_k − r_k} instead would
     * only show the rounding of {@code Hs·Hs⁻¹}, which near the optimum is of the order eps·cond(Hs) ≈ 1 and
     * would stall refinement. The x-rows then carry the residual of the reduced system.
     */
    void subtractProduct(double[] av, double[] x, double[] r) {
        for (SchurBlock b : blocks) {
            int off = b.offset;
            int d = b.dim();
            addAtz(b, av, x, n + off, r, -1.0);
            Arrays.fill(r, n + off, n + off + d, 0.0);
        }
    }

    /** {@code Δs_k = −η r_z + Δτ b − A_k Δx} on the eliminated rows ({@link KktSystem#eliminatedSlackStep}). */
    void slackStep(double[] av, double[] ds, double[] dx, double dtau, double eta, double[] rz, double[] b) {
        for (SchurBlock blk : blocks) {
            int off = blk.offset;
            int d = blk.dim();
            for (int l = off; l < off + d; l++) {
                ds[l] = -eta * rz[l] + dtau * b[l];
            }
            for (int t = 0; t < blk.cols.length; t++) {
                double xj = dx[blk.cols[t]];
                for (int e = blk.entPtr[t]; e < blk.entPtr[t + 1]; e++) {
                    ds[off + blk.entRow[e]] -= av[blk.entA[e]] * xj;
                }
            }
        }
    }

    /** {@code y_x += sign·A_kᵀ z_k} for the block's z stored at {@code z[off ..]}. */
    private static void addAtz(SchurBlock b, double[] av, double[] z, int off, double[] y, double sign) {
        for (int t = 0; t < b.cols.length; t++) {
            double acc = 0.0;
            for (int e = b.entPtr[t]; e < b.entPtr[t + 1]; e++) {
                acc += av[b.entA[e]] * z[off + b.entRow[e]];
            }
            y[b.cols[t]] += sign * acc;
        }
    }
}
