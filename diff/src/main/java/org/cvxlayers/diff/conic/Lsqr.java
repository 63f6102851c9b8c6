package org.cvxlayers.diff.conic;

/**
 * LSQR (Paige &amp; Saunders 1982, "LSQR: An algorithm for sparse linear equations and sparse least
 * squares"): Golub–Kahan bidiagonalization with a QR update, minimizing {@code ‖Op x − b‖₂} using only
 * products with {@code Op} and {@code Opᵀ}. Written from the paper's algorithm (section 4) and its
 * stopping rules S1/S2.
 */
public final class Lsqr {
    private Lsqr() {
    }

    /**
     * Outcome of a solve.
     *
     * @param x          the approximate solution
     * @param iterations iterations taken
     * @param residual   estimate of ‖b − Op x‖
     * @param normalResidual estimate of ‖Opᵀ(b − Op x)‖
     * @param converged  whether a stopping rule (not the iteration limit) ended the run
     */
    public record Result(double[] x, int iterations, double residual, double normalResidual, boolean converged) {
    }

    /**
     * Solves {@code min ‖Op x − b‖}.
     *
     * @param atol    relative tolerance on ‖Opᵀr‖ / (‖Op‖ ‖r‖) and on the Op-error in S1
     * @param btol    relative tolerance on ‖r‖ / ‖b‖ (rule S1 for compatible systems)
     * @param maxIter iteration limit
     */
    public static Result solve(LinearOperator op, double[] b, double atol, double btol, int maxIter) {
        int m = op.rows();
        int n = op.cols();
        if (b.length != m) {
            throw new IllegalArgumentException("b has length " + b.length + " but the operator has " + m + " rows");
        }
        double[] x = new double[n];
        double[] u = b.clone();
        double beta = norm(u);
        if (beta == 0.0) {
            return new Result(x, 0, 0.0, 0.0, true);
        }
        scale(u, 1.0 / beta);
        double[] v = new double[n];
        op.applyTranspose(u, v);
        double alpha = norm(v);
        if (alpha == 0.0) {
            return new Result(x, 0, beta, 0.0, true); // b ⟂ range(Op): x = 0 is a least-squares solution
        }
        scale(v, 1.0 / alpha);
        double[] w = v.clone();
        double[] tu = new double[m];
        double[] tv = new double[n];
        double phiBar = beta;
        double rhoBar = alpha;
        double bnorm = beta;
        double anorm2 = 0.0;
        double xnorm = 0.0;
        double rnorm = beta;
        double arnorm = alpha * beta;
        int it = 0;
        boolean converged = false;
        while (it < maxIter) {
            it++;
            // bidiagonalization: β u = Op v − α u,  α v = Opᵀ u − β v
            op.apply(v, tu);
            for (int i = 0; i < m; i++) {
                u[i] = tu[i] - alpha * u[i];
            }
            beta = norm(u);
            anorm2 += alpha * alpha + beta * beta;
            if (beta > 0.0) {
                scale(u, 1.0 / beta);
                op.applyTranspose(u, tv);
                for (int i = 0; i < n; i++) {
                    v[i] = tv[i] - beta * v[i];
                }
                alpha = norm(v);
                if (alpha > 0.0) {
                    scale(v, 1.0 / alpha);
                }
            }
            // plane rotation eliminating β
            double rho = Math.hypot(rhoBar, beta);
            double c = rhoBar / rho;
            double s = beta / rho;
            double theta = s * alpha;
            rhoBar = -c * alpha;
            double phi = c * phiBar;
            phiBar = s * phiBar;
            double t1 = phi / rho;
            double t2 = -theta / rho;
            double xx = 0.0;
            for (int i = 0; i < n; i++) {
                x[i] += t1 * w[i];
                w[i] = v[i] + t2 * w[i];
                xx += x[i] * x[i];
            }
            xnorm = Math.sqrt(xx);
            rnorm = phiBar;
            arnorm = phiBar * alpha * Math.abs(c);
            double anorm = Math.sqrt(anorm2);
            boolean s1 = rnorm <= btol * bnorm + atol * anorm * xnorm;
            boolean s2 = arnorm <= atol * anorm * rnorm;
            if (s1 || s2 || alpha == 0.0 || beta == 0.0) {
                converged = true;
                break;
            }
        }
        return new Result(x, it, rnorm, arnorm, converged);
    }

    private static double norm(double[] x) {
        double s = 0.0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static void scale(double[] x, double a) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }
}
