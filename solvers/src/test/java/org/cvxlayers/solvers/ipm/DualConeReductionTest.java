package org.cvxlayers.solvers.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.DualExponentialCone;
import org.cvxlayers.solvers.cones.DualPowerCone;
import org.cvxlayers.solvers.cones.ExponentialCone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PowerCone;
import org.cvxlayers.solvers.ipm.cones.ExponentialConeIpm;
import org.cvxlayers.solvers.ipm.cones.PowerConeIpm;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.junit.jupiter.api.Test;

/** The dual-cone rewriting: membership equivalences, reduced data and the map back of solutions. */
class DualConeReductionTest {

    @Test
    void dualExponentialMembershipMatchesTheMappedPrimalCone() {
        ExponentialConeIpm exp = new ExponentialConeIpm(0);
        Random rnd = new Random(31);
        int inside = 0;
        for (int t = 0; t < 20000; t++) {
            double u = 3 * rnd.nextGaussian();
            double v = 3 * rnd.nextGaussian();
            double w = 3 * rnd.nextGaussian();
            // K*_exp by its definition: u < 0, −u·exp(v/u) ≤ e·w (interior: strict)
            boolean inDual = u < 0 && -u * Math.exp(v / u) < Math.E * w;
            boolean inMapped = exp.isPrimalInterior(u - v, -u, w);
            if (Math.abs(-u * Math.exp(v / u) - Math.E * w) > 1e-9 * (1 + Math.abs(w))) {
                assertEquals(inDual, inMapped, "(" + u + ", " + v + ", " + w + ")");
                assertEquals(inDual, exp.isDualInterior(u, v, w), "dual barrier domain");
            }
            inside += inDual ? 1 : 0;
        }
        assertTrue(inside > 2000 && inside < 18000, "sample covers both sides: " + inside);
    }

    @Test
    void dualPowerMembershipMatchesTheMappedPrimalCone() {
        Random rnd = new Random(32);
        for (double alpha : new double[] {0.2, 0.5, 0.7}) {
            PowerConeIpm pow = new PowerConeIpm(0, alpha);
            for (int t = 0; t < 5000; t++) {
                double u = Math.abs(2 * rnd.nextGaussian());
                double v = Math.abs(2 * rnd.nextGaussian());
                double w = 2 * rnd.nextGaussian();
                boolean inDual = Math.pow(u / alpha, alpha) * Math.pow(v / (1 - alpha), 1 - alpha) > Math.abs(w);
                assertEquals(inDual, pow.isPrimalInterior(u / alpha, v / (1 - alpha), w));
                assertEquals(inDual, pow.isDualInterior(u, v, w));
            }
        }
    }

