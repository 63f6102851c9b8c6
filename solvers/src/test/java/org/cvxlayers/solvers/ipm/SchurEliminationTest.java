package org.cvxlayers.solvers.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.io.ProblemFile;
import org.cvxlayers.solvers.io.ProblemReaders;
import org.cvxlayers.solvers.ipm.cones.CompositeCone;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.junit.jupiter.api.Test;

/** PSD blocks eliminated from the KKT system (Schur complement) against the same blocks kept in it. */
class SchurEliminationTest {
    private static final double SQRT2 = Math.sqrt(2.0);

    // ------------------------------------------------------------------ helpers

    /** svec (upper triangle by columns, off-diagonals ×√2) of a symmetric k×k matrix. */
    static double[] svec(double[][] x) {
        int k = x.length;
        double[] v = new double[k * (k + 1) / 2];
        for (int j = 0, p = 0; j < k; j++) {
            for (int i = 0; i <= j; i++, p++) {
                v[p] = i == j ? x[i][i] : SQRT2 * x[i][j];
            }
        }
        return v;
    }

    /** H diag(λ) H with the Householder reflection H = I − 2uuᵀ/‖u‖²: eigenvalues λ exactly. */
    static double[][] withEigenvalues(double[] lambda, long seed) {
        int k = lambda.length;
        Random rnd = new Random(seed);
        double[] u = new double[k];
        double nu = 0;
        for (int i = 0; i < k; i++) {
            u[i] = rnd.nextGaussian();
            nu += u[i] * u[i];
        }
        double[][] h = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                h[i][j] = (i == j ? 1 : 0) - 2 * u[i] * u[j] / nu;
            }
        }
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double acc = 0;
                for (int l = 0; l < k; l++) {
                    acc += h[i][l] * lambda[l] * h[j][l];
                }
                c[i][j] = acc;
            }
        }
        return c;
    }

    static Solution solve(ConeProgram p, PsdElimination mode) {
        SolverStructure st = new SolverStructure(p, mode);
        return new InteriorPointSolver(st, p, SolverSettings.defaults()).solve();
    }

    /** min t s.t. tI − C ⪰ 0: the largest eigenvalue of C. */
    static ConeProgram maxEigenvalue(double[][] c) {
        int k = c.length;
        int d = k * (k + 1) / 2;
        double[] minusI = svec(identity(k));
        double[][] col = new double[d][1];
        for (int p = 0; p < d; p++) {
            col[p][0] = -minusI[p];
        }
        double[] b = svec(c);
        for (int p = 0; p < d; p++) {
            b[p] = -b[p];
        }
        return new ConeProgram(CscMatrix.zeros(1, 1), new double[] {1.0}, CscMatrix.fromDense(col), b,
                List.of(new PsdCone(k)));
    }

    static double[][] identity(int k) {
        double[][] x = new double[k][k];
        for (int i = 0; i < k; i++) {
            x[i][i] = 1;
        }
        return x;
    }

    // ------------------------------------------------------------------ structure

    @Test
    void autoEliminatesLargeBlocksWithFewColumnsAndNeverKeepsThem() {
        double[] lambda = new double[40]; // svec dimension 820, one column
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = i % 7 - 3.0;
        }
        ConeProgram p = maxEigenvalue(withEigenvalues(lambda, 3));
        SolverStructure auto = new SolverStructure(p);
        SolverStructure never = new SolverStructure(p, PsdElimination.NEVER);
        assertEquals(1, auto.eliminatedBlocks());
        assertTrue(auto.isEliminated(0));
        assertEquals(1, auto.kktDim()); // only x is left
        assertEquals(1 + 820, auto.fullDim());
        assertEquals(0, never.eliminatedBlocks());
        assertEquals(1 + 820, never.kktDim());
        // a small block stays in the KKT matrix under AUTO, and ALWAYS forces it out
        ConeProgram small = maxEigenvalue(withEigenvalues(new double[] {3, -1, 2.5, 0.5, 7, -4}, 3));
        assertEquals(0, new SolverStructure(small).eliminatedBlocks());
        assertEquals(1, new SolverStructure(small, PsdElimination.ALWAYS).eliminatedBlocks());
    }

    @Test
    void maxEigenvalueSdpAgreesWithAndWithoutElimination() {
        double[] lambda = {3, -1, 2.5, 0.5, 7, -4};
        ConeProgram p = maxEigenvalue(withEigenvalues(lambda, 5));
        Solution always = solve(p, PsdElimination.ALWAYS);
        Solution never = solve(p, PsdElimination.NEVER);
        assertEquals(SolveStatus.SOLVED, always.status());
        assertEquals(SolveStatus.SOLVED, never.status());
        assertEquals(7.0, always.objective(), 1e-7);
        assertEquals(7.0, never.objective(), 1e-7);
        assertEquals(never.objective(), always.objective(), 1e-7);
    }

    @Test
    void blockAboveTheDenseLimitIsEliminatedAndSolved() {
        // order 71: svec dimension 2556 > MAX_DENSE_BLOCK_DIM, touched by one column
        double[] lambda = new double[71];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = Math.sin(i + 1.0);
        }
        lambda[17] = 1.25;
        ConeProgram p = maxEigenvalue(withEigenvalues(lambda, 7));
        assertTrue(new PsdCone(71).dim() > SolverStructure.MAX_DENSE_BLOCK_DIM);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SolverStructure(p, PsdElimination.NEVER));
        assertTrue(e.getMessage().contains("PsdCone[n=71]") && e.getMessage().contains("2556"), e.getMessage());
        SolverStructure st = new SolverStructure(p);
        assertEquals(1, st.eliminatedBlocks());
        Solution s = new InteriorPointSolver(st, p, SolverSettings.defaults()).solve();
        assertEquals(SolveStatus.SOLVED, s.status());
        assertEquals(1.25, s.objective(), 1e-7);
    }

    // ------------------------------------------------------------------ mixed problem

    /**
     * Variables (t, y1, y2, y3): min t + 0.3 y1 − 0.2 y3 s.t. y1 + y2 + y3 = 0.5, y ≥ −1,
     * tI − C − Σ yᵢBᵢ ⪰ 0 (order 5), D − Σ yᵢEᵢ ⪰ 0 (order 3), ‖y‖ ≤ 2.
     */
    static ConeProgram mixed() {
        double[][] c = withEigenvalues(new double[] {1, -2, 0.5, 3, 0}, 11);
        double[][][] bm = new double[3][5][5];
        bm[0][0][1] = bm[0][1][0] = 1;
        bm[0][2][2] = -1;
        bm[1][3][3] = 2;
        bm[1][1][4] = bm[1][4][1] = -0.5;
        bm[2][0][0] = 1;
        bm[2][2][3] = bm[2][3][2] = 0.7;
        double[][] dm = {{2, 0.3, 0}, {0.3, 1.5, -0.2}, {0, -0.2, 1}};
        double[][][] em = new double[3][3][3];
        em[0][0][0] = 1;
        em[1][1][2] = em[1][2][1] = 0.5;
        em[2][2][2] = -0.8;
        List<double[]> rows = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        rows.add(new double[] {0, 1, 1, 1});
        b.add(0.5);
        for (int i = 0; i < 3; i++) {
            double[] r = new double[4];
            r[1 + i] = -1;
            rows.add(r); // −y ≤ 1
            b.add(1.0);
        }
        double[] sI = svec(identity(5));
        double[] sC = svec(c);
        double[][] sB = {svec(bm[0]), svec(bm[1]), svec(bm[2])};
        for (int p = 0; p < sI.length; p++) {
            rows.add(new double[] {-sI[p], sB[0][p], sB[1][p], sB[2][p]}); // s = tI − C − ΣyB
            b.add(-sC[p]);
        }
        double[] sD = svec(dm);
        double[][] sE = {svec(em[0]), svec(em[1]), svec(em[2])};
        for (int p = 0; p < sD.length; p++) {
            rows.add(new double[] {0, sE[0][p], sE[1][p], sE[2][p]});
            b.add(sD[p]);
        }
        rows.add(new double[] {0, 0, 0, 0});
        b.add(2.0);
        for (int i = 0; i < 3; i++) {
            double[] r = new double[4];
            r[1 + i] = -1;
            rows.add(r);
            b.add(0.0);
        }
        double[] bv = b.stream().mapToDouble(Double::doubleValue).toArray();
        return new ConeProgram(CscMatrix.zeros(4, 4), new double[] {1, 0.3, 0, -0.2},
                CscMatrix.fromDense(rows.toArray(new double[0][])), bv,
                List.of(new ZeroCone(1), new NonnegativeCone(3), new PsdCone(5), new PsdCone(3),
                        new SecondOrderCone(4)));
    }

    @Test
    void mixedLpPsdSocProblemAgreesWithAndWithoutElimination() {
        ConeProgram p = mixed();
        SolverStructure st = new SolverStructure(p, PsdElimination.ALWAYS);
        assertEquals(2, st.eliminatedBlocks());
        assertEquals(4 + 1 + 3 + 4, st.kktDim());
        Solution always = solve(p, PsdElimination.ALWAYS);
        Solution never = solve(p, PsdElimination.NEVER);
        assertEquals(SolveStatus.SOLVED, always.status());
        assertEquals(SolveStatus.SOLVED, never.status());
        assertEquals(never.objective(), always.objective(), 1e-7);
        KktCheck.assertOptimal(p, always, 1e-7);
        for (int j = 0; j < 4; j++) {
            assertEquals(never.x()[j], always.x()[j], 1e-5);
        }
        // PSD slacks: smallest eigenvalue ≥ −tol is implied by the solver; check the equality row here
        assertEquals(0.5, always.x()[1] + always.x()[2] + always.x()[3], 1e-8);
    }

    // ------------------------------------------------------------------ one KKT solve

    static double[] svecSpd(int k, Random rnd) {
        double[][] g = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                g[i][j] = rnd.nextGaussian();
            }
        }
        double[][] x = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double acc = i == j ? 0.5 : 0;
                for (int l = 0; l < k; l++) {
                    acc += g[i][l] * g[j][l] / k;
                }
                x[i][j] = acc;
            }
        }
        return svec(x);
    }

    @Test
    void eliminatedSolveSatisfiesTheFullKktEquations() {
        Random rnd = new Random(2024);
        List<Cone> cones = List.of(new NonnegativeCone(3), new PsdCone(4), new ZeroCone(1), new PsdCone(3),
                new SecondOrderCone(3));
        int m = Cone.totalDim(cones);
        int n = 7;
        double[][] ad = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (rnd.nextDouble() < 0.5) {
                    ad[i][j] = rnd.nextGaussian();
                }
            }
        }
        double[][] pd = new double[n][n];
        for (int j = 0; j < n; j++) {
            pd[j][j] = 0.5 + rnd.nextDouble();
            if (j > 0) {
                pd[j - 1][j] = 0.1 * rnd.nextGaussian();
            }
        }
        ConeProgram prog = new ConeProgram(CscMatrix.fromDense(pd), new double[n], CscMatrix.fromDense(ad),
                new double[m], cones);
        // an interior (s, z) pair
        double[] s = new double[m];
        double[] z = new double[m];
        s[0] = 1.2; s[1] = 0.4; s[2] = 2.0;
        z[0] = 0.7; z[1] = 1.9; z[2] = 0.3;
        System.arraycopy(svecSpd(4, rnd), 0, s, 3, 10);
        System.arraycopy(svecSpd(4, rnd), 0, z, 3, 10);
        System.arraycopy(svecSpd(3, rnd), 0, s, 14, 6);
        System.arraycopy(svecSpd(3, rnd), 0, z, 14, 6);
        s[20] = 2.0; s[21] = 0.5; s[22] = -0.7;
        z[20] = 1.5; z[21] = -0.3; z[22] = 0.4;
        double[] rhs = new double[n + m];
        for (int i = 0; i < rhs.length; i++) {
            rhs[i] = rnd.nextGaussian();
        }
        SolverSettings settings = SolverSettings.defaults();
        double[][] sols = new double[2][];
        PsdElimination[] modes = {PsdElimination.ALWAYS, PsdElimination.NEVER};
        for (int mode = 0; mode < 2; mode++) {
            SolverStructure st = new SolverStructure(prog, modes[mode]);
            assertEquals(mode == 0 ? 2 : 0, st.eliminatedBlocks());
            ProblemData data = new ProblemData(st, prog.p().values(), prog.c(), prog.a().values(), prog.b());
            CompositeCone cc = new CompositeCone(st.cones());
            data.equilibrate(settings, cc, false);
            assertTrue(cc.updateScaling(s, z, 1.0, false));
            KktSystem kkt = new KktSystem(st);
            kkt.setData(data);
            kkt.updateHs(cc);
            assertTrue(kkt.factor(settings, 1.0));
            double[] x = new double[st.fullDim()];
            assertTrue(kkt.solve(rhs, x, settings));
            // full equations: P x + Aᵀ z = r_x, A x − Hs z = r_z
            double[] xs = java.util.Arrays.copyOf(x, n);
            double[] zs = java.util.Arrays.copyOfRange(x, n, n + m);
            double[] rx = new double[n];
            prog.p().mulSymUpperVec(1.0, xs, 0.0, rx);
            prog.a().mulTransVec(1.0, zs, 1.0, rx);
            double[] rz = new double[m];
            prog.a().mulVec(1.0, xs, 0.0, rz);
            double[] hz = new double[m];
            cc.mulHs(hz, zs, new double[m]);
            double err = 0;
            for (int j = 0; j < n; j++) {
                err = Math.max(err, Math.abs(rx[j] - rhs[j]));
            }
            for (int i = 0; i < m; i++) {
                err = Math.max(err, Math.abs(rz[i] - hz[i] - rhs[n + i]));
            }
            assertTrue(err <= 1e-9 * (1 + KktCheck.normInf(rhs)), modes[mode] + ": full KKT residual " + err);
            sols[mode] = x;
        }
        for (int i = 0; i < n + m; i++) {
            assertEquals(sols[1][i], sols[0][i], 1e-8 * (1 + Math.abs(sols[1][i])), "entry " + i);
        }
    }

    /** The Gram form of M (through R⁻¹) and SDPA's form (through Q⁻¹) agree on a well-conditioned scaling. */
    @Test
    void gramFormOfTheComplementAgreesWithSdpaForm() {
        Random rnd = new Random(77);
        List<Cone> cones = List.of(new NonnegativeCone(2), new PsdCone(5), new PsdCone(4));
        int m = Cone.totalDim(cones);
        int n = 6;
        double[][] ad = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (rnd.nextDouble() < 0.4) {
                    ad[i][j] = rnd.nextGaussian();
                }
            }
        }
        ConeProgram prog = new ConeProgram(CscMatrix.fromDense(new double[n][n]), new double[n],
                CscMatrix.fromDense(ad), new double[m], cones);
        double[] s = new double[m];
        double[] z = new double[m];
        s[0] = 1.0; s[1] = 2.0;
        z[0] = 0.5; z[1] = 0.3;
        System.arraycopy(svecSpd(5, rnd), 0, s, 2, 15);
        System.arraycopy(svecSpd(5, rnd), 0, z, 2, 15);
        System.arraycopy(svecSpd(4, rnd), 0, s, 17, 10);
        System.arraycopy(svecSpd(4, rnd), 0, z, 17, 10);
        SolverStructure st = new SolverStructure(prog, PsdElimination.ALWAYS);
        assertEquals(2, st.eliminatedBlocks());
        CompositeCone cc = new CompositeCone(st.cones());
        assertTrue(cc.updateScaling(s, z, 1.0, false));
        double[] av = prog.a().values();
        double[] sdpa = new double[st.kktNnz()];
        double[] gram = new double[st.kktNnz()];
        new SchurElimination(st, 0L).formComplement(cc, av, sdpa);
        new SchurElimination(st, Long.MAX_VALUE).formComplement(cc, av, gram);
        double max = 0;
        for (double v : sdpa) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 0.0);
        for (int q = 0; q < sdpa.length; q++) {
            assertEquals(sdpa[q], gram[q], 1e-12 * max, "entry " + q);
        }
    }

    @Test
    void eliminatedIterationsAllocateNoVectors() {
        // order 40 (svec 820), eliminated: one z-vector or k×k matrix per iteration would add > 6 KB each
        double[] lambda = new double[40];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = Math.cos(i + 0.5);
        }
        ConeProgram p = maxEigenvalue(withEigenvalues(lambda, 13));
        SolverStructure st = new SolverStructure(p, PsdElimination.ALWAYS);
        InteriorPointSolver solver = new InteriorPointSolver(st, p, SolverSettings.defaults());
        Solution warm = solver.solve();
        assertEquals(SolveStatus.SOLVED, warm.status());
        com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        assumeTrue(bean.isThreadAllocatedMemorySupported(), "allocation counter not supported");
        long tid = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(tid);
        Solution again = solver.solve();
        long allocated = bean.getThreadAllocatedBytes(tid) - before;
        assertEquals(warm.objective(), again.objective(), 0.0);
        int iters = again.info().iterations();
        assertTrue(iters > 5);
        // the solution's vectors, plus the few hundred bytes per call ojAlgo's decompositions allocate
        // inside PsdConeIpm (measured by ConeAllocationTest), independent of the block size
        long budget = 8L * (1 + 2L * 820) + 1024 + iters * 4096L;
        assertTrue(allocated < budget, "allocated " + allocated + " bytes in solve() over " + iters + " iterations");
    }

    // ------------------------------------------------------------------ SDPLIB

    static Path sdplib() {
        String root = System.getProperty("cvxlayers.benchdata");
        Path dir = root == null ? null : Path.of(root, "sdplib");
        boolean present = dir != null && Files.isDirectory(dir);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("benchmark data folder missing: " + dir + " (set -Dcvxlayers.benchdata)");
        }
        assumeTrue(present, "benchmark data folder missing: " + dir);
        return dir;
    }

    static double reference(Path dir, String name) throws IOException {
        for (String line : Files.readAllLines(dir.resolve("optimal.csv"))) {
            String[] f = line.split(",");
            if (f[0].trim().equals(name)) {
                return Double.parseDouble(f[1].trim());
            }
        }
        throw new IOException(name + " not in optimal.csv");
    }

    @Test
    void sdplibInstancesAgreeWithAndWithoutElimination() throws IOException {
        Path dir = sdplib();
        for (String name : List.of("control1", "truss3", "qap5", "theta1")) {
            ProblemFile pf = ProblemReaders.read(dir.resolve(name + ".dat-s.gz"));
            double ref = reference(dir, name);
            double[] obj = new double[2];
            boolean bothSolved = true;
            PsdElimination[] modes = {PsdElimination.ALWAYS, PsdElimination.NEVER};
            for (int mode = 0; mode < 2; mode++) {
                Solution s = solve(pf.program(), modes[mode]);
                // control1 ends ALMOST_SOLVED (a known end-game limit, not one of the elimination)
                assertTrue(s.status() == SolveStatus.SOLVED || s.status() == SolveStatus.ALMOST_SOLVED,
                        name + " " + modes[mode] + ": " + s.status());
                bothSolved &= s.status() == SolveStatus.SOLVED;
                obj[mode] = pf.fileObjective(s.objective());
                assertEquals(ref, obj[mode], 1e-6 * Math.max(1, Math.abs(ref)), name + " " + modes[mode]);
            }
            // an ALMOST_SOLVED end is only accurate to its relaxed tolerances
            double agree = bothSolved ? 1e-7 : 1e-6;
            assertEquals(obj[1], obj[0], agree * Math.max(1, Math.abs(ref)), name);
        }
    }
}
