package org.cvxlayers.solvers.cones;

/** The 3-D power cone {@code {(x, y, z) : x^α·y^(1−α) ≥ |z|, x, y ≥ 0}} with 0 &lt; α &lt; 1. */
public record PowerCone(double alpha) implements Cone {
    public PowerCone {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("power cone exponent must lie in (0, 1), got " + alpha);
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
