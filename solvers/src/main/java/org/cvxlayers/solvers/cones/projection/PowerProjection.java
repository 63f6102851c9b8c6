package org.cvxlayers.solvers.cones.projection;

/**
 * The power cone {@code K_α = {(x, y, z) : x^α y^(1−α) ≥ |z|, x, y ≥ 0}} and its dual
 * {@code K_α* = {(u, v, w) : (u/α)^α (v/(1−α))^(1−α) ≥ |w|, u, v ≥ 0}}.
 *
 * <p><b>Projection</b> (Hien 2015, "Differential properties of Euclidean projection onto power cone"; the
 * form used by SCS): points of K and of the polar cone {@code −K*} are handled in closed form, points with
 * {@code z = 0} project to {@code (x₊, y₊, 0)}. Otherwise the projection is {@code (X(ρ), Y(ρ), sign(z) ρ)}
 * with
 * <pre>
 *   X(ρ) = ½ (x + √(x² + 4α ρ (|z| − ρ))),   Y(ρ) = ½ (y + √(y² + 4(1−α) ρ (|z| − ρ)))
 * </pre>
 * and ρ ∈ (0, |z|) the root of {@code Φ(ρ) = X^α Y^(1−α) − ρ} (positive just right of 0, negative at
 * |z|), found by Newton's method safeguarded by bisection. X and Y are evaluated without cancellation when
 * x or y is negative.
 *
 * <p><b>Derivative</b>: identity inside K, zero inside the polar cone, and otherwise implicit
 * differentiation of the projection's KKT system on the boundary piece
 * {@code g(p) = sign(z) p_z − p_x^α p_y^(1−α) = 0} (see {@link BoundaryJacobian}) with multiplier
 * {@code μ = |z| − ρ}. On {@code z = 0} with only one of x, y positive the projection is not differentiable
 * in z (the cone's boundary has infinite slope there); the element with zero z-derivative is returned.
 * The dual cone uses Moreau's decomposition {@code Π_{K*}(x) = x + Π_K(−x)}.
 *
 * @param alpha exponent in (0, 1)
 */
public record PowerProjection(double alpha) implements ConeProjection {

