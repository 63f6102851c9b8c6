package org.cvxlayers.solvers.cones;

/** The dual exponential cone: closure of {@code {(u, v, w) : u < 0, −u·exp(v/u) ≤ e·w}}; dimension 3. */
public record DualExponentialCone() implements Cone {
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
