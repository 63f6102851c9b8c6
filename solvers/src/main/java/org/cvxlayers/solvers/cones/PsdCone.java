package org.cvxlayers.solvers.cones;

/**
 * The cone of positive semidefinite n×n symmetric matrices in svec form: the upper triangle column by
 * column, off-diagonal entries scaled by √2; dimension n(n+1)/2.
 */
public record PsdCone(int n) implements Cone {
    public PsdCone {
        if (n < 1) {
            throw new IllegalArgumentException("PSD cone order must be >= 1, got " + n);
        }
    }

    @Override
    public int dim() {
        return n * (n + 1) / 2;
    }

    @Override
    public int degree() {
        return n;
    }

    @Override
    public boolean isSymmetric() {
        return true;
    }

    /** Position in svec of entry (i, j) of the matrix, with i &le; j (upper triangle, column by column). */
    public static int svecIndex(int i, int j) {
        if (i > j) {
            int t = i;
            i = j;
            j = t;
        }
        return j * (j + 1) / 2 + i;
    }
}
