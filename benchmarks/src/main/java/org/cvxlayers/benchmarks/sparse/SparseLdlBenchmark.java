package org.cvxlayers.benchmarks.sparse;

import java.util.concurrent.TimeUnit;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.cvxlayers.solvers.sparse.LdlFactorization;
import org.cvxlayers.solvers.sparse.LdlSymbolic;
import org.cvxlayers.solvers.sparse.Ordering;
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
 * Our LDLᵀ, both numeric kernels: numeric factorization (with dynamic regularization for the quasi-definite
 * KKT cases, as the interior-point solver uses it) and one solve, after AMD.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class SparseLdlBenchmark {
    @Param({"grid50", "grid100", "grid200", "kkt600", "kkt6000"})
    public String matrix;

    @Param({"SIMPLICIAL", "SUPERNODAL"})
    public LdlSymbolic.Method method;

    private CscMatrix upper;
    private double[] signs;
    private LdlFactorization factorization;
    private double[] b;
    private double[] x;

    @Setup
    public void setup() {
        SparseCases.Case c = SparseCases.named(matrix);
        upper = c.upper();
        signs = c.signs();
        factorization = new LdlFactorization(LdlSymbolic.analyze(upper, Ordering.AMD, method));
        factorization.factor(upper.values(), signs, 1e-13, 1e-7);
        b = SparseCases.randomVector(upper.cols(), 1);
        x = new double[upper.cols()];
    }

    @Benchmark
    public int oursNumeric() {
        return factorization.factor(upper.values(), signs, 1e-13, 1e-7);
    }

    @Benchmark
    public double[] oursSolve() {
        factorization.solve(b, x);
        return x;
    }
}
