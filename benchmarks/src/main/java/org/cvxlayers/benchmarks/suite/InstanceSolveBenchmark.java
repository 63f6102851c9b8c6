package org.cvxlayers.benchmarks.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.cvxlayers.solvers.io.ProblemReaders;
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
 * Time of one whole solve of a small NETLIB LP or Maros–Mészáros QP, per solver: ours and the peers of
 * this package, through the same adapters the suite uses. Reading the file and
 * building the peer's input happen in {@link #setup}, not measured. Setup also solves once and prints a
 * {@code CHECK} line: whether the peer reports an optimum whose objective is within 1e-6 relative
 * ({@code |obj − opt| / max(1, |opt|)}, the rule of {@code cvxlayers bench}) of {@code optimal.csv}. A
 * mismatch does not stop the run; it is reported. A peer that skips the instance or throws fails setup,
 * which JMH reports for that combination only.
 *
 * <p>Data folder: system property {@code cvxlayers.benchdata} (default {@code ../shared/benchdata}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class InstanceSolveBenchmark {
    private static final double TOL = 1e-6;
    /** Generous: the suite's time limit is not what is measured here. */
    private static final double TIME_LIMIT_SECONDS = 60;
    private static final List<String> FOLDERS = List.of("netlib", "maros_meszaros");

    @Param({"afiro", "sc50a", "adlittle", "HS21", "QAFIRO", "CVXQP1_S"})
    public String instance;

    @Param({"cvxlayers", "ojalgo", "joptimizer", "hipparchus"})
    public String solver;

    private PeerSolver peer;
    private LinearQp qp;

    @Setup
    public void setup() throws Exception {
        Path root = Path.of(System.getProperty("cvxlayers.benchdata", "../shared/benchdata"));
        for (String folder : FOLDERS) {
            Path dir = root.resolve(folder);
            Path file = find(dir, instance);
            if (file == null) {
                continue;
            }
            peer = PeerSuite.solver(solver);
            qp = LinearQp.of(ProblemReaders.read(file));
            String skipReason = peer.skipReason(qp);
            if (skipReason != null) {
                System.out.println(check("SKIPPED", Double.NaN, Double.NaN, false) + " (" + skipReason + ")");
                throw new IllegalStateException(solver + " skips " + instance + ": " + skipReason);
            }
            double opt = reference(dir.resolve("optimal.csv"), instance);
            PeerSolver.Outcome out;
            try {
                out = peer.solve(qp, TIME_LIMIT_SECONDS);
            } catch (Exception e) {
                System.out.println(check("FAILED", Double.NaN, opt, false) + " (" + e + ")");
                throw e;
            }
            String status = out.status();
            double obj = qp.fileObjective(out.x());
            double rel = Math.abs(obj - opt) / Math.max(1.0, Math.abs(opt));
            System.out.println(check(status, obj, opt, "SOLVED".equals(status) && rel <= TOL));
            return;
        }
        throw new IllegalArgumentException("instance '" + instance + "' not found in " + FOLDERS + " under " + root);
    }

    @Benchmark
    public Object solve() throws Exception {
        return peer.solve(qp, TIME_LIMIT_SECONDS);
    }

    private String check(String status, double obj, double opt, boolean match) {
        return String.format(Locale.ROOT, "CHECK %s %s status=%s objective=%.10g optimal=%.10g rel=%.1e match=%s",
                instance, solver, status, obj, opt, Math.abs(obj - opt) / Math.max(1.0, Math.abs(opt)),
                match ? "yes" : "NO");
    }

    private static Path find(Path dir, String name) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (var files = Files.list(dir)) {
            return files.filter(p -> {
                String fn = p.getFileName().toString();
                int dot = fn.indexOf('.');
                return dot > 0 && fn.substring(0, dot).equals(name) && !fn.endsWith(".csv");
            }).findFirst().orElse(null);
        }
    }

    private static double reference(Path csv, String name) throws IOException {
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            if (f.length >= 2 && f[0].trim().equals(name)) {
                return Double.parseDouble(f[1].trim());
            }
        }
        throw new IllegalArgumentException(csv + ": no reference objective for '" + name + "'");
    }
}
