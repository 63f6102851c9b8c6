package org.cvxlayers.solvers.cones;

/** The zero cone {@code {0}} of the given dimension: equality constraints. */
public record ZeroCone(int dim) implements Cone {
    public ZeroCone {
        if (dim < 0) {
            throw new IllegalArgumentException("zero cone dimension must be >= 0, got " + dim);
        }
    }

    @Override
    public int degree() {
        return 0;
    }

    @Override
    public boolean isSymmetric() {
        return true;
    }
}
