package org.cvxlayers.benchmarks.sparse;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.cvxlayers.solvers.sparse.Amd;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.cvxlayers.solvers.sparse.EliminationTree;
import org.cvxlayers.solvers.sparse.LdlFactorization;
import org.cvxlayers.solvers.sparse.LdlSymbolic;
import org.cvxlayers.solvers.sparse.Ordering;
import org.ojalgo.matrix.decomposition.SparseQDLDL;
import org.ojalgo.matrix.store.R064CSC;

/**
 * Numeric factorization of random quasi-definite KKT matrices of growing size: our simplicial and
 * supernodal kernels beside ojAlgo's SparseQDLDL (same AMD order), timed in thread CPU time (best of 7
 * batches) so that the figures survive a machine shared with other jobs. This is the measurement behind
 * the AUTO kernel threshold. Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.cvxlayers.benchmarks.sparse.KernelCpuTimeReport}.
 */
public final class KernelCpuTimeReport {
    private static final ThreadMXBean BEAN = ManagementFactory.getThreadMXBean();

    private KernelCpuTimeReport() {
    }

    private static long nanosPerOp(Runnable r, int reps) {
        for (int i = 0; i < reps; i++) {
            r.run();
        }
        long best = Long.MAX_VALUE;
        for (int batch = 0; batch < 7; batch++) {
            long t0 = BEAN.getCurrentThreadCpuTime();
            for (int i = 0; i < reps; i++) {
                r.run();
            }
            best = Math.min(best, (BEAN.getCurrentThreadCpuTime() - t0) / reps);
        }
        return best;
    }

    public static void main(String[] args) {
        int[][] sizes = {{50, 25}, {100, 50}, {200, 100}, {300, 150}, {400, 200}, {800, 400}, {1600, 800}};
        System.out.println("| n + m | Σ colcount² | AUTO picks | simplicial µs | supernodal µs | ojAlgo SparseQDLDL µs |");
        System.out.println("|---:|---:|---|---:|---:|---:|");
        for (int[] sz : sizes) {
            CscMatrix u = SparseCases.randomKkt(sz[0], sz[1], 3, 3, 7);
            double[] signs = SparseCases.kktSigns(sz[0], sz[1]);
            LdlSymbolic simplicial = LdlSymbolic.analyze(u, Ordering.AMD, LdlSymbolic.Method.SIMPLICIAL);
            LdlFactorization f1 = new LdlFactorization(simplicial);
            LdlFactorization f2 = new LdlFactorization(LdlSymbolic.analyze(u, Ordering.AMD, LdlSymbolic.Method.SUPERNODAL));
            R064CSC c = SparseCases.toOjalgoCsc(u.permuteSymmetricUpper(Amd.order(u)));
            SparseQDLDL q = new SparseQDLDL();
            SparseQDLDL.EliminationTree tree = q.computeEliminationTree(c);
            double work = 0;
            for (int x : EliminationTree.of(u.permuteSymmetricUpper(simplicial.permutation())).columnCounts()) {
                work += (double) x * x;
            }
            int reps = Math.max(2, 200000 / (sz[0] + sz[1]) / Math.max(1, (sz[0] + sz[1]) / 150));
            System.out.printf("| %d | %.2g | %s | %.1f | %.1f | %.1f |%n", sz[0] + sz[1], work,
                    LdlSymbolic.analyze(u, Ordering.AMD).method(),
                    nanosPerOp(() -> f1.factor(u.values(), signs, 1e-13, 1e-7), reps) / 1e3,
                    nanosPerOp(() -> f2.factor(u.values(), signs, 1e-13, 1e-7), reps) / 1e3,
                    nanosPerOp(() -> q.factor(c, tree), reps) / 1e3);
        }
    }
}
