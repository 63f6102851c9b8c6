package org.cvxlayers.solvers.ipm.cones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.cvxlayers.solvers.io.ProblemFile;
import org.cvxlayers.solvers.io.ProblemReaders;
import org.cvxlayers.solvers.ipm.InteriorPointSolver;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.ipm.SolveStatus;
import org.cvxlayers.solvers.ipm.SolverSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The CBLIB exponential/power-cone set and SDPLIB against their verified optima. A few quick instances always
 * run; the full sets run with {@code -Dcones.fullBench=true} and print a results table.
 */
class ConeBenchmarkSetsTest {

    static final double TIME_LIMIT_S = 60.0;

    static Path folder(String set) {
        String root = System.getProperty("cvxlayers.benchdata");
        Path dir = root == null ? null : Path.of(root, set);
        boolean present = dir != null && Files.isDirectory(dir);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("benchmark data folder missing: " + dir + " (set -Dcvxlayers.benchdata)");
        }
        assumeTrue(present, "benchmark data folder missing: " + dir);
        return dir;
    }

    static Map<String, Double> optima(Path dir) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(dir.resolve("optimal.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f.length >= 2) {
                m.put(f[0].trim(), Double.parseDouble(f[1].trim()));
            }
        }
        return m;
    }

    static Path fileOf(Path dir, String name) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String f = p.getFileName().toString();
                return f.startsWith(name + ".") && !f.endsWith(".csv");
            }).findFirst().orElseThrow(() -> new IOException("no file for " + name + " in " + dir));
        }
    }

    /** One instance's outcome. */
    record Outcome(String name, String status, double objective, double reference, double relError, int iterations,
            double ms, boolean solved, String note) {
    }

    static Outcome run(Path dir, String name, double reference) throws IOException {
        // PSD blocks above the dense limit are eliminated from the KKT system (SolverStructure)
        ProblemFile pf = ProblemReaders.read(fileOf(dir, name));
        SolverSettings settings = SolverSettings.builder().timeLimitSeconds(TIME_LIMIT_S).build();
        long t0 = System.nanoTime();
        Solution sol = InteriorPointSolver.solve(pf.program(), settings);
        double ms = (System.nanoTime() - t0) / 1e6;
        double obj = pf.fileObjective(sol.objective());
        double rel = Math.abs(obj - reference) / Math.max(1.0, Math.abs(reference));
        boolean solved = sol.status() == SolveStatus.SOLVED && rel <= 1e-6;
        String note = solved ? "" : (sol.status() == SolveStatus.SOLVED ? "objective off by " + fmt(rel) : "");
        return new Outcome(name, sol.status().name(), obj, reference, rel, sol.info().iterations(), ms, solved, note);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }

    /**
     * Quick instances: status SOLVED and the objective within 1e-6 of the reference, as {@code cvxlayers bench}
     * counts an instance as solved.
     */
    private static void assertQuick(String set, List<String> names) throws IOException {
        Path dir = folder(set);
        Map<String, Double> opt = optima(dir);
        for (String name : names) {
            Outcome o = run(dir, name, opt.get(name));
            assertEquals("SOLVED", o.status(), name);
            assertTrue(o.relError() <= 1e-6, name + " objective " + o.objective() + " vs " + o.reference());
        }
    }

    @Test
    void quickExponentialAndPowerConeInstances() throws IOException {
        assertQuick("cblib_exp", List.of("beck751", "demb761", "rijc781", "fang88", "bss1", "HMCR-n20-m400"));
    }

    @Test
    void quickSdplibInstances() throws IOException {
        // theta1, truss5 and mcp100 reach SOLVED through the Schur-complement elimination of PSD blocks,
        // control1 and control2 through the end-game refinement
        assertQuick("sdplib", List.of("truss1", "truss4", "truss3", "qap5", "truss7", "control1", "control2", "theta1",
                "truss2", "truss5", "mcp100"));
    }

    @Test
    @EnabledIfSystemProperty(named = "cones.fullBench", matches = "true")
    void fullSets() throws IOException {
        StringBuilder report = new StringBuilder();
        for (String set : List.of("cblib_exp", "sdplib")) {
            Path dir = folder(set);
            Map<String, Double> opt = optima(dir);
            List<Outcome> outs = new ArrayList<>();
            report.append("\n### ").append(set).append("\n\n| instance | status | objective | reference | rel. error | iter | ms | note |\n|---|---|---:|---:|---:|---:|---:|---|\n");
            for (Map.Entry<String, Double> e : opt.entrySet()) {
                Outcome o;
                try {
                    o = run(dir, e.getKey(), e.getValue());
                } catch (RuntimeException ex) {
                    o = new Outcome(e.getKey(), "EXCEPTION", Double.NaN, e.getValue(), Double.NaN, 0,
                            TIME_LIMIT_S * 1000, false, ex.toString());
                }
                outs.add(o);
                String row = String.format(Locale.ROOT, "| %s | %s | %.9e | %.9e | %s | %d | %.0f | %s |%n", o.name(),
                        o.status(), o.objective(), o.reference(), fmt(o.relError()), o.iterations(), o.ms(), o.note());
                report.append(row);
                System.out.print(row);
                System.out.flush();
            }
            int solved = 0;
            double logSumAll = 0;
            double logSumSolved = 0;
            for (Outcome o : outs) {
                double t = o.solved() ? o.ms() : Math.max(o.ms(), TIME_LIMIT_S * 1000);
                logSumAll += Math.log(t + 10.0);
                if (o.solved()) {
                    solved++;
                    logSumSolved += Math.log(o.ms() + 10.0);
                }
            }
            String summary = String.format(Locale.ROOT,
                    "%nsolved %d/%d within 1e-6 relative; shifted geometric mean %.1f ms (shift 10 ms, failures at the %.0f s limit); over the solved ones %.1f ms%n",
                    solved, outs.size(), Math.exp(logSumAll / outs.size()) - 10.0, TIME_LIMIT_S,
                    solved == 0 ? Double.NaN : Math.exp(logSumSolved / solved) - 10.0);
            report.append(summary);
            System.out.print(summary);
        }
        Path out = Path.of(System.getProperty("cones.report", "target/cones-bench.md"));
        Files.writeString(out, report.toString());
    }
}
