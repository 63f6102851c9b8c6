package org.cvxlayers.diff.conic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.cones.projection.ConeProjections;
import org.cvxlayers.solvers.cones.projection.ProductProjection;
import org.cvxlayers.solvers.sparse.CscMatrix;

/** Random cone programs whose optimal primal–dual solution is known by construction. */
final class TestPrograms {
    private TestPrograms() {
    }

    /** A program with its solution. */
    record Instance(ConeProgram program, double[] x, double[] y, double[] s) {
    }

    /** Random m×n matrix with the given density (every row and column gets at least one entry). */
    static CscMatrix randomMatrix(int m, int n, double density, Random rnd) {
        double[][] d = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (rnd.nextDouble() < density) {
                    d[i][j] = rnd.nextGaussian();
                }
            }
            d[i][rnd.nextInt(n)] = rnd.nextGaussian() + 2.0;
        }
        for (int j = 0; j < n; j++) {
            d[rnd.nextInt(m)][j] += rnd.nextGaussian();
        }
        return CscMatrix.fromDense(d);
    }

    /** Upper triangle of G Gᵀ + 0.5 I with a sparse G (n×n), or the empty matrix if !quadratic. */
    static CscMatrix randomP(int n, boolean quadratic, Random rnd) {
        if (!quadratic) {
            return CscMatrix.zeros(n, n);
        }
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (rnd.nextDouble() < 0.3) {
                    g[i][j] = rnd.nextGaussian();
                }
            }
        }
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = i == j ? 0.5 : 0.0;
                for (int k = 0; k < n; k++) {
                    s += g[i][k] * g[j][k];
                }
                p[i][j] = s;
            }
        }
        return CscMatrix.fromDense(p);
    }

    /**
     * Random program with the given cones: x random, v random, y = Π_{K*}(v), s = Π_K(−v) (complementary,
     * generically strictly), b = Ax + s, c = −Px − Aᵀy.
     */
    static Instance random(int n, List<Cone> cones, boolean quadratic, long seed) {
        Random rnd = new Random(seed);
        int m = Cone.totalDim(cones);
        CscMatrix a = randomMatrix(m, n, 0.4, rnd);
        CscMatrix p = randomP(n, quadratic, rnd);
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            v[i] = rnd.nextGaussian();
        }
        return complete(p, a, cones, randomVector(n, rnd), v);
    }

    static Instance complete(CscMatrix p, CscMatrix a, List<Cone> cones, double[] x, double[] v) {
        int m = a.rows();
        int n = a.cols();
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
        return new Instance(new ConeProgram(p, c, a, b, cones), x, y, s);
    }

    /**
     * An LP (P = 0) with {@code eq} equality rows and {@code ineq} inequality rows whose solution is a
     * nondegenerate vertex: exactly n − eq inequalities are active (y &gt; 0, s = 0), the rest inactive.
     */
    static Instance lpVertex(int n, int eq, int ineq, long seed) {
        Random rnd = new Random(seed);
        List<Cone> cones = new ArrayList<>();
        if (eq > 0) {
            cones.add(new ZeroCone(eq));
        }
        cones.add(new NonnegativeCone(ineq));
        int m = eq + ineq;
        CscMatrix a = randomMatrix(m, n, 0.5, rnd);
        double[] v = new double[m];
        for (int i = 0; i < eq; i++) {
            v[i] = rnd.nextGaussian();
        }
        int active = n - eq;
        for (int i = eq; i < m; i++) {
            double mag = 0.5 + rnd.nextDouble();
            v[i] = (i - eq) < active ? mag : -mag;
        }
        return complete(CscMatrix.zeros(n, n), a, cones, randomVector(n, rnd), v);
    }

    static double[] randomVector(int n, Random rnd) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian();
        }
        return x;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Dense solve by Gaussian elimination with partial pivoting (tests only). */
    static double[] solveDense(double[][] k, double[] rhs) {
        int n = rhs.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = k[i].clone();
        }
        double[] b = rhs.clone();
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(a[i][col]) > Math.abs(a[piv][col])) {
                    piv = i;
                }
            }
            double[] tr = a[col];
            a[col] = a[piv];
            a[piv] = tr;
            double tb = b[col];
            b[col] = b[piv];
            b[piv] = tb;
            for (int i = col + 1; i < n; i++) {
                double f = a[i][col] / a[col][col];
                if (f == 0.0) {
                    continue;
                }
                for (int j = col; j < n; j++) {
                    a[i][j] -= f * a[col][j];
                }
                b[i] -= f * b[col];
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= a[i][j] * x[j];
            }
            x[i] = s / a[i][i];
        }
        return x;
    }
}