    public PowerProjection {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("power cone exponent must lie in (0, 1), got " + alpha);
        }
    }

    @Override
    public int dim() {
        return 3;
    }

    @Override
    public void project(double[] v, int off, double[] out) {
        projectPrimal(alpha, v[off], v[off + 1], v[off + 2], out, off);
    }

    @Override
    public void projectDual(double[] v, int off, double[] out) {
        double x = v[off];
        double y = v[off + 1];
        double z = v[off + 2];
        double[] p = new double[3];
        projectPrimal(alpha, -x, -y, -z, p, 0);
        out[off] = x + p[0];
        out[off + 1] = y + p[1];
        out[off + 2] = z + p[2];
    }

    @Override
    public void jvp(double[] v, int off, double[] dv, double[] out) {
        double[] j = new double[9];
        jacobianPrimal(alpha, v[off], v[off + 1], v[off + 2], j);
        BoundaryJacobian.apply(j, dv, off, out);
    }

    @Override
    public void jvpDual(double[] v, int off, double[] dv, double[] out) {
        double[] j = new double[9];
        jacobianDual(alpha, v[off], v[off + 1], v[off + 2], j);
        BoundaryJacobian.apply(j, dv, off, out);
    }

    @Override
    public boolean isDifferentiableAt(double[] v, int off, boolean dual, double tol) {
        double sg = dual ? -1.0 : 1.0;
        return primalDifferentiable(alpha, sg * v[off], sg * v[off + 1], sg * v[off + 2], tol);
    }

    @Override
    public void jacobian(double[] v, int off, boolean dual, double[] d, double[] sqrtD) {
        if (dual) {
            jacobianDual(alpha, v[off], v[off + 1], v[off + 2], d);
        } else {
            jacobianPrimal(alpha, v[off], v[off + 1], v[off + 2], d);
        }
        SymmetricEigen.sqrtPsd(d, 3, sqrtD, 0.0, 1.0);
    }

    // ---------------------------------------------------------------- projection

    static boolean inCone(double a, double x, double y, double z) {
        return x >= 0.0 && y >= 0.0 && Math.pow(x, a) * Math.pow(y, 1.0 - a) >= Math.abs(z);
    }

    /** Whether (x, y, z) lies in the polar cone −K*. */
    static boolean inPolar(double a, double x, double y, double z) {
        return x <= 0.0 && y <= 0.0 && Math.pow(-x / a, a) * Math.pow(-y / (1.0 - a), 1.0 - a) >= Math.abs(z);
    }

    /** ½ (x + √(x² + c)) for c ≥ 0, without cancellation for negative x. */
    private static double half(double x, double c) {
        double root = Math.sqrt(x * x + c);
        return x >= 0.0 ? 0.5 * (x + root) : (root - x == 0.0 ? 0.0 : 0.5 * c / (root - x));
    }

    static void projectPrimal(double a, double x, double y, double z, double[] out, int off) {
        if (inCone(a, x, y, z)) {
            out[off] = x;
            out[off + 1] = y;
            out[off + 2] = z;
            return;
        }
        if (inPolar(a, x, y, z)) {
            out[off] = 0.0;
            out[off + 1] = 0.0;
            out[off + 2] = 0.0;
            return;
        }
        double az = Math.abs(z);
        if (az == 0.0) {
            out[off] = Math.max(x, 0.0);
            out[off + 1] = Math.max(y, 0.0);
            out[off + 2] = 0.0;
            return;
        }
        double rho = findRho(a, x, y, az);
        double q = rho * (az - rho);
        out[off] = half(x, 4.0 * a * q);
        out[off + 1] = half(y, 4.0 * (1.0 - a) * q);
        out[off + 2] = Math.copySign(rho, z);
    }

    /** Root of Φ in (0, |z|). */
    static double findRho(double a, double x, double y, double az) {
        double lo = 0.0;
        double hi = az;
        double rho = 0.5 * az;
        for (int it = 0; it < 200; it++) {
            double q = rho * (az - rho);
            double sx = Math.sqrt(x * x + 4.0 * a * q);
            double sy = Math.sqrt(y * y + 4.0 * (1.0 - a) * q);
            double bx = half(x, 4.0 * a * q);
            double by = half(y, 4.0 * (1.0 - a) * q);
            double phi = Math.pow(bx, a) * Math.pow(by, 1.0 - a);
            double f = phi - rho;
            if (f == 0.0) {
                return rho;
            }
            if (f > 0.0) {
                lo = rho;
            } else {
                hi = rho;
            }
            double dq = az - 2.0 * rho;
            double dbx = sx > 0.0 ? a * dq / sx : 0.0;
            double dby = sy > 0.0 ? (1.0 - a) * dq / sy : 0.0;
            double df = (bx > 0.0 && by > 0.0) ? phi * (a * dbx / bx + (1.0 - a) * dby / by) - 1.0 : -1.0;
            double next = rho - f / df;
            if (!(next > lo && next < hi) || !Double.isFinite(next)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - rho) <= 1e-16 * az || hi - lo <= 1e-16 * az) {
                return next;
            }
            rho = next;
        }
        return rho;
    }

    // ---------------------------------------------------------------- derivatives

    static void jacobianPrimal(double a, double x, double y, double z, double[] j) {
        java.util.Arrays.fill(j, 0.0);
        if (inCone(a, x, y, z)) {
            j[0] = 1.0;
            j[4] = 1.0;
            j[8] = 1.0;
            return;
        }
        if (inPolar(a, x, y, z)) {
            return;
        }
        double[] p = new double[3];
        projectPrimal(a, x, y, z, p, 0);
        double px = p[0];
        double py = p[1];
        double rho = Math.abs(p[2]);
        if (z == 0.0 || px <= 0.0 || py <= 0.0 || rho <= 0.0) {
            j[0] = x > 0.0 ? 1.0 : 0.0;
            j[4] = y > 0.0 ? 1.0 : 0.0;
            return;
        }
        double sg = Math.signum(z);
        double phi = Math.pow(px, a) * Math.pow(py, 1.0 - a);
        double[] grad = {-a * phi / px, -(1.0 - a) * phi / py, sg};
        double c = phi * a * (1.0 - a);
        double[] hess = {c / (px * px), -c / (px * py), 0.0, -c / (px * py), c / (py * py), 0.0, 0.0, 0.0, 0.0};
        double mu = Math.max(0.0, Math.abs(z) - rho);
        if (!BoundaryJacobian.fill(grad, hess, mu, j)) {
            java.util.Arrays.fill(j, 0.0);
            j[0] = x > 0.0 ? 1.0 : 0.0;
            j[4] = y > 0.0 ? 1.0 : 0.0;
        }
    }

    static void jacobianDual(double a, double u, double v, double w, double[] j) {
        jacobianPrimal(a, -u, -v, -w, j);
        for (int i = 0; i < 9; i++) {
            j[i] = -j[i];
        }
        j[0] += 1.0;
        j[4] += 1.0;
        j[8] += 1.0;
    }

    static boolean primalDifferentiable(double a, double x, double y, double z, double tol) {
        double scale = Math.max(1.0, Math.sqrt(x * x + y * y + z * z));
        double eps = tol * scale;
        if (x > eps && y > eps && Math.pow(x, a) * Math.pow(y, 1.0 - a) - Math.abs(z) > eps) {
            return true;
        }
        if (x < -eps && y < -eps && Math.pow(-x / a, a) * Math.pow(-y / (1.0 - a), 1.0 - a) - Math.abs(z) > eps) {
            return true;
        }
        if (Math.abs(z) <= eps) {
            return false;
        }
        double[] p = new double[3];
        projectPrimal(a, x, y, z, p, 0);
        double rho = Math.abs(p[2]);
        return p[0] > eps && p[1] > eps && rho > eps && Math.abs(z) - rho > eps;
    }
}
