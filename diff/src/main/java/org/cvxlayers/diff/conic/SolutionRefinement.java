package org.cvxlayers.diff.conic;

import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.projection.ProductProjection;

/**
 * Polishes an approximate primal–dual solution by semismooth Newton steps on the residual map
 * {@code R(x, v) = (P x + Aᵀ y + c, −A x + b − s)}, {@code y = Π_{K*}(v)}, {@code s = Π_K(−v)} (the map of
 * {@link SolutionMapDerivative}; the idea is Busseti, Moursi &amp; Boyd's "Solution refinement at regular
 * points of conic problems", 2019). Each step linearizes at the current point and solves
 * {@code M dz = −R} with the same factorization the derivative uses. Near a unique, strictly
 * complementary solution the convergence is quadratic; a step that does not lower ‖R‖∞ ends the run and
 * the best point seen is returned.
 */
public final class SolutionRefinement {
    private SolutionRefinement() {
    }

    /**
     * A refined point.
     *
     * @param x               primal solution
     * @param y               dual solution (in K*)
     * @param s               slack (in K, complementary to y)
     * @param initialResidual ‖R‖∞ at the input point (after projecting y − s)
     * @param finalResidual   ‖R‖∞ at the returned point
     * @param steps           Newton steps kept
     */
    public record Result(double[] x, double[] y, double[] s, double initialResidual, double finalResidual,
            int steps) {
    }

    /**
     * Refines (x, y, s) for {@code program}.
     *
     * @param maxSteps maximum Newton steps
     * @param tol      stop once ‖R‖∞ ≤ tol
     */
    public static Result refine(SolutionMapStructure structure, ConeProgram program, double[] x, double[] y,
            double[] s, int maxSteps, double tol) {
        int n = structure.n;
        int m = structure.m;
        ProductProjection proj = structure.projection;
        double[] cx = x.clone();
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            v[i] = y[i] - s[i];
        }
        double[] cy = new double[m];
        double[] cs = new double[m];
        double[] r1 = new double[n];
        double[] r2 = new double[m];
        double res = residual(program, proj, cx, v, cy, cs, r1, r2);
        double initial = res;
        int kept = 0;
        DiffOptions opts = DiffOptions.defaults();
        for (int it = 0; it < maxSteps && res > tol; it++) {
            SolutionMapDerivative d = new SolutionMapDerivative(structure, program, cx, cy, cs, opts);
            SolutionDerivative step = d.solveLinearized(r1, r2);
            double[] nx = cx.clone();
            double[] nv = v.clone();
            for (int j = 0; j < n; j++) {
                nx[j] += step.dx()[j];
            }
            for (int i = 0; i < m; i++) {
                nv[i] += step.dy()[i] - step.ds()[i];
            }
            double[] ny = new double[m];
            double[] ns = new double[m];
            double[] nr1 = new double[n];
            double[] nr2 = new double[m];
            double nres = residual(program, proj, nx, nv, ny, ns, nr1, nr2);
            if (!(nres < res)) {
                break;
            }
            cx = nx;
            v = nv;
            cy = ny;
            cs = ns;
            r1 = nr1;
            r2 = nr2;
            res = nres;
            kept++;
        }
        return new Result(cx, cy, cs, initial, res, kept);
    }

    /** y = Π_{K*}(v), s = y − v, (r1, r2) = R(x, v); returns ‖R‖∞. */
    private static double residual(ConeProgram pr, ProductProjection proj, double[] x, double[] v, double[] y,
            double[] s, double[] r1, double[] r2) {
        proj.projectDual(v, y);
        for (int i = 0; i < v.length; i++) {
            s[i] = y[i] - v[i];
        }
        System.arraycopy(pr.c(), 0, r1, 0, r1.length);
        pr.p().mulSymUpperVec(1.0, x, 1.0, r1);
        pr.a().mulTransVec(1.0, y, 1.0, r1);
        for (int i = 0; i < r2.length; i++) {
            r2[i] = pr.b()[i] - s[i];
        }
        pr.a().mulVec(-1.0, x, 1.0, r2);
        double r = 0.0;
        for (double t : r1) {
            r = Math.max(r, Math.abs(t));
        }
        for (double t : r2) {
            r = Math.max(r, Math.abs(t));
        }
        return r;
    }
}
