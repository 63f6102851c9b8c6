package org.cvxlayers.benchmarks.layer;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cvxlayers.diff.layer.LayerResult;
import org.cvxlayers.diff.layer.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A {@code CvxpyLayer} call: {@code forward} (instantiate, solve every batch element) and
 * {@code forwardBackward} (forward, then the VJP of every element: linearize, factor, one solve, map back to
 * the parameters). The layer is compiled once in setup, as in training. Cases ({@code problem}):
 * {@code readme} (the cvxpylayers README example, unbatched), {@code lsq} (least squares n = 100, m = 200,
 * A and b parameters), {@code denseqp} (the dense QP of the cvxpylayers paper: n = 128, 128 inequalities,
 * q, G, h batched parameters), {@code sparseqp} (n = m = p = 1024, fixed Q, A, G of 1% density, q, b, h
 * batched parameters). {@code threads} is the layer's parallelism (caller + helpers).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LayerBenchmark {

    /** {@code readme}, {@code lsq}, {@code denseqp} or {@code sparseqp}. */
    @Param({"readme", "lsq"})
    public String problem;

    /** Batch size (ignored by readme, which is unbatched). */
    @Param({"1", "64"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    private LayerBenchmarkProblems.Case c;

    @Setup
    public void setup() {
        c = switch (problem) {
            case "readme" -> LayerBenchmarkProblems.readme(threads);
            case "lsq" -> LayerBenchmarkProblems.leastSquares(100, 200, batch, threads);
            case "denseqp" -> LayerBenchmarkProblems.denseQp(128, 128, batch, threads);
            case "sparseqp" -> LayerBenchmarkProblems.sparseQp(1024, 1024, 1024, 0.01, batch, threads);
            default -> throw new IllegalArgumentException("unknown problem " + problem);
        };
        LayerResult r = c.layer().forward(c.values());
        if (!r.allSolved()) {
            throw new IllegalStateException(problem + ": not all elements solved: " + r.statuses());
        }
        java.util.Map<Object, Long> counts = new java.util.TreeMap<>();
        for (var s : r.statuses()) {
            counts.merge(s, 1L, Long::sum);
        }
        System.out.println(problem + " batch " + r.batchSize() + " statuses " + counts);
    }

    @Benchmark
    public Tensor forward() {
        return c.layer().forward(c.values()).output(0);
    }

    @Benchmark
    public List<Tensor> forwardBackward() {
        return c.layer().forward(c.values()).backward(c.upstream());
    }
}
