package org.cvxlayers.solvers.cones;

/** The second-order cone {@code {(t, v) : t ≥ ‖v‖₂}} of dimension {@code dim = 1 + len(v)}. */
public record SecondOrderCone(int dim) implements Cone {
    public SecondOrderCone {
        if (dim < 1) {
            throw new IllegalArgumentException("second-order cone dimension must be >= 1, got " + dim);
        }
    }

    @Override
    public int degree() {
        return 1;
    }

    @Override
    public boolean isSymmetric() {
        return true;
    }
}
