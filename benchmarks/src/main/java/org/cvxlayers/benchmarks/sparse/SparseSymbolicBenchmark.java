package org.cvxlayers.benchmarks.sparse;

import edu.emory.mathcs.csparsej.tdouble.Dcs_amd;
import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcs;
import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcss;
import edu.emory.mathcs.csparsej.tdouble.Dcs_schol;
import java.util.concurrent.TimeUnit;
import org.cvxlayers.solvers.sparse.Amd;
import org.cvxlayers.solvers.sparse.CscMatrix;
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
 * Symbolic phase: our AMD alone and our full analysis (AMD, etree postorder, L pattern, index maps,
 * supernodes) beside CSparse's cs_amd and cs_schol (cs_amd, etree, postorder, column counts). Symbolic work
 * does not need definiteness, so the KKT matrix is included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class SparseSymbolicBenchmark {
    @Param({"grid100", "grid200", "kkt6000"})
    public String matrix;

    private CscMatrix upper;
    private Dcs csA;

    @Setup
    public void setup() {
        upper = SparseCases.named(matrix).upper();
        csA = SparseCases.toCs(upper);
    }

    @Benchmark
    public int[] oursAmd() {
        return Amd.order(upper);
    }

    @Benchmark
    public LdlSymbolic oursSymbolic() {
        return LdlSymbolic.analyze(upper, Ordering.AMD);
    }

    @Benchmark
    public int[] csparseAmd() {
        return Dcs_amd.cs_amd(1, csA);
    }

    @Benchmark
    public Dcss csparseSymbolic() {
        return Dcs_schol.cs_schol(1, csA);
    }
}
