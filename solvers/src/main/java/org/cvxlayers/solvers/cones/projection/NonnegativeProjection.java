package org.cvxlayers.solvers.cones.projection;

/**
 * The nonnegative orthant (self-dual): {@code Π(x) = max(x, 0)}, derivative {@code diag(x > 0)}. At
 * {@code x_i = 0} the element 0 of the generalized Jacobian [0, 1] is returned.
 */
public record NonnegativeProjection(int dim) implements ConeProjection {

    @Override
    public void project(double[] x, int off, double[] out) {
        for (int i = off; i < off + dim; i++) {
            out[i] = Math.max(x[i], 0.0);
        }
    }

    @Override
    public void projectDual(double[] x, int off, double[] out) {
        project(x, off, out);
    }

    @Override
    public void jvp(double[] x, int off, double[] dx, double[] out) {
        for (int i = off; i < off + dim; i++) {
            out[i] = x[i] > 0.0 ? dx[i] : 0.0;
        }
    }

    @Override
    public void jvpDual(double[] x, int off, double[] dx, double[] out) {
        jvp(x, off, dx, out);
    }

    @Override
    public boolean isDifferentiableAt(double[] x, int off, boolean dual, double tol) {
        double scale = 1.0;
        for (int i = off; i < off + dim; i++) {
            scale = Math.max(scale, Math.abs(x[i]));
        }
        for (int i = off; i < off + dim; i++) {
            if (Math.abs(x[i]) <= tol * scale) {
                return false;
            }
        }
        return true;
    }

    /** Number of entries of the block within {@code tol · max(1, ‖x‖∞)} of zero (the kinks). */
    public int kinkCount(double[] x, int off, double tol) {
        double scale = 1.0;
        for (int i = off; i < off + dim; i++) {
            scale = Math.max(scale, Math.abs(x[i]));
        }
        int k = 0;
        for (int i = off; i < off + dim; i++) {
            if (Math.abs(x[i]) <= tol * scale) {
                k++;
            }
        }
        return k;
    }

    @Override
    public void jacobian(double[] x, int off, boolean dual, double[] d, double[] sqrtD) {
        java.util.Arrays.fill(d, 0, dim * dim, 0.0);
        java.util.Arrays.fill(sqrtD, 0, dim * dim, 0.0);
        for (int i = 0; i < dim; i++) {
            double v = x[off + i] > 0.0 ? 1.0 : 0.0;
            d[i * dim + i] = v;
            sqrtD[i * dim + i] = v;
        }
    }
}
