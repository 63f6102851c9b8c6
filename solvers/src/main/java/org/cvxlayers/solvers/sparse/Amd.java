package org.cvxlayers.solvers.sparse;

/**
 * Approximate minimum degree ordering (Amestoy, Davis &amp; Duff 1996).
 */
public final class Amd {
    private Amd() {
    }

    /**
     * Computes a fill-reducing permutation of a symmetric pattern.
     *
     * @return perm with perm[k] = original index placed at position k
     */
    public static int[] order(CscMatrix pattern) {
        throw new UnsupportedOperationException("AMD ordering is not implemented yet; use Ordering.NATURAL");
    }
}
