package org.cvxlayers.core.canon;

/**
 * Entries of the objective's quadratic part {@code ½ xᵀ P x}, upper triangle of P, each coefficient affine
 * in θ ({@code par} is a θ index or {@link AffineTensor#CONST}). Duplicates are summed at assembly.
 */
public final class QuadraticTerms {
    /** The entries (i ≤ j), read by the compiler. */
    final Triplets entries = new Triplets(16);

    /** Adds {@code v·θ[p]} (or v) to {@code P[i, j]} (and, for i ≠ j, implicitly to P[j, i]). */
    public void add(int i, int j, int p, double v) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        entries.add(i, j, p, v);
    }

    /**
     * Objective += {@code coef · Σ x[cols[i]]²} where coef is a scalar, variable-free tensor (a number or an
     * affine function of θ, e.g. a nonnegative parameter weighting the term).
     */
    public void addSumSquares(int[] cols, AffineTensor coef) {
        for (int c : cols) {
            for (int k = 0; k < coef.count(); k++) {
                add(c, c, coef.par(k), 2.0 * coef.val(k));
            }
        }
    }

    /**
     * Objective += {@code coef · vᵀ Q v} with {@code v = x[cols]} and Q symmetric, given as a variable-free
     * column-major n×n tensor (entries affine in θ). Only Q's upper triangle is read. At most one of Q and
     * coef may depend on θ (DPP).
     */
    public void addQuadForm(int[] cols, AffineTensor q, AffineTensor coef) {
        int n = cols.length;
        for (int k = 0; k < q.count(); k++) {
            int i = q.row(k) % n;
            int j = q.row(k) / n;
            if (i > j) {
                continue;
            }
            for (int e = 0; e < coef.count(); e++) {
                if (q.par(k) != AffineTensor.CONST && coef.par(e) != AffineTensor.CONST) {
                    throw new IllegalStateException("parameter times parameter in a quadratic term (not DPP)");
                }
                int par = q.par(k) != AffineTensor.CONST ? q.par(k) : coef.par(e);
                // P_ij = 2·coef·Q_ij on and above the diagonal
                add(cols[i], cols[j], par, 2.0 * coef.val(e) * q.val(k));
            }
        }
    }

    public int count() {
        return entries.count;
    }
}
