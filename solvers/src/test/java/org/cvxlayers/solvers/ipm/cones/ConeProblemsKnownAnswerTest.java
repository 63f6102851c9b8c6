package org.cvxlayers.solvers.ipm.cones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.DualExponentialCone;
import org.cvxlayers.solvers.cones.DualPowerCone;
import org.cvxlayers.solvers.cones.ExponentialCone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PowerCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.ipm.InteriorPointSolver;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.ipm.SolveStatus;
import org.cvxlayers.solvers.ipm.SolverSettings;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.junit.jupiter.api.Test;

/**
 * Small problems with analytic (or independently computed) optima, solved end to end by the interior-point
 * solver with exponential, power and PSD cones.
 */
class ConeProblemsKnownAnswerTest {

    /** Builds {@code A x + s = b, s ∈ K} row by row. */
    static final class Builder {
        final int n;
        final double[] c;
        final List<double[]> rows = new ArrayList<>();
        final List<Double> rhs = new ArrayList<>();
        final List<Cone> cones = new ArrayList<>();

        Builder(int n) {
            this.n = n;
            this.c = new double[n];
        }

        /** One row {@code s = b − aᵀx}; the caller adds the cone after its rows. */
        Builder row(double b, double... coefAndIndex) {
            double[] a = new double[n];
            for (int k = 0; k < coefAndIndex.length; k += 2) {
                a[(int) coefAndIndex[k + 1]] += coefAndIndex[k];
            }
            rows.add(a);
            rhs.add(b);
            return this;
        }

        Builder cone(Cone k) {
            cones.add(k);
            return this;
        }

        ConeProgram build() {
            double[][] a = rows.toArray(new double[0][]);
            double[] b = new double[rhs.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = rhs.get(i);
            }
            return new ConeProgram(CscMatrix.zeros(n, n), c, CscMatrix.fromDense(a), b, cones);
        }
    }

    static Solution solve(ConeProgram p) {
        Solution sol = InteriorPointSolver.solve(p, SolverSettings.defaults());
        assertEquals(SolveStatus.SOLVED, sol.status(), "status after " + sol.info().iterations() + " iterations");
        return sol;
    }

    /** Objectives to 1e-6 relative; points are only as accurate as √tolerance allows, so they get 1e-4. */
    static void assertObjective(double expected, Solution sol) {
        assertEquals(expected, sol.objective(), 1e-6 * Math.max(1.0, Math.abs(expected)));
    }

    @Test
    void entropyMaximizationGivesLogSumExp() {
        // maximize Σ −xᵢ log xᵢ + cᵢ xᵢ  s.t. Σ xᵢ = 1  ⇒ xᵢ ∝ exp(cᵢ), optimum log Σ exp(cᵢ)
        double[] cc = {0.3, -1.0, 2.0, 0.0, 0.5};
        int m = cc.length;
        // variables: x (0..m−1), t (m..2m−1); minimize −Σ tᵢ − Σ cᵢ xᵢ
        Builder bld = new Builder(2 * m);
        for (int i = 0; i < m; i++) {
            bld.c[i] = -cc[i];
            bld.c[m + i] = -1.0;
        }
        double[] sum = new double[2 * m];
        for (int i = 0; i < m; i++) {
            sum[2 * i] = 1.0;
            sum[2 * i + 1] = i;
        }
        bld.row(1.0, sum).cone(new ZeroCone(1));
        for (int i = 0; i < m; i++) {
            // (tᵢ, xᵢ, 1) ∈ K_exp ⇔ xᵢ exp(tᵢ/xᵢ) ≤ 1 ⇔ tᵢ ≤ −xᵢ log xᵢ
            bld.row(0.0, -1.0, m + i).row(0.0, -1.0, i).row(1.0).cone(new ExponentialCone());
        }
        Solution sol = solve(bld.build());
        double lse = 0;
        for (double v : cc) {
            lse += Math.exp(v);
        }
        assertObjective(-Math.log(lse), sol);
        for (int i = 0; i < m; i++) {
            assertEquals(Math.exp(cc[i]) / lse, sol.x()[i], 1e-4);
        }
    }

