package org.cvxlayers.solvers.ipm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.cvxlayers.solvers.io.ProblemFile;
import org.cvxlayers.solvers.io.ProblemFormat;
import org.cvxlayers.solvers.io.ProblemReaders;

/**
 * Solves the instances of a benchdata folder listed in its {@code optimal.csv} and compares with the
 * reference objective (relative error |obj − opt| / max(1, |opt|)); times are setup + solve, reading
 * excluded.
 */
final class BenchmarkRunner {
    static final double REL_TOL = 1e-6;

    record Row(String name, SolveStatus status, double objective, double reference, double relError, int iterations,
            double ms, String error) {
        boolean solved() {
            return status == SolveStatus.SOLVED && relError <= REL_TOL;
        }
    }

    private BenchmarkRunner() {
    }

    static Map<String, Double> references(Path dir) throws IOException {
        Map<String, Double> ref = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("optimal.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.trim().split(",");
            if (f.length >= 2) {
                ref.put(f[0], Double.parseDouble(f[1]));
            }
        }
        return ref;
    }

    static Path fileFor(Path dir, String name) throws IOException {
        try (var stream = Files.list(dir)) {
            return stream.filter(p -> ProblemFormat.stem(p.getFileName().toString()).equals(name)).findFirst()
                    .orElseThrow(() -> new IOException("no file for " + name + " in " + dir));
        }
    }

    static List<Row> run(Path dir, Predicate<String> filter, SolverSettings settings, PrintStream log)
            throws IOException {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Double> e : references(dir).entrySet()) {
            String name = e.getKey();
            if (!filter.test(name)) {
                continue;
            }
            double ref = e.getValue();
            Row row;
            try {
                ProblemFile pf = ProblemReaders.read(fileFor(dir, name));
                Solution s = InteriorPointSolver.solve(pf.program(), settings);
                double obj = pf.fileObjective(s.objective());
                double rel = Math.abs(obj - ref) / Math.max(1.0, Math.abs(ref));
                row = new Row(name, s.status(), obj, ref, rel, s.info().iterations(),
                        s.info().setupMs() + s.info().solveMs(), null);
            } catch (RuntimeException | IOException ex) {
                row = new Row(name, null, Double.NaN, ref, Double.NaN, 0, Double.NaN, ex.toString());
            }
            rows.add(row);
            if (log != null) {
                log.println(format(row));
                log.flush();
            }
        }
        return rows;
    }

    static String format(Row r) {
        return String.format(Locale.ROOT, "%-10s %-26s obj %.10e ref %.10e rel %.1e iters %3d %9.1f ms %s",
                r.name(), r.status(), r.objective(), r.reference(), r.relError(), r.iterations(), r.ms(),
                r.solved() ? "ok" : "FAIL" + (r.error() == null ? "" : " " + r.error()));
    }

    /** Shifted geometric mean of the times (shift 10 ms), over all rows (failures count with their time). */
    static double shiftedGeoMean(List<Row> rows) {
        double s = 0;
        int k = 0;
        for (Row r : rows) {
            double t = Double.isFinite(r.ms()) ? r.ms() : 0.0;
            s += Math.log(t + 10.0);
            k++;
        }
        return k == 0 ? Double.NaN : Math.exp(s / k) - 10.0;
    }

    static String summary(List<Row> rows) {
        long ok = rows.stream().filter(Row::solved).count();
        return String.format(Locale.ROOT, "solved %d/%d within 1e-6 relative; shifted geometric mean %.1f ms (shift 10 ms)",
                ok, rows.size(), shiftedGeoMean(rows));
    }
}
