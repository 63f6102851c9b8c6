package org.cvxlayers.solvers.ipm;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * A random cone program built around a chosen primal–dual optimal pair: pick x, complementary s ∈ K and
 * y ∈ K* (sᵀy = 0), then set b = Ax + s and c = −Px − Aᵀy. The KKT conditions hold at (x, s, y), so the
 * optimal value is ½xᵀPx + cᵀx.
 */
record RandomConeProgram(ConeProgram program, double optimalObjective) {

    static RandomConeProgram build(long seed, int n, boolean withP, boolean withSoc) {
        return build(seed, n, withP, withSoc, null);
    }

    /** With a template: same patterns and cones as the template, new values. */
    static RandomConeProgram build(long seed, int n, boolean withP, boolean withSoc, ConeProgram template) {
        Random rnd = new Random(seed);
        List<Cone> cones;
        CscMatrix a;
        CscMatrix p;
        if (template == null) {
            cones = new ArrayList<>();
            cones.add(new ZeroCone(Math.max(1, n / 6)));
            cones.add(new NonnegativeCone(n / 2));
            if (withSoc) {
                cones.add(new SecondOrderCone(3));
                cones.add(new SecondOrderCone(8));
                cones.add(new SecondOrderCone(1));
            }
            int m = Cone.totalDim(cones);
            a = randomSparse(rnd, m, n, 0.25);
            p = withP ? gramUpper(randomSparse(rnd, n / 2, n, 0.3)) : CscMatrix.zeros(n, n);
        } else {
            cones = template.cones();
            n = template.n();
            a = template.a().withValues(new double[template.a().nnz()]);
            for (int k = 0; k < a.nnz(); k++) {
                a.values()[k] = rnd.nextGaussian();
            }
            double f = 0.5 + rnd.nextDouble();
            p = template.p().withValues(new double[template.p().nnz()]);
            for (int k = 0; k < p.nnz(); k++) {
                p.values()[k] = f * template.p().values()[k];
            }
        }
        int m = Cone.totalDim(cones);
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = rnd.nextGaussian();
        }
        double[] s = new double[m];
        double[] y = new double[m];
        int off = 0;
        for (Cone k : cones) {
            if (k instanceof ZeroCone) {
                for (int i = 0; i < k.dim(); i++) {
                    y[off + i] = rnd.nextGaussian();
                }
            } else if (k instanceof NonnegativeCone) {
                for (int i = 0; i < k.dim(); i++) {
                    if (rnd.nextBoolean()) {
                        s[off + i] = rnd.nextDouble() + 0.1;
                    } else {
                        y[off + i] = rnd.nextDouble() + 0.1;
                    }
                }
            } else {
                int d = k.dim();
                int kind = d == 1 ? rnd.nextInt(2) : rnd.nextInt(3);
                double[] u = new double[d - 1];
                double nu = 0;
                for (int i = 0; i < d - 1; i++) {
                    u[i] = rnd.nextGaussian();
                    nu += u[i] * u[i];
                }
                nu = Math.sqrt(nu);
                double alpha = 0.5 + rnd.nextDouble();
                double beta = 0.5 + rnd.nextDouble();
                if (kind == 0) { // s interior, y = 0
                    s[off] = alpha * (1 + nu);
                    for (int i = 1; i < d; i++) {
                        s[off + i] = alpha * u[i - 1];
                    }
                } else if (kind == 1) { // y interior, s = 0
                    y[off] = beta * (1 + nu);
                    for (int i = 1; i < d; i++) {
                        y[off + i] = beta * u[i - 1];
                    }
                } else { // both on the boundary, opposite directions
                    s[off] = alpha;
                    y[off] = beta;
                    for (int i = 1; i < d; i++) {
                        s[off + i] = alpha * u[i - 1] / nu;
                        y[off + i] = -beta * u[i - 1] / nu;
                    }
                }
            }
            off += k.dim();
        }
        double[] b = new double[m];
        a.mulVec(1.0, x, 0.0, b);
        for (int i = 0; i < m; i++) {
            b[i] += s[i];
        }
        double[] px = new double[n];
        p.mulSymUpperVec(1.0, x, 0.0, px);
        double[] c = new double[n];
        a.mulTransVec(1.0, y, 0.0, c);
        double obj = 0;
        for (int j = 0; j < n; j++) {
            c[j] = -(c[j] + px[j]);
            obj += 0.5 * x[j] * px[j] + c[j] * x[j];
        }
        return new RandomConeProgram(new ConeProgram(p, c, a, b, cones), obj);
    }

    static CscMatrix randomSparse(Random rnd, int rows, int cols, double density) {
        double[][] d = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (rnd.nextDouble() < density) {
                    d[i][j] = rnd.nextGaussian();
                }
            }
        }
        return CscMatrix.fromDense(d);
    }

    /** Upper triangle of MᵀM. */
    static CscMatrix gramUpper(CscMatrix mm) {
        double[][] md = mm.toDense();
        int n = mm.cols();
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = 0;
                for (double[] row : md) {
                    v += row[i] * row[j];
                }
                g[i][j] = v;
            }
        }
        return CscMatrix.fromDense(g);
    }
}