    @Test
    void geometricProgramInLogVariables() {
        // minimize x + 2y + 3z s.t. xyz ≥ 1: AM–GM gives 3·6^(1/3)
        // variables u, v, w (logs), t1, t2, t3; minimize t1 + 2 t2 + 3 t3, u + v + w ≥ 0, e^u ≤ t1 …
        Builder bld = new Builder(6);
        bld.c[3] = 1;
        bld.c[4] = 2;
        bld.c[5] = 3;
        bld.row(0.0, -1, 0, -1, 1, -1, 2).cone(new NonnegativeCone(1));
        for (int i = 0; i < 3; i++) {
            bld.row(0.0, -1, i).row(1.0).row(0.0, -1, 3 + i).cone(new ExponentialCone());
        }
        Solution sol = solve(bld.build());
        assertObjective(3.0 * Math.cbrt(6.0), sol);
        assertEquals(0.0, sol.x()[0] + sol.x()[1] + sol.x()[2], 1e-5);
    }

    @Test
    void posynomialConstraint() {
        // minimize 1/(xy) s.t. x + y ≤ 1 ⇒ x = y = ½, log optimum 2 log 2
        // variables u, v, t1, t2; minimize −u − v; e^u ≤ t1, e^v ≤ t2, t1 + t2 ≤ 1
        Builder bld = new Builder(4);
        bld.c[0] = -1;
        bld.c[1] = -1;
        bld.row(1.0, 1, 2, 1, 3).cone(new NonnegativeCone(1));
        bld.row(0.0, -1, 0).row(1.0).row(0.0, -1, 2).cone(new ExponentialCone());
        bld.row(0.0, -1, 1).row(1.0).row(0.0, -1, 3).cone(new ExponentialCone());
        Solution sol = solve(bld.build());
        assertObjective(2.0 * Math.log(2.0), sol);
        assertEquals(-Math.log(2.0), sol.x()[0], 1e-4);
    }

    @Test
    void dualExponentialConeThroughTheReduction() {
        // minimize w s.t. (−1, 2, w) ∈ K*_exp ⇔ e^(−2) ≤ e·w ⇒ w = e^(−3)
        Builder bld = new Builder(1);
        bld.c[0] = 1;
        bld.row(-1.0).row(2.0).row(0.0, -1, 0).cone(new DualExponentialCone());
        Solution sol = solve(bld.build());
        assertObjective(Math.exp(-3.0), sol);
        // the slack is reported in the original (dual-cone) coordinates
        assertEquals(-1.0, sol.s()[0], 1e-7);
        assertEquals(2.0, sol.s()[1], 1e-7);
        // new b on the same pattern goes through the reduction too: (−1, 3, w) ⇒ w = e^(−4)
        ConeProgram p = bld.build();
        InteriorPointSolver solver = new InteriorPointSolver(p, SolverSettings.defaults());
        solver.update(null, null, null, new double[] {-1.0, 3.0, 0.0});
        Solution again = solver.solve();
        assertEquals(SolveStatus.SOLVED, again.status());
        assertObjective(Math.exp(-4.0), again);
        assertEquals(3.0, again.s()[1], 1e-7);
        // and new A values: w scaled by 2 in the constraint ⇒ 2w ≥ e^(−3) ⇒ w = e^(−3)/2
        solver.update(null, null, new double[] {-2.0}, new double[] {-1.0, 2.0, 0.0});
        Solution third = solver.solve();
        assertObjective(Math.exp(-3.0) / 2.0, third);
    }

