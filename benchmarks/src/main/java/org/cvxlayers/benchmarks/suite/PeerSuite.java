package org.cvxlayers.benchmarks.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cvxlayers.solvers.io.ProblemFile;
import org.cvxlayers.solvers.io.ProblemFormat;
import org.cvxlayers.solvers.io.ProblemReaders;

/**
 * Solves benchmark folders, read with our readers, with the peer Java solvers: LP/QP folders (NETLIB,
 * Maros–Mészáros) as {@link LinearQp}, conic folders (CBLIB SOCP, SDPLIB) as {@link ConicInstance}, which only
 * peers with cone support take (the others print UNSUPPORTED). Prints, per folder and solver, one row per
 * instance and the line
 * {@code solved K/N within 1e-6 relative; shifted geometric mean T ms (shift 10 ms); within 1e-4 relative: K'/N}
 * with the rules of {@code cvxlayers bench}: solved = the peer reports an optimum and
 * |obj − opt| / max(1, |opt|) ≤ 1e-6 against {@code optimal.csv}; N = instances listed there; T over those N,
 * an instance that is not solved (failure, time-out, skipped, unsupported, or an optimum off by more than
 * 1e-6) being charged the time limit. K' counts reported optima within 1e-4, for peers of lower accuracy.
 *
 * <p>Every solve runs in its own JVM ({@code --one}), which is killed at the time limit (+ a grace for JVM
 * start and reading): JOptimizer and Hipparchus have no time limit of their own and ignore interrupts.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.cvxlayers.benchmarks.suite.PeerSuite \
 *     [--time-limit SEC] [--solvers ojalgo,joptimizer,hipparchus,cvxlayers] [--filter REGEX] [--heap 1g] DIR...
 * </pre>
 * {@code joptimizer-default-tol} is JOptimizer with its default tolerances on cone programs (gap 1e-5).
 */
public final class PeerSuite {
    private static final double TOL = 1e-6;
    /** Looser accuracy reported beside the 1e-6 rule, for peers that stop at about 1e-5. */
    private static final double NEAR_TOL = 1e-4;
    private static final double SHIFT = 10.0;
    private static final double GRACE_SECONDS = 10.0;

    private PeerSuite() {
    }

