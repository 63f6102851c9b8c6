package org.cvxlayers.benchmarks.sparse;

import java.util.concurrent.TimeUnit;
import org.cvxlayers.solvers.sparse.Amd;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.ojalgo.matrix.decomposition.SparseQDLDL;
import org.ojalgo.matrix.store.R064CSC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The only Java sparse peer that factors quasi-definite (indefinite) KKT matrices without pivoting:
 * ojAlgo's SparseQDLDL, given the matrix permuted by our AMD. (CSparse and EJML only offer Cholesky.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class SparseKktPeersBenchmark {
    @Param({"kkt600", "kkt6000"})
    public String matrix;

    private int n;
    private int[] perm;
    private double[] b;
    private double[] x;
    private double[] work;
    private R064CSC ojC;
    private SparseQDLDL ojQdldl;
    private SparseQDLDL.EliminationTree ojTree;

    @Setup
    public void setup() {
        CscMatrix upper = SparseCases.named(matrix).upper();
        n = upper.cols();
        b = SparseCases.randomVector(n, 1);
        x = new double[n];
        work = new double[n];
        perm = Amd.order(upper);
        ojC = SparseCases.toOjalgoCsc(upper.permuteSymmetricUpper(perm));
        ojQdldl = new SparseQDLDL();
        ojTree = ojQdldl.computeEliminationTree(ojC);
        ojQdldl.factor(ojC, ojTree);
    }

    @Benchmark
    public boolean ojalgoQdldlNumeric() {
        return ojQdldl.factor(ojC, ojTree);
    }

    @Benchmark
    public double[] ojalgoQdldlSolve() {
        for (int k = 0; k < n; k++) {
            work[k] = b[perm[k]];
        }
        ojQdldl.ftran(work);
        for (int k = 0; k < n; k++) {
            x[perm[k]] = work[k];
        }
        return x;
    }
}