    @Test
    void pNormByPowerCones() {
        // minimize ‖x‖₃ s.t. Σ x = 1 (n = 4) ⇒ x = ¼, value 4^(1/3 − 1)
        int n = 4;
        double p = 3.0;
        // variables x (0..3), r (4..7), t (8); minimize t; Σx = 1; Σr = t; (rᵢ, t, xᵢ) ∈ K_pow(1/p)
        Builder bld = new Builder(2 * n + 1);
        bld.c[2 * n] = 1;
        bld.row(1.0, 1, 0, 1, 1, 1, 2, 1, 3).row(0.0, 1, 4, 1, 5, 1, 6, 1, 7, -1, 8).cone(new ZeroCone(2));
        for (int i = 0; i < n; i++) {
            bld.row(0.0, -1, n + i).row(0.0, -1, 2 * n).row(0.0, -1, i).cone(new PowerCone(1.0 / p));
        }
        Solution sol = solve(bld.build());
        assertObjective(Math.pow(n, 1.0 / p - 1.0), sol);
        for (int i = 0; i < n; i++) {
            assertEquals(0.25, sol.x()[i], 1e-4);
        }
    }

    @Test
    void geometricMeanAndDualPowerCone() {
        // maximize x^0.3 y^0.7 s.t. x + y ≤ 1 ⇒ x = 0.3, y = 0.7
        Builder bld = new Builder(3);
        bld.c[2] = -1;
        bld.row(1.0, 1, 0, 1, 1).cone(new NonnegativeCone(1));
        bld.row(0.0, -1, 0).row(0.0, -1, 1).row(0.0, -1, 2).cone(new PowerCone(0.3));
        Solution sol = solve(bld.build());
        assertObjective(-Math.pow(0.3, 0.3) * Math.pow(0.7, 0.7), sol);
        assertEquals(0.3, sol.x()[0], 1e-4);
        // minimize u + v s.t. (u, v, 1) ∈ K*_pow(α): weighted AM–GM gives 1 at (α, 1 − α)
        Builder dual = new Builder(2);
        dual.c[0] = 1;
        dual.c[1] = 1;
        dual.row(0.0, -1, 0).row(0.0, -1, 1).row(1.0).cone(new DualPowerCone(0.35));
        Solution d = solve(dual.build());
        assertObjective(1.0, d);
        assertEquals(0.35, d.x()[0], 1e-4);
    }

    /** svec index of (i, j). */
    static int sv(int i, int j) {
        return PsdCone.svecIndex(i, j);
    }

