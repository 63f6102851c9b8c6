package org.cvxlayers.solvers.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;

/** Independent checks of optimality conditions and infeasibility certificates on the original data. */
final class KktCheck {
    private KktCheck() {
    }

    static double normInf(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** Relative primal/dual residuals, cone membership and complementarity. */
    static void assertOptimal(ConeProgram p, Solution s, double tol) {
        int n = p.n();
        int m = p.m();
        double[] r = new double[m];
        p.a().mulVec(1.0, s.x(), 0.0, r);
        for (int i = 0; i < m; i++) {
            r[i] += s.s()[i] - p.b()[i];
        }
        double scaleP = 1 + normInf(p.b()) + normInf(s.x()) + normInf(s.s());
        assertTrue(normInf(r) <= tol * scaleP, "primal residual " + normInf(r));
        double[] rd = new double[n];
        p.p().mulSymUpperVec(1.0, s.x(), 0.0, rd);
        p.a().mulTransVec(1.0, s.y(), 1.0, rd);
        for (int j = 0; j < n; j++) {
            rd[j] += p.c()[j];
        }
        double scaleD = 1 + normInf(p.c()) + normInf(s.x()) + normInf(s.y());
        assertTrue(normInf(rd) <= tol * scaleD, "dual residual " + normInf(rd));
        assertInCone(p, s.s(), true, tol * (1 + normInf(s.s())));
        assertInCone(p, s.y(), false, tol * (1 + normInf(s.y())));
        double sy = 0;
        for (int i = 0; i < m; i++) {
            sy += s.s()[i] * s.y()[i];
        }
        assertTrue(Math.abs(sy) <= tol * (1 + Math.abs(s.objective())) * 10, "complementarity " + sy);
        assertTrue(Math.abs(s.info().primalObjective() - s.info().dualObjective())
                <= tol * (1 + Math.abs(s.objective())), "gap");
    }

    /** y ∈ K*, Aᵀy ≈ 0, bᵀy = −1. */
    static void assertPrimalInfeasibilityCertificate(ConeProgram p, Solution s, double tol) {
        double[] y = s.y();
        double by = 0;
        for (int i = 0; i < p.m(); i++) {
            by += p.b()[i] * y[i];
        }
        assertEquals(-1.0, by, 1e-9);
        double[] aty = new double[p.n()];
        p.a().mulTransVec(1.0, y, 0.0, aty);
        assertTrue(normInf(aty) <= tol * Math.max(1, normInf(y)), "Aᵀy = " + normInf(aty));
        assertInCone(p, y, false, tol * Math.max(1, normInf(y)));
    }

    /** Px ≈ 0, Ax + s ≈ 0, s ∈ K, cᵀx = −1. */
    static void assertDualInfeasibilityCertificate(ConeProgram p, Solution s, double tol) {
        double[] x = s.x();
        double cx = 0;
        for (int j = 0; j < p.n(); j++) {
            cx += p.c()[j] * x[j];
        }
        assertEquals(-1.0, cx, 1e-9);
        double[] px = new double[p.n()];
        p.p().mulSymUpperVec(1.0, x, 0.0, px);
        assertTrue(normInf(px) <= tol * Math.max(1, normInf(x)), "Px = " + normInf(px));
        double[] r = new double[p.m()];
        p.a().mulVec(1.0, x, 0.0, r);
        for (int i = 0; i < p.m(); i++) {
            r[i] += s.s()[i];
        }
        assertTrue(normInf(r) <= tol * Math.max(1, normInf(x) + normInf(s.s())), "Ax + s = " + normInf(r));
        assertInCone(p, s.s(), true, tol * Math.max(1, normInf(s.s())));
    }

    /** Membership in K (primal) or K* (dual) up to tol. */
    static void assertInCone(ConeProgram p, double[] v, boolean primal, double tol) {
        int off = 0;
        for (Cone k : p.cones()) {
            if (k instanceof ZeroCone) {
                if (primal) {
                    for (int i = 0; i < k.dim(); i++) {
                        assertTrue(Math.abs(v[off + i]) <= tol, "zero cone entry " + v[off + i]);
                    }
                }
            } else if (k instanceof NonnegativeCone) {
                for (int i = 0; i < k.dim(); i++) {
                    assertTrue(v[off + i] >= -tol, "orthant entry " + v[off + i]);
                }
            } else if (k instanceof SecondOrderCone) {
                double t = 0;
                for (int i = 1; i < k.dim(); i++) {
                    t += v[off + i] * v[off + i];
                }
                assertTrue(v[off] - Math.sqrt(t) >= -tol, "second-order cone margin " + (v[off] - Math.sqrt(t)));
            }
            off += k.dim();
        }
    }
}
