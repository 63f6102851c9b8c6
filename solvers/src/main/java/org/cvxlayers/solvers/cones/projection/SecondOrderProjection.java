package org.cvxlayers.solvers.cones.projection;

/**
 * The second-order cone {@code {(t, v) : t ≥ ‖v‖₂}} (self-dual). With {@code r = ‖v‖}: the projection is
 * the point itself if {@code r ≤ t}, zero if {@code r ≤ −t}, and {@code ½(1 + t/r)(r, v)} otherwise. In the
 * last case the derivative is
 * <pre>
 *   D = a aᵀ + η (I − v̄ v̄ᵀ) on the v-part,   a = (1, v̄)/√2,  v̄ = v/r,  η = ½(1 + t/r) ∈ (0, 1)
 * </pre>
 * (a rank-one part with eigenvalue 1, the direction (1, −v̄) with eigenvalue 0, and η on the rest), which
 * also gives {@code D^{1/2} = a aᵀ + √η (I − v̄ v̄ᵀ)} in closed form.
 */
public record SecondOrderProjection(int dim) implements ConeProjection {

    private static double tailNorm(double[] x, int off, int dim) {
        double s = 0.0;
        for (int i = off + 1; i < off + dim; i++) {
            s += x[i] * x[i];
        }
        return Math.sqrt(s);
    }

    @Override
    public void project(double[] x, int off, double[] out) {
        double t = x[off];
        double r = tailNorm(x, off, dim);
        if (r <= t) {
            if (out != x) {
                System.arraycopy(x, off, out, off, dim);
            }
        } else if (r <= -t) {
            java.util.Arrays.fill(out, off, off + dim, 0.0);
        } else {
            double f = 0.5 * (1.0 + t / r);
            out[off] = f * r;
            for (int i = off + 1; i < off + dim; i++) {
                out[i] = f * x[i];
            }
        }
    }

    @Override
    public void projectDual(double[] x, int off, double[] out) {
        project(x, off, out);
    }

    @Override
    public void jvp(double[] x, int off, double[] dx, double[] out) {
        double t = x[off];
        double r = tailNorm(x, off, dim);
        if (r <= t) {
            System.arraycopy(dx, off, out, off, dim);
        } else if (r <= -t) {
            java.util.Arrays.fill(out, off, off + dim, 0.0);
        } else {
            // D dx = a (aᵀdx) + η (dv − v̄ (v̄ᵀdv)), a = (1, v̄)/√2
            double vdv = 0.0;
            for (int i = off + 1; i < off + dim; i++) {
                vdv += x[i] * dx[i];
            }
            vdv /= r;
            double eta = 0.5 * (1.0 + t / r);
            double adx = 0.5 * (dx[off] + vdv); // (aᵀdx)/√2 folded with the other 1/√2
            out[off] = adx;
            for (int i = off + 1; i < off + dim; i++) {
                double vb = x[i] / r;
                out[i] = adx * vb + eta * (dx[i] - vb * vdv);
            }
        }
    }

    @Override
    public void jvpDual(double[] x, int off, double[] dx, double[] out) {
        jvp(x, off, dx, out);
    }

    @Override
    public boolean isDifferentiableAt(double[] x, int off, boolean dual, double tol) {
        double t = x[off];
        double r = tailNorm(x, off, dim);
        double scale = Math.max(1.0, Math.hypot(t, r));
        return Math.abs(r - Math.abs(t)) > tol * scale;
    }

    @Override
    public void jacobian(double[] x, int off, boolean dual, double[] d, double[] sqrtD) {
        int k = dim;
        java.util.Arrays.fill(d, 0, k * k, 0.0);
        java.util.Arrays.fill(sqrtD, 0, k * k, 0.0);
        double t = x[off];
        double r = tailNorm(x, off, k);
        if (r <= t) {
            for (int i = 0; i < k; i++) {
                d[i * k + i] = 1.0;
                sqrtD[i * k + i] = 1.0;
            }
            return;
        }
        if (r <= -t) {
            return;
        }
        double eta = 0.5 * (1.0 + t / r);
        double se = Math.sqrt(eta);
        double[] a = new double[k];
        a[0] = Math.sqrt(0.5);
        for (int i = 1; i < k; i++) {
            a[i] = Math.sqrt(0.5) * x[off + i] / r;
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double aa = a[i] * a[j];
                double perp = 0.0;
                if (i > 0 && j > 0) {
                    perp = (i == j ? 1.0 : 0.0) - (x[off + i] / r) * (x[off + j] / r);
                }
                d[i * k + j] = aa + eta * perp;
                sqrtD[i * k + j] = aa + se * perp;
            }
        }
    }
}
