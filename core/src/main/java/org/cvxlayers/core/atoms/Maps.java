package org.cvxlayers.core.atoms;

import org.cvxlayers.solvers.sparse.CscMatrix;

/** Builders of the constant sparse maps used by {@link LinearAtom}s (column-major index arithmetic). */
public final class Maps {
    private Maps() {
    }

    /** out[k] = in[select[k]]: an out.length × inSize selection matrix. */
    public static CscMatrix selection(int inSize, int[] select) {
        int n = select.length;
        int[] ti = new int[n];
        double[] tv = new double[n];
        for (int k = 0; k < n; k++) {
            ti[k] = k;
            tv[k] = 1.0;
        }
        return CscMatrix.fromTriplets(n, inSize, ti, select.clone(), tv);
    }

    /** a · I (n×n). */
    public static CscMatrix scaledIdentity(int n, double a) {
        int[] cp = new int[n + 1];
        int[] ri = new int[n];
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            cp[j + 1] = j + 1;
            ri[j] = j;
            v[j] = a;
        }
        return new CscMatrix(n, n, cp, ri, v);
    }

    /** The n×1 all-ones map (broadcast of a scalar). */
    public static CscMatrix broadcast(int n) {
        int[] ri = new int[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            ri[i] = i;
            v[i] = 1.0;
        }
        return new CscMatrix(n, 1, new int[] {0, n}, ri, v);
    }

    /** A map from triplets (out row, in column, value), duplicates summed. */
    public static CscMatrix of(int outSize, int inSize, int[] out, int[] in, double[] v, int count) {
        return CscMatrix.fromTriplets(outSize, inSize, out, in, v, count);
    }
}
