package org.cvxlayers.benchmarks.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.cones.projection.ConeProjections;
import org.cvxlayers.solvers.cones.projection.ProductProjection;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * Seeded random sparse programs for the differentiation benchmarks, feasible and bounded by construction
 * (x random, y = Π_{K*}(v), s = Π_K(−v), b = Ax + s, c = −Px − Aᵀy).
 */
final class DiffBenchmarkPrograms {
    private DiffBenchmarkPrograms() {
    }

    /** Builds one program: kind is lp, qp, socp or sdp; n the number of variables. */
    static ConeProgram build(String kind, int n, long seed) {
        Random rnd = new Random(seed);
        List<Cone> cones = new ArrayList<>();
        boolean quadratic = false;
        double[] v;
        int m;
        switch (kind) {
            case "lp" -> {
                // vertex LP: n − n/4 active inequalities among 2n, n/4 equalities
                int eq = n / 4;
                int ineq = 2 * n;
                cones.add(new ZeroCone(eq));
                cones.add(new NonnegativeCone(ineq));
                m = eq + ineq;
                v = new double[m];
                for (int i = 0; i < eq; i++) {
                    v[i] = rnd.nextGaussian();
                }
                for (int i = 0; i < ineq; i++) {
                    double mag = 0.5 + rnd.nextDouble();
                    v[eq + i] = i < n - eq ? mag : -mag;
                }
            }
            case "qp" -> {
                quadratic = true;
                cones.add(new ZeroCone(n / 4));
                cones.add(new NonnegativeCone(n));
                m = n / 4 + n;
                v = gaussian(m, rnd);
            }
            case "socp" -> {
                quadratic = true;
                int blocks = n / 5;
                for (int k = 0; k < blocks; k++) {
                    cones.add(new SecondOrderCone(5));
                }
                cones.add(new NonnegativeCone(n / 2));
                m = 5 * blocks + n / 2;
                v = gaussian(m, rnd);
            }
            case "sdp" -> {
                quadratic = true;
                int order = Math.max(2, (int) Math.round(Math.sqrt(n)));
                cones.add(new PsdCone(order));
                cones.add(new NonnegativeCone(n / 2));
                m = order * (order + 1) / 2 + n / 2;
                v = gaussian(m, rnd);
            }
            default -> throw new IllegalArgumentException("unknown benchmark program kind " + kind);
        }
        CscMatrix a = sparseMatrix(m, n, Math.min(1.0, 6.0 / n), rnd);
        CscMatrix p = quadratic ? sparsePsdUpper(n, rnd) : CscMatrix.zeros(n, n);
        double[] x = gaussian(n, rnd);
        ProductProjection proj = ConeProjections.product(cones);
        double[] y = new double[m];
        double[] s = new double[m];
        double[] mv = new double[m];
        for (int i = 0; i < m; i++) {
            mv[i] = -v[i];
        }
        proj.projectDual(v, y);
        proj.project(mv, s);
        double[] b = s.clone();
        a.mulVec(1.0, x, 1.0, b);
        double[] c = new double[n];
        p.mulSymUpperVec(-1.0, x, 0.0, c);
        a.mulTransVec(-1.0, y, 1.0, c);
        return new ConeProgram(p, c, a, b, cones);
    }

    static double[] gaussian(int k, Random rnd) {
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = rnd.nextGaussian();
        }
        return x;
    }

    /** Random sparse matrix with about density·m·n entries, each row and column nonempty. */
    static CscMatrix sparseMatrix(int m, int n, double density, Random rnd) {
        int cap = (int) (density * m * n) + m + n + 8;
        int[] ti = new int[cap];
        int[] tj = new int[cap];
        double[] tv = new double[cap];
        int k = 0;
        for (int i = 0; i < m; i++) {
            ti[k] = i;
            tj[k] = rnd.nextInt(n);
            tv[k++] = 2.0 + rnd.nextGaussian();
        }
        for (int j = 0; j < n; j++) {
            ti[k] = rnd.nextInt(m);
            tj[k] = j;
            tv[k++] = rnd.nextGaussian();
        }
        while (k < cap) {
            ti[k] = rnd.nextInt(m);
            tj[k] = rnd.nextInt(n);
            tv[k++] = rnd.nextGaussian();
        }
        return CscMatrix.fromTriplets(m, n, ti, tj, tv, k);
    }

    /** Upper triangle of a sparse diagonally dominant (hence positive definite) matrix. */
    static CscMatrix sparsePsdUpper(int n, Random rnd) {
        int off = 2 * n;
        int[] ti = new int[n + off];
        int[] tj = new int[n + off];
        double[] tv = new double[n + off];
        double[] rowSum = new double[n];
        int k = 0;
        for (int t = 0; t < off; t++) {
            int i = rnd.nextInt(n);
            int j = rnd.nextInt(n);
            if (i == j) {
                continue;
            }
            double val = 0.5 * rnd.nextGaussian();
            ti[k] = Math.min(i, j);
            tj[k] = Math.max(i, j);
            tv[k++] = val;
            rowSum[i] += Math.abs(val);
            rowSum[j] += Math.abs(val);
        }
        for (int i = 0; i < n; i++) {
            ti[k] = i;
            tj[k] = i;
            tv[k++] = 1.0 + rowSum[i];
        }
        return CscMatrix.fromTriplets(n, n, ti, tj, tv, k);
    }
}
