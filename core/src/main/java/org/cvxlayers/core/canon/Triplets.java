package org.cvxlayers.core.canon;

import java.util.Arrays;

/** A growable coordinate list of entries (row, col, θ index or {@link AffineTensor#CONST}, value). */
final class Triplets {
    int count;
    int[] row;
    int[] col;
    int[] par;
    double[] val;

    Triplets(int capacity) {
        int cap = Math.max(16, capacity);
        row = new int[cap];
        col = new int[cap];
        par = new int[cap];
        val = new double[cap];
    }

    void add(int r, int c, int p, double v) {
        if (count == row.length) {
            int cap = 2 * count;
            row = Arrays.copyOf(row, cap);
            col = Arrays.copyOf(col, cap);
            par = Arrays.copyOf(par, cap);
            val = Arrays.copyOf(val, cap);
        }
        row[count] = r;
        col[count] = c;
        par[count] = p;
        val[count] = v;
        count++;
    }
}
