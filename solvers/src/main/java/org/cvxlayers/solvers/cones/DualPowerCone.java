package org.cvxlayers.solvers.cones;

/** The dual power cone {@code {(u, v, w) : (u/α)^α·(v/(1−α))^(1−α) ≥ |w|, u, v ≥ 0}}, 0 &lt; α &lt; 1. */
public record DualPowerCone(double alpha) implements Cone {
    public DualPowerCone {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("dual power cone exponent must lie in (0, 1), got " + alpha);
        }
    }

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
