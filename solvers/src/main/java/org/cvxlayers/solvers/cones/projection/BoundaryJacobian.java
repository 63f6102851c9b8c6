package org.cvxlayers.solvers.cones.projection;

/**
 * Derivative of a projection that lands on a smooth piece {@code g(p) = 0} of a cone's boundary, by
 * implicit differentiation of the projection's optimality conditions (as diffcp does for the exponential
 * cone):
 * <pre>
 *   p + μ ∇g(p) = x,   g(p) = 0     ⇒   [ I + μ∇²g   ∇g ] [dp]   [dx]
 *                                       [ ∇gᵀ        0  ] [dμ] = [ 0]
 * </pre>
 * so {@code dp = (B⁻¹ − B⁻¹∇g ∇gᵀB⁻¹ / ∇gᵀB⁻¹∇g) dx} with {@code B = I + μ∇²g}, positive definite because
 * g is convex and μ ≥ 0. The result is symmetric.
 */
final class BoundaryJacobian {
    private BoundaryJacobian() {
    }

    /**
     * Fills the row-major 3×3 Jacobian {@code jac} from the gradient {@code grad} (length 3), the Hessian
     * {@code hess} (row-major 3×3, symmetric PSD) and the multiplier {@code mu ≥ 0}.
     *
     * @return false if the system is numerically singular (jac is then left undefined)
     */
    static boolean fill(double[] grad, double[] hess, double mu, double[] jac) {
        double[] b = new double[9];
        for (int i = 0; i < 9; i++) {
            b[i] = mu * hess[i];
        }
        b[0] += 1.0;
        b[4] += 1.0;
        b[8] += 1.0;
        double[] bi = new double[9];
        if (!invert3(b, bi)) {
            return false;
        }
        double[] w = new double[3];
        for (int i = 0; i < 3; i++) {
            w[i] = bi[3 * i] * grad[0] + bi[3 * i + 1] * grad[1] + bi[3 * i + 2] * grad[2];
        }
        double gw = grad[0] * w[0] + grad[1] * w[1] + grad[2] * w[2];
        if (!(gw > 0.0) || !Double.isFinite(gw)) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                jac[3 * i + j] = bi[3 * i + j] - w[i] * w[j] / gw;
            }
        }
        SymmetricEigen.symmetrize(jac, 3);
        for (double v : jac) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** Inverse of a 3×3 row-major matrix by cofactors; false if singular. */
    static boolean invert3(double[] a, double[] out) {
        double c00 = a[4] * a[8] - a[5] * a[7];
        double c01 = a[5] * a[6] - a[3] * a[8];
        double c02 = a[3] * a[7] - a[4] * a[6];
        double det = a[0] * c00 + a[1] * c01 + a[2] * c02;
        if (det == 0.0 || !Double.isFinite(det)) {
            return false;
        }
        double id = 1.0 / det;
        out[0] = c00 * id;
        out[1] = (a[2] * a[7] - a[1] * a[8]) * id;
        out[2] = (a[1] * a[5] - a[2] * a[4]) * id;
        out[3] = c01 * id;
        out[4] = (a[0] * a[8] - a[2] * a[6]) * id;
        out[5] = (a[2] * a[3] - a[0] * a[5]) * id;
        out[6] = c02 * id;
        out[7] = (a[1] * a[6] - a[0] * a[7]) * id;
        out[8] = (a[0] * a[4] - a[1] * a[3]) * id;
        return true;
    }

    /** out = J dx on a block of three. */
    static void apply(double[] jac, double[] dx, int off, double[] out) {
        double a = dx[off];
        double b = dx[off + 1];
        double c = dx[off + 2];
        out[off] = jac[0] * a + jac[1] * b + jac[2] * c;
        out[off + 1] = jac[3] * a + jac[4] * b + jac[5] * c;
        out[off + 2] = jac[6] * a + jac[7] * b + jac[8] * c;
    }
}
