package org.cvxlayers.solvers.cones.projection;

/** The zero cone {@code {0}}: projection 0; its dual is the free cone, projection the identity. */
public record ZeroProjection(int dim) implements ConeProjection {

    @Override
    public void project(double[] x, int off, double[] out) {
        java.util.Arrays.fill(out, off, off + dim, 0.0);
    }

    @Override
    public void projectDual(double[] x, int off, double[] out) {
        if (out != x) {
            System.arraycopy(x, off, out, off, dim);
        }
    }

    @Override
    public void jvp(double[] x, int off, double[] dx, double[] out) {
        java.util.Arrays.fill(out, off, off + dim, 0.0);
    }

    @Override
    public void jvpDual(double[] x, int off, double[] dx, double[] out) {
        System.arraycopy(dx, off, out, off, dim);
    }

    @Override
    public boolean isDifferentiableAt(double[] x, int off, boolean dual, double tol) {
        return true;
    }

    @Override
    public void jacobian(double[] x, int off, boolean dual, double[] d, double[] sqrtD) {
        java.util.Arrays.fill(d, 0, dim * dim, 0.0);
        java.util.Arrays.fill(sqrtD, 0, dim * dim, 0.0);
        if (dual) {
            for (int i = 0; i < dim; i++) {
                d[i * dim + i] = 1.0;
                sqrtD[i * dim + i] = 1.0;
            }
        }
    }
}
