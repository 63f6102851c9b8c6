package org.cvxlayers.solvers.cones;

/** The nonnegative orthant of the given dimension: inequality constraints. */
public record NonnegativeCone(int dim) implements Cone {
    public NonnegativeCone {
        if (dim < 0) {
            throw new IllegalArgumentException("nonnegative cone dimension must be >= 0, got " + dim);
        }
    }

    @Override
    public int degree() {
        return dim;
    }

    @Override
    public boolean isSymmetric() {
        return true;
    }
}
