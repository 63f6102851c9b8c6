package org.cvxlayers.solvers.cones.projection;

/**
 * The dual power cone {@code K_α* = {(u, v, w) : (u/α)^α (v/(1−α))^(1−α) ≥ |w|, u, v ≥ 0}}, whose dual is
 * the power cone: the roles of {@link PowerProjection} swapped.
 *
 * @param alpha exponent in (0, 1)
 */
public record DualPowerProjection(double alpha) implements ConeProjection {

    public DualPowerProjection {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("dual power cone exponent must lie in (0, 1), got " + alpha);
        }
    }

    private PowerProjection primal() {
        return new PowerProjection(alpha);
    }

    @Override
    public int dim() {
        return 3;
    }

    @Override
    public void project(double[] x, int off, double[] out) {
        primal().projectDual(x, off, out);
    }

    @Override
    public void projectDual(double[] x, int off, double[] out) {
        primal().project(x, off, out);
    }

    @Override
    public void jvp(double[] x, int off, double[] dx, double[] out) {
        primal().jvpDual(x, off, dx, out);
    }

    @Override
    public void jvpDual(double[] x, int off, double[] dx, double[] out) {
        primal().jvp(x, off, dx, out);
    }

    @Override
    public boolean isDifferentiableAt(double[] x, int off, boolean dual, double tol) {
        return primal().isDifferentiableAt(x, off, !dual, tol);
    }

    @Override
    public void jacobian(double[] x, int off, boolean dual, double[] d, double[] sqrtD) {
        primal().jacobian(x, off, !dual, d, sqrtD);
    }
}
