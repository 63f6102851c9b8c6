package org.cvxlayers.core.canon;

import java.util.Arrays;

/**
 * Entries of the objective's quadratic part {@code ½ xᵀ P x}, upper triangle of P, each coefficient affine
 * in θ ({@code par} is a θ index or {@link AffineTensor#CONST}). Duplicates are summed at assembly.
 */
public final class QuadraticTerms {
    int count;
    int[] row = new int[16];
    int[] col = new int[16];
    int[] par = new int[16];
    double[] val = new double[16];

    /** Adds {@code v·θ[p]} (or v) to {@code P[i, j]} (and, for i ≠ j, implicitly to P[j, i]). */
    public void add(int i, int j, int p, double v) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        if (count == row.length) {
            int cap = 2 * count;
            row = Arrays.copyOf(row, cap);
            col = Arrays.copyOf(col, cap);
            par = Arrays.copyOf(par, cap);
            val = Arrays.copyOf(val, cap);
        }
        row[count] = i;
        col[count] = j;
        par[count] = p;
        val[count] = v;
        count++;
    }

    /** Objective += {@code coef · Σ x[cols[i]]²}. */
    public void addSumSquares(int[] cols, double coef) {
        for (int c : cols) {
            add(c, c, AffineTensor.CONST, 2.0 * coef);
        }
    }

    /**
     * Objective += {@code coef · vᵀ Q v} with {@code v = x[cols]} and Q symmetric, given as a variable-free
     * column-major n×n tensor (entries affine in θ). Only Q's upper triangle is read.
     */
    public void addQuadForm(int[] cols, AffineTensor q, double coef) {
        int n = cols.length;
        for (int k = 0; k < q.count(); k++) {
            int i = q.row(k) % n;
            int j = q.row(k) / n;
            if (i > j) {
                continue;
            }
            double w = 2.0 * coef; // P_ij = 2·coef·Q_ij on and above the diagonal
            add(cols[i], cols[j], q.par(k), w * q.val(k));
        }
    }

    public int count() {
        return count;
    }
}
