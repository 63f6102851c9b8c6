package org.cvxlayers.diff.conic;

import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.ZeroCone;

/**
 * Test-only exact solver for QPs/LPs with zero and orthant cones when the active set is known and stays
 * fixed: solves {@code [[P, A_actᵀ], [A_act, 0]] [x; y_act] = [−c; b_act]} densely.
 */
final class ActiveSetSolver {
    private final boolean[] active;

    /** Active rows: zero-cone rows and the inequality rows with y_i &gt; 0 at the reference solution. */
    ActiveSetSolver(ConeProgram program, double[] y) {
        int m = program.m();
        active = new boolean[m];
        int row = 0;
        for (Cone k : program.cones()) {
            for (int t = 0; t < k.dim(); t++, row++) {
                if (k instanceof ZeroCone) {
                    active[row] = true;
                } else if (k instanceof NonnegativeCone) {
                    active[row] = y[row] > 0;
                } else {
                    throw new IllegalArgumentException("active-set test solver handles zero/orthant cones only");
                }
            }
        }
    }

    /** Returns {x, y, s} of the program (assuming the active set is unchanged). */
    double[][] solve(ConeProgram pr) {
        int n = pr.n();
        int m = pr.m();
        double[][] p = pr.p().toDense();
        double[][] a = pr.a().toDense();
        int[] idx = new int[m];
        int na = 0;
        for (int i = 0; i < m; i++) {
            if (active[i]) {
                idx[na++] = i;
            }
        }
        double[][] k = new double[n + na][n + na];
        double[] rhs = new double[n + na];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                k[i][j] = i <= j ? p[i][j] : p[j][i];
            }
            rhs[i] = -pr.c()[i];
        }
        for (int t = 0; t < na; t++) {
            for (int j = 0; j < n; j++) {
                k[n + t][j] = a[idx[t]][j];
                k[j][n + t] = a[idx[t]][j];
            }
            rhs[n + t] = pr.b()[idx[t]];
        }
        double[] sol = TestPrograms.solveDense(k, rhs);
        double[] x = java.util.Arrays.copyOf(sol, n);
        double[] y = new double[m];
        for (int t = 0; t < na; t++) {
            y[idx[t]] = sol[n + t];
        }
        double[] s = pr.b().clone();
        pr.a().mulVec(-1.0, x, 1.0, s);
        for (int t = 0; t < na; t++) {
            s[idx[t]] = 0.0;
        }
        return new double[][] {x, y, s};
    }
}
