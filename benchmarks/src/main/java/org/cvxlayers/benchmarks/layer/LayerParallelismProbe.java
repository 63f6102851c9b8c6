package org.cvxlayers.benchmarks.layer;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * Wall-clock and process-CPU time of one batched {@code forward} at parallelism 1 and 2, alternating, so the
 * speed-up of the batch parallelism can be told apart from load by other processes (on a shared machine JMH's
 * wall-clock scores alone cannot). Usage: {@code LayerParallelismProbe PROBLEM BATCH [REPS]} with the cases of
 * {@link LayerBenchmark}.
 */
public final class LayerParallelismProbe {
    private LayerParallelismProbe() {
    }

    public static void main(String[] args) {
        String problem = args.length > 0 ? args[0] : "lsq";
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("cores " + Runtime.getRuntime().availableProcessors() + ", common pool parallelism "
                + ForkJoinPool.commonPool().getParallelism());
        for (int threads : new int[] {1, 2, 1, 2}) {
            LayerBenchmark b = new LayerBenchmark();
            b.problem = problem;
            b.batch = batch;
            b.threads = threads;
            b.setup();
            b.forward(); // warm-up
            long cpu0 = os.getProcessCpuTime();
            long w0 = System.nanoTime();
            for (int k = 0; k < reps; k++) {
                b.forward();
            }
            long cpu1 = os.getProcessCpuTime();
            long w1 = System.nanoTime();
            System.out.println(String.format(Locale.ROOT,
                    "%s batch %d threads %d: wall %.0f ms/op, process CPU %.0f ms/op, CPU/wall %.2f, load average %.2f",
                    problem, batch, threads, (w1 - w0) / 1e6 / reps, (cpu1 - cpu0) / 1e6 / reps,
                    (double) (cpu1 - cpu0) / (w1 - w0), os.getSystemLoadAverage()));
        }
    }
}