    static PeerSolver solver(String key) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "ojalgo" -> new OjAlgoPeer();
            case "joptimizer" -> new JOptimizerPeer();
            case "joptimizer-default-tol" -> new JOptimizerPeer(true);
            case "hipparchus" -> new HipparchusPeer();
            case "cvxlayers" -> new CvxLayersPeer();
            default -> throw new IllegalArgumentException("unknown solver '" + key
                    + "' (ojalgo, joptimizer, joptimizer-default-tol, hipparchus, cvxlayers)");
        };
    }

    /** Result of one child run. */
    record Run(String status, double objective, double violation, double ms, String note, int iterations) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 1 && args[0].equals("--one")) {
            runOne(args[1], Path.of(args[2]), Double.parseDouble(args[3]), System.out);
            return;
        }
        double timeLimit = 10;
        String solvers = "ojalgo,joptimizer,hipparchus";
        Pattern filter = null;
        String heap = "1g";
        List<Path> dirs = new ArrayList<>();
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--time-limit" -> timeLimit = Double.parseDouble(args[++k]);
                case "--solvers" -> solvers = args[++k];
                case "--filter" -> filter = Pattern.compile(args[++k]);
                case "--heap" -> heap = args[++k];
                default -> dirs.add(Path.of(args[k]));
            }
        }
        if (dirs.isEmpty()) {
            System.err.println("usage: PeerSuite [--time-limit SEC] [--solvers a,b] [--filter REGEX] [--heap 1g] DIR...");
            System.exit(2);
        }
        String[] keys = solvers.split(",");
        for (Path dir : dirs) {
            Map<String, Double> refs = readRefs(dir.resolve("optimal.csv"));
            Map<String, Path> files = new java.util.TreeMap<>();
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String fn = p.getFileName().toString();
                    try {
                        ProblemFormat.detect(fn);
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    String name = ProblemFormat.stem(fn);
                    if (filter == null || filter.matcher(name).find()) {
                        files.put(name, p);
                    }
                }
            }
            for (String key : keys) {
                String solverName = solver(key).name();
                System.out.printf(Locale.ROOT, "%n== %s / %s (time limit %.0f s per instance) ==%n", dir.getFileName(),
                        solverName, timeLimit);
                System.out.printf(Locale.ROOT, "%-20s %-22s %18s %9s %9s %10s %5s  %s%n", "instance", "status",
                        "objective", "rel.err", "viol", "time[ms]", "iter", "note");
                int solved = 0;
                int near = 0;
                int counted = 0;
                Map<String, Integer> outcomes = new java.util.TreeMap<>();
                double logSum = 0;
                for (Map.Entry<String, Path> e : files.entrySet()) {
                    Run r = runChild(key, e.getValue(), timeLimit, heap);
                    Double ref = refs.get(e.getKey());
                    double rel = ref == null ? Double.NaN
                            : Math.abs(r.objective() - ref) / Math.max(1.0, Math.abs(ref));
                    boolean ok = "SOLVED".equals(r.status()) && rel <= TOL;
                    if (ref != null) {
                        counted++;
                        outcomes.merge(r.status(), 1, Integer::sum);
                        if (ok) {
                            solved++;
                        }
                        if ("SOLVED".equals(r.status()) && rel <= NEAR_TOL) {
                            near++;
                        }
                        double t = ok && Double.isFinite(r.ms()) ? r.ms() : 1000 * timeLimit;
                        logSum += Math.log(t + SHIFT);
                    }
                    System.out.printf(Locale.ROOT, "%-20s %-22s %18.10g %9.1e %9.1e %10.1f %5s  %s%n", e.getKey(),
                            r.status(), r.objective(), rel, r.violation(), r.ms(),
                            r.iterations() < 0 ? "-" : Integer.toString(r.iterations()), r.note());
                    System.out.flush();
                }
                // references without a file count as not solved
                for (String name : refs.keySet()) {
                    if (!files.containsKey(name) && (filter == null || filter.matcher(name).find())) {
                        counted++;
                        outcomes.merge("NO_FILE", 1, Integer::sum);
                        logSum += Math.log(1000 * timeLimit + SHIFT);
                    }
                }
                double mean = counted == 0 ? 0 : Math.exp(logSum / counted) - SHIFT;
                System.out.printf(Locale.ROOT,
                        "%s %s: solved %d/%d within 1e-6 relative; shifted geometric mean %.1f ms (shift 10 ms);"
                                + " within 1e-4 relative: %d/%d; outcomes %s%n",
                        dir.getFileName(), solverName, solved, counted, mean, near, counted, outcomes);
                System.out.flush();
            }
        }
    }

    private static Map<String, Double> readRefs(Path csv) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(csv)) {
            return m;
        }
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (int k = 1; k < lines.size(); k++) {
            String[] f = lines.get(k).split(",");
            if (f.length >= 2) {
                m.put(f[0].trim(), Double.parseDouble(f[1].trim()));
            }
        }
        return m;
    }

    /** Runs one solve in a child JVM, killed after the time limit plus a grace period. */
    private static Run runChild(String key, Path file, double timeLimit, String heap) throws IOException,
            InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), PeerSuite.class.getName(), "--one", key, file.toString(),
                Double.toString(timeLimit));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader br = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = br.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the child was killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        boolean finished = p.waitFor((long) ((timeLimit + GRACE_SECONDS) * 1000), TimeUnit.MILLISECONDS);
        if (!finished) {
            p.destroyForcibly();
            p.waitFor();
            return new Run("TIME_LIMIT", Double.NaN, Double.NaN, Double.NaN, "killed after the time limit", -1);
        }
        reader.join(2000);
        synchronized (output) {
            for (String line : output) {
                if (line.startsWith("RESULT\t")) {
                    String[] f = line.split("\t", -1);
                    return new Run(f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                            f.length > 5 ? f[5] : "", f.length > 6 ? Integer.parseInt(f[6]) : -1);
                }
            }
            String last = output.isEmpty() ? "no output" : output.get(output.size() - 1);
            return new Run("CRASH", Double.NaN, Double.NaN, Double.NaN, last, -1);
        }
    }

    /** Child mode: read, solve with one peer, print one RESULT line. */
    static void runOne(String key, Path file, double timeLimit, PrintStream out) {
        PeerSolver peer = solver(key);
        try {
            ProblemFile pf = ProblemReaders.read(file);
            String skip;
            Callable<PeerSolver.Outcome> solve;
            ToDoubleFunction<double[]> objective;
            ToDoubleFunction<double[]> violation;
            if (ConicInstance.isLinear(pf.program())) {
                LinearQp qp = LinearQp.of(pf);
                skip = peer.skipReason(qp);
                solve = () -> peer.solve(qp, timeLimit);
                objective = qp::fileObjective;
                violation = qp::violation;
            } else {
                ConicInstance ci = ConicInstance.of(pf);
                skip = peer.skipReason(ci);
                solve = () -> peer.solve(ci, timeLimit);
                objective = ci::fileObjective;
                violation = ci::violation;
            }
            if (skip != null) {
                String status = skip.startsWith("unsupported") ? "UNSUPPORTED" : "SKIPPED";
                out.println("RESULT\t" + status + "\tNaN\tNaN\tNaN\t" + skip);
                return;
            }
            long t0 = System.nanoTime();
            // peers without a time limit of their own are stopped here: report and halt the child JVM
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep((long) (1000 * timeLimit));
                } catch (InterruptedException e) {
                    return;
                }
                out.println("RESULT\tTIME_LIMIT\tNaN\tNaN\tNaN\tstopped at the time limit");
                out.flush();
                Runtime.getRuntime().halt(0);
            });
            watchdog.setDaemon(true);
            watchdog.start();
            PeerSolver.Outcome o = solve.call();
            watchdog.interrupt();
            double ms = (System.nanoTime() - t0) / 1e6;
            double obj = o.x() == null ? Double.NaN : objective.applyAsDouble(o.x());
            double viol = o.x() == null ? Double.NaN : violation.applyAsDouble(o.x());
            String status = ms > 1000 * timeLimit && "SOLVED".equals(o.status()) ? "TIME_LIMIT" : o.status();
            String note = o.note().replace('\t', ' ').replace('\n', ' ');
            out.println("RESULT\t" + status + "\t" + obj + "\t" + viol + "\t" + ms + "\t"
                    + (note.length() > 120 ? note.substring(0, 120) : note) + "\t" + o.iterations());
        } catch (Throwable e) {
            String msg = String.valueOf(e).replace('\t', ' ').replace('\n', ' ');
            out.println("RESULT\tERROR\tNaN\tNaN\tNaN\t" + (msg.length() > 120 ? msg.substring(0, 120) : msg));
        }
        out.flush();
    }
}
