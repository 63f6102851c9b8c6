package org.cvxlayers.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cvxlayers.solvers.io.ProblemFile;
import org.cvxlayers.solvers.io.ProblemFormat;
import org.cvxlayers.solvers.ipm.SolverSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cvxlayers bench DIR}: solves every problem file directly in {@code DIR} (subfolders are not
 * searched), compares with {@code DIR/optimal.csv}, prints one row per instance and the summary line of
 * {@link BenchSummary}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Solve every instance in a folder and compare with DIR/optimal.csv.")
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "folder with problem files and optimal.csv")
    Path dir;

    @Option(names = "--filter", paramLabel = "REGEX", description = "only instances whose name matches (find)")
    String filter;

    @Option(names = "--time-limit", paramLabel = "SEC", description = "time limit per instance in seconds")
    Double timeLimit;

    @Option(names = "--csv", paramLabel = "FILE", description = "also write the rows as CSV")
    Path csv;

    /** One printed row. */
    private record Row(String name, String status, double objective, Double reference, int iterations,
            double setupMs, double solveMs) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pattern pattern;
        SolverSettings settings;
        try {
            pattern = filter == null ? null : Pattern.compile(filter);
            SolverSettings.Builder b = SolverSettings.builder();
            if (timeLimit != null) {
                b.timeLimitSeconds(timeLimit);
            }
            settings = b.build();
        } catch (IllegalArgumentException e) { // includes PatternSyntaxException
            err.println("cvxlayers bench: " + e.getMessage());
            err.flush();
            return spec.exitCodeOnInvalidInput();
        }
        Map<String, Path> files = new TreeMap<>();
        Map<String, Double> refs;
        try {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + ": not a directory");
            }
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (Files.isRegularFile(p) && isProblemFile(p)) {
                        files.put(ProblemFormat.stem(p.getFileName().toString()), p);
                    }
                }
            }
            Path refFile = dir.resolve("optimal.csv");
            refs = Files.isRegularFile(refFile) ? ReferenceValues.read(refFile) : new LinkedHashMap<>();
            if (refs.isEmpty()) {
                err.println("cvxlayers bench: warning: no reference values in " + refFile);
            }
        } catch (IOException e) {
            err.println("cvxlayers bench: cannot read " + e.getMessage());
            err.flush();
            return SolveCommand.EXIT_UNREADABLE;
        }
        out.println(String.format(Locale.ROOT, "%-24s %-24s %18s %18s %9s %5s %10s",
                "instance", "status", "objective", "reference", "rel.err", "iter", "time[ms]"));
        out.flush();
        List<Row> rows = new ArrayList<>();
        List<BenchSummary.Entry> counted = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            String name = e.getKey();
            if (pattern != null && !pattern.matcher(name).find()) {
                continue;
            }
            Row row = solveOne(name, e.getValue(), refs.get(name), settings, err);
            rows.add(row);
            print(out, row);
            if (row.reference() != null) {
                counted.add(new BenchSummary.Entry(name, row.status(), row.objective(), row.reference(),
                        row.setupMs() + row.solveMs()));
            }
        }
        // instances with a reference but no file still count (as not solved)
        for (Map.Entry<String, Double> r : refs.entrySet()) {
            if (!files.containsKey(r.getKey()) && (pattern == null || pattern.matcher(r.getKey()).find())) {
                Row row = new Row(r.getKey(), "MISSING_FILE", Double.NaN, r.getValue(), 0, Double.NaN, Double.NaN);
                rows.add(row);
                print(out, row);
                counted.add(new BenchSummary.Entry(r.getKey(), row.status(), Double.NaN, r.getValue(), Double.NaN));
            }
        }
        out.println(BenchSummary.line(counted, timeLimit));
        out.flush();
        if (csv != null) {
            try {
                writeCsv(rows);
            } catch (IOException ex) {
                err.println("cvxlayers bench: cannot write " + csv + ": " + ex.getMessage());
                err.flush();
                return 1;
            }
        }
        return 0;
    }

    private static boolean isProblemFile(Path p) {
        try {
            ProblemFormat.detect(p);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Row solveOne(String name, Path file, Double reference, SolverSettings settings, PrintWriter err) {
        ProblemFile problem;
        try {
            problem = SolveCommand.read(file, ProblemFormat.AUTO);
        } catch (IOException e) {
            err.println("cvxlayers bench: cannot read " + e.getMessage());
            err.flush();
            return new Row(name, "READ_ERROR", Double.NaN, reference, 0, Double.NaN, Double.NaN);
        }
        try {
            SolveReport r = SolveReport.solve(file.toString(), problem, 0.0, settings);
            return new Row(name, r.status(), r.objective(), reference, r.iterations(), r.setupMs(), r.solveMs());
        } catch (RuntimeException e) {
            err.println("cvxlayers bench: solver failed on " + file + ": " + e);
            err.flush();
            return new Row(name, "SOLVER_ERROR", Double.NaN, reference, 0, Double.NaN, Double.NaN);
        }
    }

    private static void print(PrintWriter out, Row r) {
        String ref = r.reference() == null ? "-" : String.format(Locale.ROOT, "%.10g", r.reference());
        String rel = r.reference() == null || !Double.isFinite(r.objective()) ? "-"
                : String.format(Locale.ROOT, "%.1e",
                        Math.abs(r.objective() - r.reference()) / Math.max(1.0, Math.abs(r.reference())));
        out.println(String.format(Locale.ROOT, "%-24s %-24s %18.10g %18s %9s %5d %10.1f", r.name(), r.status(),
                r.objective(), ref, rel, r.iterations(), r.setupMs() + r.solveMs()));
        out.flush();
    }

    private void writeCsv(List<Row> rows) throws IOException {
        StringBuilder sb = new StringBuilder(
                "name,status,objective,reference,relative_error,iterations,setup_ms,solve_ms,counted,solved\n");
        for (Row r : rows) {
            boolean counted = r.reference() != null;
            BenchSummary.Entry e = counted ? new BenchSummary.Entry(r.name(), r.status(), r.objective(),
                    r.reference(), 0) : null;
            sb.append(r.name()).append(',').append(r.status()).append(',').append(num(r.objective())).append(',')
                    .append(counted ? num(r.reference()) : "").append(',')
                    .append(counted ? num(e.relativeError()) : "").append(',').append(r.iterations()).append(',')
                    .append(num(r.setupMs())).append(',').append(num(r.solveMs())).append(',').append(counted)
                    .append(',').append(counted && e.solved()).append('\n');
        }
        Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
