package org.cvxlayers.solvers.sparse;

import java.util.Arrays;

/**
 * Left-looking supernodal LDLᵀ without pivoting. For each supernode s, in order: assemble its columns of
 * the matrix into its dense panel, subtract the updates of every earlier supernode d that has rows in s
 * (a dense rank-w_d product L_d D_d L_dᵀ restricted to those rows, scattered through a relative row map),
 * then factor the panel densely (right-looking within the panel), applying dynamic regularization to each
 * pivot. Stateless; all arrays come from the caller.
 */
final class SupernodalKernel {
    /** Columns per block of the in-panel factorization. */
    private static final int PANEL_BLOCK = 32;
    /** Target columns per chunk of a descendant update (the workspace holds UPDATE_COLS · maxRows values). */
    static final int UPDATE_COLS = 32;
    /** Rows per block of the in-panel update (PANEL_BLOCK × ROW_BLOCK doubles stay in the L1/L2 cache). */
    private static final int ROW_BLOCK = 128;

    private SupernodalKernel() {
    }

    /**
     * @param rel scratch int[n]; {@code tmp} scratch double[UPDATE_COLS · maxRows]
     * @return number of regularized pivots
     */
    static int factor(Supernodes sn, int[] perm, double[] upperValues, double[] signs, double regEps,
            double regDelta, double[] lx, double[] d, double[] dInv, int[] rel, double[] tmp) {
        final int[] first = sn.first;
        final int[] rowPtr = sn.rowPtr;
        final int[] rows = sn.rows;
        final int[] valPtr = sn.valPtr;
        final int[] asmPtr = sn.asmPtr;
        final int[] asmPos = sn.asmPos;
        final int[] asmSrc = sn.asmSrc;
        final int[] updPtr = sn.updPtr;
        final int[] updSource = sn.updSource;
        final int[] updR0 = sn.updR0;
        final int[] updR1 = sn.updR1;
        int regularized = 0;
        for (int s = 0; s < sn.count; s++) {
            final int f = first[s];
            final int w = first[s + 1] - f;
            final int rs = rowPtr[s];
            final int m = rowPtr[s + 1] - rs;
            final int base = valPtr[s];
            // 1. assemble
            Arrays.fill(lx, base, base + m * w, 0.0);
            for (int t = asmPtr[s]; t < asmPtr[s + 1]; t++) {
                lx[asmPos[t]] = upperValues[asmSrc[t]];
            }
            for (int r = 0; r < m; r++) {
                rel[rows[rs + r]] = r;
            }
            // 2. updates from descendants
            for (int u = updPtr[s]; u < updPtr[s + 1]; u++) {
                final int ds = updSource[u];
                final int df = first[ds];
                final int dw = first[ds + 1] - df;
                final int drs = rowPtr[ds];
                final int dm = rowPtr[ds + 1] - drs;
                final int dbase = valPtr[ds];
                final int r1 = updR1[u];
                if (dw == 1) {
                    // single column: scatter the rank-1 update directly
                    final double dd = d[df];
                    for (int j = updR0[u]; j < r1; j++) {
                        final double yk = lx[dbase + j] * dd;
                        if (yk == 0.0) {
                            continue;
                        }
                        final int target = base + (rows[drs + j] - f) * m;
                        for (int i = j; i < dm; i++) {
                            lx[target + rel[rows[drs + i]]] -= lx[dbase + i] * yk;
                        }
                    }
                    continue;
                }
                // chunks of up to UPDATE_COLS target columns: W = L_d(rows ≥ chunk) · D_d · L_d(chunk)ᵀ is
                // accumulated in tmp, row-blocked so each piece of W stays in cache, then scattered into s
                for (int cb = updR0[u]; cb < r1; cb += UPDATE_COLS) {
                    final int nt = Math.min(r1, cb + UPDATE_COLS) - cb;
                    final int len = dm - cb;
                    Arrays.fill(tmp, 0, nt * len, 0.0);
                    for (int rb = 0; rb < len; rb += ROW_BLOCK) {
                        final int re = Math.min(len, rb + ROW_BLOCK);
                        for (int k = 0; k < dw; k++) {
                            final int off = dbase + k * dm + cb;
                            final double dk = d[df + k];
                            for (int c = 0; c < nt; c++) {
                                final double y = lx[off + c] * dk;
                                if (y == 0.0) {
                                    continue;
                                }
                                final int t = c * len;
                                for (int i = Math.max(rb, c); i < re; i++) {
                                    tmp[t + i] += lx[off + i] * y;
                                }
                            }
                        }
                    }
                    for (int c = 0; c < nt; c++) {
                        final int target = base + (rows[drs + cb + c] - f) * m;
                        final int t = c * len;
                        for (int i = c; i < len; i++) {
                            lx[target + rel[rows[drs + cb + i]]] -= tmp[t + i];
                        }
                    }
                }
            }
            // 3. dense LDLᵀ of the panel, in column blocks of PANEL_BLOCK: each block is first updated by the
            //    panel's already factored columns (row-blocked so the target stays in cache), then factored
            //    right-looking inside the block
            for (int c0 = 0; c0 < w; c0 += PANEL_BLOCK) {
                final int c1 = Math.min(w, c0 + PANEL_BLOCK);
                if (c0 > 0) {
                    for (int rb = c0; rb < m; rb += ROW_BLOCK) {
                        final int re = Math.min(m, rb + ROW_BLOCK);
                        for (int k = 0; k < c0; k++) {
                            final int colk = base + k * m;
                            final double dk = d[f + k];
                            for (int c = c0; c < c1; c++) {
                                final double y = lx[colk + c] * dk; // L(c, k) D(k)
                                if (y == 0.0) {
                                    continue;
                                }
                                final int tgt = base + c * m;
                                for (int r = Math.max(rb, c); r < re; r++) {
                                    lx[tgt + r] -= lx[colk + r] * y;
                                }
                            }
                        }
                    }
                }
                for (int c = c0; c < c1; c++) {
                    final int col = base + c * m;
                    double dk = lx[col + c];
                    if (signs != null) {
                        double sg = signs[perm[f + c]];
                        if (sg * dk <= regEps) {
                            dk = sg * regDelta;
                            regularized++;
                        }
                    }
                    if (dk == 0.0 || !Double.isFinite(dk)) {
                        throw new SingularMatrixException(perm[f + c], f + c, dk);
                    }
                    d[f + c] = dk;
                    final double inv = 1.0 / dk;
                    dInv[f + c] = inv;
                    for (int c2 = c + 1; c2 < c1; c2++) {
                        final double a = lx[col + c2]; // = L(c2, c) · dk, still unscaled
                        if (a == 0.0) {
                            continue;
                        }
                        final double ai = a * inv;
                        final int col2 = base + c2 * m;
                        for (int r = c2; r < m; r++) {
                            lx[col2 + r] -= lx[col + r] * ai;
                        }
                    }
                    for (int r = c + 1; r < m; r++) {
                        lx[col + r] *= inv;
                    }
                }
            }
        }
        return regularized;
    }
}
