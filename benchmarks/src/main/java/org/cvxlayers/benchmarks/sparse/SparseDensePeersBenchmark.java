package org.cvxlayers.benchmarks.sparse;

import java.util.concurrent.TimeUnit;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.decomposition.LDL;
import org.ojalgo.matrix.decomposition.MatrixDecomposition;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;
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
 * ojAlgo's dense factorizations where the size allows: Cholesky on the 50×50-grid Laplacian (n = 2500),
 * LDLᵀ (with pivoting) on the small KKT matrix (n = 600).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class SparseDensePeersBenchmark {
    @Param({"grid50", "kkt600"})
    public String matrix;

    private R064Store dense;
    private MatrixDecomposition.Solver<Double> decomposition;
    private R064Store rhs;
    private R064Store solution;

    @Setup
    public void setup() {
        SparseCases.Case c = SparseCases.named(matrix);
        CscMatrix upper = c.upper();
        int n = upper.cols();
        dense = SparseCases.toOjalgoDense(upper);
        if (c.positiveDefinite()) {
            Cholesky<Double> chol = Cholesky.R064.make(dense);
            decomposition = chol;
        } else {
            LDL<Double> ldl = LDL.R064.make(dense);
            decomposition = ldl;
        }
        if (!decomposition.decompose(dense)) {
            throw new IllegalStateException("dense decomposition failed on " + matrix);
        }
        rhs = R064Store.FACTORY.make(n, 1);
        double[] b = SparseCases.randomVector(n, 1);
        for (int i = 0; i < n; i++) {
            rhs.set(i, 0, b[i]);
        }
        solution = R064Store.FACTORY.make(n, 1);
    }

    @Benchmark
    public boolean ojalgoDenseNumeric() {
        return decomposition.decompose(dense);
    }

    @Benchmark
    public MatrixStore<Double> ojalgoDenseSolve() {
        return decomposition.getSolution(rhs, solution);
    }
}
