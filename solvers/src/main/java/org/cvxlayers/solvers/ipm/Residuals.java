package org.cvxlayers.solvers.ipm;

/**
 * Residuals of the homogeneous embedding at the current iterate (scaled problem):
 * <pre>
 *   rx = P x + Aᵀ z + q τ,   rz = A x + s − b τ,   rτ = κ + qᵀx + bᵀz + xᵀPx/τ
 * </pre>
 * plus the pieces the infeasibility tests need ({@code Aᵀz}, {@code Ax + s}, {@code Px}) and dot products.
 */
final class Residuals {
    final double[] rx;
    final double[] rz;
    double rtau;
    /** Aᵀz (primal infeasibility residual). */
    final double[] rxInf;
    /** Ax + s (dual infeasibility residual). */
    final double[] rzInf;
    /** P x. */
    final double[] px;
    double dotQx;
    double dotBz;
    double dotSz;
    double dotXPx;

    Residuals(int n, int m) {
        rx = new double[n];
        rz = new double[m];
        rxInf = new double[n];
        rzInf = new double[m];
        px = new double[n];
    }

    void update(Variables v, ProblemData data) {
        int n = data.n;
        int m = data.m;
        data.p.mulSymUpperVec(1.0, v.x, 0.0, px);
        data.a.mulTransVec(1.0, v.z, 0.0, rxInf);
        data.a.mulVec(1.0, v.x, 0.0, rzInf);
        dotQx = dot(data.q, v.x, n);
        dotBz = dot(data.b, v.z, m);
        dotSz = dot(v.s, v.z, m);
        dotXPx = dot(v.x, px, n);
        for (int j = 0; j < n; j++) {
            rx[j] = px[j] + rxInf[j] + data.q[j] * v.tau;
        }
        for (int i = 0; i < m; i++) {
            rzInf[i] += v.s[i];
            rz[i] = rzInf[i] - data.b[i] * v.tau;
        }
        rtau = v.kappa + dotQx + dotBz + dotXPx / v.tau;
    }

    static double dot(double[] a, double[] b, int len) {
        double s = 0.0;
        for (int i = 0; i < len; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
