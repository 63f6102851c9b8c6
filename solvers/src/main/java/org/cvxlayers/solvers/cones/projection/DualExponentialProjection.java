package org.cvxlayers.solvers.cones.projection;

/**
 * The dual exponential cone {@code K* = cl{(u, v, w) : u < 0, −u·exp(v/u) ≤ e·w}}, whose dual is the
 * exponential cone: the roles of {@link ExponentialProjection} swapped (Moreau:
 * {@code Π_{K*}(x) = x + Π_K(−x)}).
 */
public record DualExponentialProjection() implements ConeProjection {
    private static final ExponentialProjection EXP = new ExponentialProjection();

    @Override
    public int dim() {
        return 3;
    }

    @Override
    public void project(double[] x, int off, double[] out) {
        EXP.projectDual(x, off, out);
    }

    @Override
    public void projectDual(double[] x, int off, double[] out) {
        EXP.project(x, off, out);
    }

    @Override
    public void jvp(double[] x, int off, double[] dx, double[] out) {
        EXP.jvpDual(x, off, dx, out);
    }

    @Override
    public void jvpDual(double[] x, int off, double[] dx, double[] out) {
        EXP.jvp(x, off, dx, out);
    }

    @Override
    public boolean isDifferentiableAt(double[] x, int off, boolean dual, double tol) {
        return EXP.isDifferentiableAt(x, off, !dual, tol);
    }

    @Override
    public void jacobian(double[] x, int off, boolean dual, double[] d, double[] sqrtD) {
        EXP.jacobian(x, off, !dual, d, sqrtD);
    }
}
