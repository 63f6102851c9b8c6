package org.cvxlayers.solvers.sparse;

/** Fill-reducing symmetric ordering applied by {@link LdlSymbolic#analyze}. */
public enum Ordering {
    /** Keep the matrix in its given order. */
    NATURAL,
    /** Approximate minimum degree (Amestoy, Davis &amp; Duff 1996), see {@link Amd}. */
    AMD
}