    @Test
    void maximumEigenvalueSdp() {
        // minimize t s.t. t I − C ⪰ 0 ⇒ t = λmax(C) = 2 + √2 for the tridiagonal (1, 2, 1) matrix
        double[][] cm = {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}};
        int n = 3;
        Builder bld = new Builder(1);
        bld.c[0] = 1;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double scale = i == j ? 1.0 : Math.sqrt(2.0);
                // s = svec(tI − C) = b − A t with b = −svec(C), A = −svec(I)
                if (i == j) {
                    bld.row(-cm[i][j], -1.0, 0);
                } else {
                    bld.row(-scale * cm[i][j]);
                }
            }
        }
        bld.cone(new PsdCone(n));
        Solution sol = solve(bld.build());
        assertObjective(2.0 + Math.sqrt(2.0), sol);
    }

    @Test
    void logDetMaximization() {
        // maximize log det X s.t. tr(A X) = n ⇒ X = A⁻¹, optimum −log det A
        double[][] am = {{2, 0.5, 0}, {0.5, 3, 0.4}, {0, 0.4, 1.5}};
        int n = 3;
        int nx = n * (n + 1) / 2;            // X in svec
        int nz = n * (n + 1) / 2;            // Z lower triangular, stored by (i ≥ j) in svec order of (j, i)
        int nv = nx + nz + n;                // + t
        Builder bld = new Builder(nv);
        for (int i = 0; i < n; i++) {
            bld.c[nx + nz + i] = -1.0;
        }
        // tr(A X) = Σ A_ii X_ii + 2 Σ_{i<j} A_ij X_ij, and X_ij = svec_p/√2 off the diagonal
        double[] tr = new double[2 * nx];
        for (int j = 0, p = 0; j < n; j++) {
            for (int i = 0; i <= j; i++, p++) {
                tr[2 * p] = i == j ? am[i][i] : 2.0 * am[i][j] / Math.sqrt(2.0);
                tr[2 * p + 1] = p;
            }
        }
        bld.row(n, tr).cone(new ZeroCone(1));
        // M = [[X, Z], [Zᵀ, diag(Z)]] ⪰ 0 with Z lower triangular (2n×2n, svec order)
        int big = 2 * n;
        for (int col = 0; col < big; col++) {
            for (int row = 0; row <= col; row++) {
                double r2 = row == col ? 1.0 : Math.sqrt(2.0);
                if (col < n) {
                    // X block: svec entry of X is already ×√2 off the diagonal
                    bld.row(0.0, -1.0, sv(row, col));
                } else if (row < n) {
                    // Z block: M[row][col] = Z[row][col − n], nonzero for row ≥ col − n
                    int zi = row;
                    int zj = col - n;
                    if (zi >= zj) {
                        bld.row(0.0, -r2, nx + sv(zj, zi));
                    } else {
                        bld.row(0.0);
                    }
                } else {
                    // bottom-right: diag(Z)
                    if (row == col) {
                        int d = row - n;
                        bld.row(0.0, -1.0, nx + sv(d, d));
                    } else {
                        bld.row(0.0);
                    }
                }
            }
        }
        bld.cone(new PsdCone(big));
        for (int i = 0; i < n; i++) {
            // (tᵢ, 1, Z_ii) ∈ K_exp ⇔ tᵢ ≤ log Z_ii
            bld.row(0.0, -1.0, nx + nz + i).row(1.0).row(0.0, -1.0, nx + sv(i, i)).cone(new ExponentialCone());
        }
        Solution sol = solve(bld.build());
        double det = am[0][0] * (am[1][1] * am[2][2] - am[1][2] * am[2][1])
                - am[0][1] * (am[1][0] * am[2][2] - am[1][2] * am[2][0])
                + am[0][2] * (am[1][0] * am[2][1] - am[1][1] * am[2][0]);
        assertObjective(Math.log(det), sol);
    }

    @Test
    void nearestCorrelationMatrixMatchesAlternatingProjections() {
        // Higham's example: C = [[1,1,0],[1,1,1],[0,1,1]]; minimize ‖X − C‖_F, diag X = 1, X ⪰ 0
        double[][] cm = {{1, 1, 0}, {1, 1, 1}, {0, 1, 1}};
        int n = 3;
        int d = n * (n + 1) / 2;
        // variables: svec X (0..d−1), t (d)
        Builder bld = new Builder(d + 1);
        bld.c[d] = 1;
        for (int i = 0; i < n; i++) {
            bld.row(1.0, 1.0, sv(i, i));
        }
        bld.cone(new ZeroCone(n));
        // (t, svec X − svec C) ∈ SOC: svec preserves the Frobenius norm
        bld.row(0.0, -1.0, d);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double cv = i == j ? cm[i][j] : Math.sqrt(2.0) * cm[i][j];
                bld.row(-cv, -1.0, sv(i, j));
            }
        }
        bld.cone(new SecondOrderCone(d + 1));
        for (int p = 0; p < d; p++) {
            bld.row(0.0, -1.0, p);
        }
        bld.cone(new PsdCone(n));
        Solution sol = solve(bld.build());
        double[][] ref = NearestCorrelation.dykstra(cm, 20000);
        double dist = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                dist += (ref[i][j] - cm[i][j]) * (ref[i][j] - cm[i][j]);
            }
        }
        assertObjective(Math.sqrt(dist), sol);
        assertEquals(ref[0][1], sol.x()[sv(0, 1)] / Math.sqrt(2.0), 1e-4);
        assertEquals(ref[0][2], sol.x()[sv(0, 2)] / Math.sqrt(2.0), 1e-4);
        assertTrue(Math.abs(ref[0][1] - 0.7607) < 1e-3, "Higham's published value 0.7607");
    }
}