    private static ConeProgram program(Random rnd) {
        // rows: 2 nonnegative, dual exp (3), dual pow α=0.3 (3), exp (3)
        int m = 11;
        int n = 4;
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = rnd.nextDouble() < 0.6 ? rnd.nextGaussian() : 0.0;
            }
        }
        double[] b = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = rnd.nextGaussian();
        }
        double[] c = {1, -2, 0.5, 3};
        List<Cone> cones = List.of(new NonnegativeCone(2), new DualExponentialCone(), new DualPowerCone(0.3),
                new ExponentialCone());
        return new ConeProgram(CscMatrix.zeros(n, n), c, CscMatrix.fromDense(a), b, cones, 1.5);
    }

    private static double[][] blockMap(int row) {
        // full m×m block-diagonal map M
        double[][] mm = new double[11][11];
        for (int i = 0; i < 11; i++) {
            mm[i][i] = 1;
        }
        double[][] e = {{1, -1, 0}, {-1, 0, 0}, {0, 0, 1}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                mm[2 + i][2 + j] = e[i][j];
            }
        }
        mm[5][5] = 1 / 0.3;
        mm[6][6] = 1 / 0.7;
        return mm;
    }

    @Test
    void reducedDataIsTheBlockMapAppliedToAAndB() {
        Random rnd = new Random(33);
        ConeProgram p = program(rnd);
        DualConeReduction red = DualConeReduction.of(p);
        assertTrue(red.changed());
        ConeProgram q = red.reduced();
        assertEquals(List.of(new NonnegativeCone(2), new ExponentialCone(), new PowerCone(0.3), new ExponentialCone()),
                q.cones());
        double[][] mm = blockMap(0);
        double[][] a = p.a().toDense();
        double[][] ra = q.a().toDense();
        for (int i = 0; i < 11; i++) {
            double bi = 0;
            for (int k = 0; k < 11; k++) {
                bi += mm[i][k] * p.b()[k];
            }
            assertEquals(bi, q.b()[i], 1e-14);
            for (int j = 0; j < 4; j++) {
                double v = 0;
                for (int k = 0; k < 11; k++) {
                    v += mm[i][k] * a[k][j];
                }
                assertEquals(v, ra[i][j], 1e-14, "A'[" + i + "," + j + "]");
            }
        }
        assertEquals(1.5, q.constant());
        // new values on the same pattern give the same as a fresh reduction
        double[] vals = p.a().values().clone();
        for (int k = 0; k < vals.length; k++) {
            vals[k] *= -2.0;
        }
        double[] reducedVals = red.reduceAValues(vals);
        CscMatrix again = DualConeReduction.of(new ConeProgram(p.p(), p.c(), p.a().withValues(vals), p.b(), p.cones()))
                .reduced().a();
        double[][] d1 = q.a().withValues(reducedVals).toDense();
        double[][] d2 = again.toDense();
        for (int i = 0; i < 11; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(d2[i][j], d1[i][j], 1e-14);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> red.reduceAValues(new double[3]));
    }

    @Test
    void solutionsMapBackWithInverseForSlacksAndTransposeForDuals() {
        Random rnd = new Random(34);
        ConeProgram p = program(rnd);
        DualConeReduction red = DualConeReduction.of(p);
        ConeProgram q = red.reduced();
        double[] x = {0.3, -1.0, 2.0, 0.7};
        // slack of the reduced problem at x, and a random reduced dual
        double[] sPrime = q.b().clone();
        q.a().mulVec(-1.0, x, 1.0, sPrime);
        double[] yPrime = new double[11];
        for (int i = 0; i < 11; i++) {
            yPrime[i] = rnd.nextGaussian();
        }
        SolveInfo info = new SolveInfo(0, 0, 0, 0, 0, 0, 0, 0);
        Solution back = red.restore(new Solution(x, yPrime, sPrime, SolveStatus.SOLVED, info));
        // A x + s = b in the original data
        double[] r = p.b().clone();
        p.a().mulVec(-1.0, x, 1.0, r);
        for (int i = 0; i < 11; i++) {
            assertEquals(r[i], back.s()[i], 1e-12, "s = M⁻¹ s'");
        }
        // Aᵀy = A'ᵀy' and bᵀy = b'ᵀy'
        double[] aty = new double[4];
        double[] atyp = new double[4];
        p.a().mulTransVec(1.0, back.y(), 0.0, aty);
        q.a().mulTransVec(1.0, yPrime, 0.0, atyp);
        for (int j = 0; j < 4; j++) {
            assertEquals(atyp[j], aty[j], 1e-12);
        }
        double by = 0;
        double bpyp = 0;
        for (int i = 0; i < 11; i++) {
            by += p.b()[i] * back.y()[i];
            bpyp += q.b()[i] * yPrime[i];
        }
        assertEquals(bpyp, by, 1e-12);
        // sᵀy is preserved too (complementarity)
        double sy = 0;
        double spyp = 0;
        for (int i = 0; i < 11; i++) {
            sy += back.s()[i] * back.y()[i];
            spyp += sPrime[i] * yPrime[i];
        }
        assertEquals(spyp, sy, 1e-12);
    }

    @Test
    void programsWithoutDualBlocksAreUntouched() {
        ConeProgram p = new ConeProgram(CscMatrix.zeros(1, 1), new double[] {1}, CscMatrix.fromDense(new double[][] {{1}, {2}, {3}}),
                new double[] {1, 2, 3}, List.of(new ExponentialCone()));
        DualConeReduction red = DualConeReduction.of(p);
        assertFalse(red.changed());
        assertSame(p, red.reduced());
    }
}
