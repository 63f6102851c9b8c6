package org.cvxlayers.solvers.cones;

/** The exponential cone: closure of {@code {(x, y, z) : y > 0, y·exp(x/y) ≤ z}}; dimension 3. */
public record ExponentialCone() implements Cone {
    @Override
    public int dim() {
        return 3;
    }

    @Override
    public int degree() {
        return 3;
    }

    @Override
    public boolean isSymmetric() {
        return false;
    }
}
