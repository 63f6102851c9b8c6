package org.cvxlayers.benchmarks.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.io.ProblemFile;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * An LP/QP read by our readers, in the form the peer solvers take:
 * {@code min ½xᵀPx + cᵀx + constant s.t. Aeq x = beq, G x ≤ h, lb ≤ x ≤ ub}. Rows of the cone program with a
 * single entry become bounds again (the readers turn MPS bounds into rows), so peers see the file's bounds.
 */
final class LinearQp {
    /** One sparse row with its right-hand side. */
    record Row(int[] idx, double[] val, double rhs) {
    }

    final ProblemFile file;
    final int n;
    final CscMatrix pUpper;
    final double[] c;
    final List<Row> eq = new ArrayList<>();
    final List<Row> ineq = new ArrayList<>();
    final double[] lb;
    final double[] ub;

    private LinearQp(ProblemFile file) {
        this.file = file;
        ConeProgram prog = file.program();
        this.n = prog.n();
        this.pUpper = prog.p();
        this.c = prog.c();
        this.lb = new double[n];
        this.ub = new double[n];
        Arrays.fill(lb, Double.NEGATIVE_INFINITY);
        Arrays.fill(ub, Double.POSITIVE_INFINITY);
        CscMatrix at = prog.a().transpose(); // column r of Aᵀ = row r of A
        int row = 0;
        for (Cone k : prog.cones()) {
            boolean equality = k instanceof ZeroCone;
            if (!equality && !(k instanceof NonnegativeCone)) {
                throw new IllegalArgumentException(file.name() + ": peers take LPs and QPs only, found " + k);
            }
            for (int r = row; r < row + k.dim(); r++) {
                int s = at.colPtr()[r];
                int e = at.colPtr()[r + 1];
                double b = prog.b()[r];
                if (e - s == 1 && at.values()[s] != 0.0) {
                    int j = at.rowIdx()[s];
                    double v = b / at.values()[s];
                    if (equality) {
                        lb[j] = Math.max(lb[j], v);
                        ub[j] = Math.min(ub[j], v);
                    } else if (at.values()[s] > 0) {
                        ub[j] = Math.min(ub[j], v);
                    } else {
                        lb[j] = Math.max(lb[j], v);
                    }
                } else if (e > s) {
                    Row rr = new Row(Arrays.copyOfRange(at.rowIdx(), s, e), Arrays.copyOfRange(at.values(), s, e), b);
                    (equality ? eq : ineq).add(rr);
                }
            }
            row += k.dim();
        }
    }

    static LinearQp of(ProblemFile file) {
        return new LinearQp(file);
    }

    boolean isLp() {
        return pUpper.nnz() == 0;
    }

    /** The objective as the file states it at x. */
    double fileObjective(double[] x) {
        ConeProgram prog = file.program();
        double[] px = new double[n];
        pUpper.mulSymUpperVec(1.0, x, 0.0, px);
        double f = prog.constant();
        for (int j = 0; j < n; j++) {
            f += 0.5 * x[j] * px[j] + c[j] * x[j];
        }
        return file.fileObjective(f);
    }

    /** Largest violation of the program's rows at x (absolute). */
    double violation(double[] x) {
        ConeProgram prog = file.program();
        double[] s = prog.b().clone();
        prog.a().mulVec(-1.0, x, 1.0, s);
        double worst = 0.0;
        int row = 0;
        for (Cone k : prog.cones()) {
            for (int r = row; r < row + k.dim(); r++) {
                worst = Math.max(worst, k instanceof ZeroCone ? Math.abs(s[r]) : Math.max(0.0, -s[r]));
            }
            row += k.dim();
        }
        return worst;
    }

    /** Dense symmetric P (both triangles). */
    double[][] denseP() {
        double[][] p = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int k = pUpper.colPtr()[j]; k < pUpper.colPtr()[j + 1]; k++) {
                int i = pUpper.rowIdx()[k];
                p[i][j] += pUpper.values()[k];
                if (i != j) {
                    p[j][i] += pUpper.values()[k];
                }
            }
        }
        return p;
    }

    static double[][] dense(List<Row> rows, int n) {
        double[][] a = new double[rows.size()][n];
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (int k = 0; k < row.idx().length; k++) {
                a[r][row.idx()[k]] += row.val()[k];
            }
        }
        return a;
    }

    static double[] rhs(List<Row> rows) {
        double[] b = new double[rows.size()];
        for (int r = 0; r < b.length; r++) {
            b[r] = rows.get(r).rhs();
        }
        return b;
    }

    /** Number of finite bounds. */
    int finiteBounds() {
        int k = 0;
        for (int j = 0; j < n; j++) {
            if (lb[j] > Double.NEGATIVE_INFINITY) {
                k++;
            }
            if (ub[j] < Double.POSITIVE_INFINITY) {
                k++;
            }
        }
        return k;
    }
}
