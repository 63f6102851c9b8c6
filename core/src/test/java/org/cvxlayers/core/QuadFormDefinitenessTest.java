package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DcpException;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** Definiteness of a constant quad_form matrix: sparse LDLᵀ for definite P, dense eigenvalues otherwise. */
class QuadFormDefinitenessTest {

    @Test
    void largeSparseTridiagonalQuadraticMatchesClosedForm() {
        int n = 1000;
        // Q = 1-D Laplacian + 0.1 I (positive definite, tridiagonal)
        double diag = 2.1;
        double off = -1.0;
        double[][] q = new double[n][n];
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            q[i][i] = diag;
            if (i + 1 < n) {
                q[i][i + 1] = off;
                q[i + 1][i] = off;
            }
            c[i] = Math.sin(0.37 * i) + 0.25;
        }
        Variable x = variable(n, "x");
        Problem p = Problem.minimize(quadForm(x, q).plus(constant(c).matmul(x)));
        long t0 = System.nanoTime();
        p.compile();
        System.out.printf("quad_form n=%d compile: %.3f s%n", n, (System.nanoTime() - t0) * 1e-9);
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        // min xᵀQx + cᵀx is attained at x = −½Q⁻¹c with value −¼ cᵀQ⁻¹c
        double[] y = tridiagonalSolve(diag, off, c);
        double ref = 0;
        for (int i = 0; i < n; i++) {
            ref += c[i] * y[i];
        }
        ref *= -0.25;
        assertEquals(ref, p.value(), 1e-6 * Math.abs(ref));
        double[] xv = x.vectorValue();
        double err = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            err = Math.max(err, Math.abs(xv[i] + 0.5 * y[i]));
            norm = Math.max(norm, Math.abs(0.5 * y[i]));
        }
        assertTrue(err <= 1e-5 * norm, "max |x - x*| = " + err);
    }

    @Test
    void singularPsdMatrixIsStillConvexThroughTheDenseFallback() {
        Variable x = variable(3, "x");
        // rank 2: (1,1,0) direction doubled plus 2 e3; the LDLᵀ meets a zero pivot
        double[][] q = {{1, 1, 0}, {1, 1, 0}, {0, 0, 2}};
        Expression f = quadForm(x, q);
        assertEquals(Curvature.CONVEX, f.curvature());
        assertEquals(Sign.NONNEG, f.sign());
        double[][] nq = {{-1, -1, 0}, {-1, -1, 0}, {0, 0, -2}};
        Expression g = quadForm(x, nq);
        assertEquals(Curvature.CONCAVE, g.curvature());
        assertEquals(Sign.NONPOS, g.sign());
        // not an objective term: canonicalized through the factor; min over x1 + x2 = 2 of (x1+x2)² + 2x3²
        Problem p = Problem.minimize(quadForm(x, q).plus(square(x.index(2).minus(1))),
                x.index(0).plus(x.index(1)).eq(2));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        // (x1+x2)² = 4; min 2x3² + (x3−1)² at x3 = 1/3 gives 2/3
        assertEquals(4.0 + 2.0 / 3.0, p.value(), 1e-6);
    }

    @Test
    void indefiniteMatrixIsRejected() {
        Variable x = variable(3, "x");
        double[][] q = {{2, 0, 0}, {0, -1, 0}, {0, 0, 1}};
        DcpException e = assertThrows(DcpException.class, () -> Problem.minimize(quadForm(x, q)).compile());
        assertTrue(e.getMessage().contains(
                "P is neither positive nor negative semidefinite (declare parameters PSD=True)"), e.getMessage());
        assertTrue(e.getMessage().contains("quad_form(x, "), e.getMessage());
    }

    /** Thomas algorithm for the constant tridiagonal matrix (diag on the diagonal, off beside it). */
    private static double[] tridiagonalSolve(double diag, double off, double[] rhs) {
        int n = rhs.length;
        double[] cp = new double[n];
        double[] dp = new double[n];
        cp[0] = off / diag;
        dp[0] = rhs[0] / diag;
        for (int i = 1; i < n; i++) {
            double m = diag - off * cp[i - 1];
            cp[i] = off / m;
            dp[i] = (rhs[i] - off * dp[i - 1]) / m;
        }
        double[] y = new double[n];
        y[n - 1] = dp[n - 1];
        for (int i = n - 2; i >= 0; i--) {
            y[i] = dp[i] - cp[i] * y[i + 1];
        }
        return y;
    }
}
