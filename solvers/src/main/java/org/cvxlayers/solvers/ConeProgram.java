package org.cvxlayers.solvers;

import java.util.List;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * A cone program in the solvers' standard form
 * <pre>
 *   minimize    ½ xᵀ P x + cᵀ x + constant
 *   subject to  A x + s = b,   s ∈ K = K₁ × … × K_p
 * </pre>
 * with dual {@code P x + Aᵀ y + c = 0, y ∈ K*}. {@code P} (n×n, positive semidefinite) is stored as its
 * upper triangle; {@code A} is m×n; the cones cover the m rows of {@code A} in order.
 *
 * <p>The record holds references, not copies; treat the arrays as read-only once a program is built.
 *
 * @param p        upper triangle of the quadratic term, n×n (use {@link CscMatrix#zeros} for an LP)
 * @param c        linear term, length n
 * @param a        constraint matrix, m×n
 * @param b        right-hand side, length m
 * @param cones    cones covering the m rows in order
 * @param constant objective offset (reported in objectives, irrelevant to the solve)
 */
public record ConeProgram(CscMatrix p, double[] c, CscMatrix a, double[] b, List<Cone> cones, double constant) {

    public ConeProgram {
        cones = List.copyOf(cones);
        int n = c.length;
        int m = b.length;
        if (p.rows() != n || p.cols() != n) {
            throw new IllegalArgumentException("P is " + p.rows() + "x" + p.cols() + " but c has length " + n);
        }
        if (a.rows() != m || a.cols() != n) {
            throw new IllegalArgumentException(
                    "A is " + a.rows() + "x" + a.cols() + " but expected " + m + "x" + n + " from b and c");
        }
        int coneDim = Cone.totalDim(cones);
        if (coneDim != m) {
            throw new IllegalArgumentException("cones cover " + coneDim + " rows but A has " + m);
        }
    }

    /** A program without objective offset. */
    public ConeProgram(CscMatrix p, double[] c, CscMatrix a, double[] b, List<Cone> cones) {
        this(p, c, a, b, cones, 0.0);
    }

    /** Number of variables. */
    public int n() {
        return c.length;
    }

    /** Number of constraint rows. */
    public int m() {
        return b.length;
    }
}
