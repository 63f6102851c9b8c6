package org.cvxlayers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolveCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /* max x + y + 1 s.t. x + 2y ≤ 4, 3x + y ≤ 6, x, y ≥ 0: optimum at (8/5, 6/5), value 14/5 + 1 = 3.8. */
    static final String LP = """
            NAME          SMALL
            OBJSENSE
                MAX
            ROWS
             N  obj
             L  c1
             L  c2
            COLUMNS
                x  obj  1  c1  1
                x  c2  3
                y  obj  1  c1  2
                y  c2  1
            RHS
                rhs  obj  -1
                rhs  c1  4  c2  6
            ENDATA
            """;

    static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    static JsonNode parseSingleJsonLine(String out) throws IOException {
        String[] lines = out.strip().split("\\R");
        assertEquals(1, lines.length, "exactly one line expected: " + out);
        return JSON.readTree(lines[0]);
    }

    @Test
    void jsonLineCarriesTheContractFields(@TempDir Path dir) throws IOException {
        Path f = write(dir, "small.mps", LP);
        CliRun run = CliRun.of("solve", f.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode j = parseSingleJsonLine(run.out());
        for (String key : new String[] {"file", "status", "objective", "iterations", "setup_ms", "solve_ms",
                "primal_residual", "dual_residual", "gap"}) {
            assertTrue(j.has(key), "missing " + key + " in " + run.out());
        }
        assertEquals(f.toString(), j.get("file").asText());
        assertEquals("SOLVED", j.get("status").asText());
        assertEquals(3.8, j.get("objective").asDouble(), 1e-7);
        assertTrue(j.get("iterations").asInt() > 0);
        assertTrue(j.get("primal_residual").asDouble() <= 1e-8);
    }

    @Test
    void solverOptionsAreAccepted(@TempDir Path dir) throws IOException {
        Path f = write(dir, "small.txt", LP);
        CliRun run = CliRun.of("solve", f.toString(), "--format", "mps", "--json", "--max-iter", "100",
                "--time-limit", "30", "--tol-gap-rel", "1e-9", "--tol-feas", "1e-9");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(3.8, parseSingleJsonLine(run.out()).get("objective").asDouble(), 1e-8);
    }

    @Test
    void verboseLogDoesNotDisturbTheJsonLine(@TempDir Path dir) throws IOException {
        Path f = write(dir, "small.mps", LP);
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true));
        CliRun run;
        try {
            run = CliRun.of("solve", f.toString(), "--json", "--verbose");
        } finally {
            System.setOut(saved);
        }
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", captured.toString(), "nothing may reach System.out with --json");
        assertEquals(3.8, parseSingleJsonLine(run.out()).get("objective").asDouble(), 1e-7);
    }

    @Test
    void iterationLimitStillExitsZero(@TempDir Path dir) throws IOException {
        Path f = write(dir, "small.mps", LP);
        CliRun run = CliRun.of("solve", f.toString(), "--json", "--max-iter", "1");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode j = parseSingleJsonLine(run.out());
        assertEquals("MAX_ITERATIONS", j.get("status").asText());
    }

    @Test
    void humanReadableOutput(@TempDir Path dir) throws IOException {
        Path f = write(dir, "small.mps", LP);
        CliRun run = CliRun.of("solve", f.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("status:          SOLVED"), run.out());
        String objLine = run.out().lines().filter(l -> l.startsWith("objective:")).findFirst().orElseThrow();
        assertEquals(3.8, Double.parseDouble(objLine.substring("objective:".length()).trim()), 1e-7);
    }

    @Test
    void malformedInputExitsTwoNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path f = write(dir, "bad.mps", LP.replace("y  c2  1", "y  c9  1"));
        CliRun run = CliRun.of("solve", f.toString(), "--json");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains(f + ":12:"), run.err());
        assertTrue(run.err().contains("c9"), run.err());
    }

    @Test
    void missingFileAndUnknownExtensionExitTwo(@TempDir Path dir) throws IOException {
        CliRun missing = CliRun.of("solve", dir.resolve("nope.mps").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.mps"), missing.err());
        Path f = write(dir, "model.lp", LP);
        CliRun unknown = CliRun.of("solve", f.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("model.lp"), unknown.err());
    }

    @Test
    void benchmarkFilesReproduceTheirReferenceObjective() throws IOException {
        String root = System.getProperty("cvxlayers.benchdata");
        Path data = root == null ? null : Path.of(root);
        boolean present = data != null && Files.isDirectory(data.resolve("maros_meszaros"));
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("benchmark data missing: " + data);
        }
        assumeTrue(present, "benchmark data missing: " + data);
        // HS21 (constant −100 from the objective RHS), AFIRO (objective row last), a CBF SOCP, …
        String[][] cases = {
            {"maros_meszaros/HS21.QPS.gz", "-99.96"},
            {"netlib/afiro.mps.gz", "-464.75314286"},
            {"cblib_socp/sched_50_50_scaled.cbf.gz", "7.852038439653469"},
            // CBF exponential cones (triple reversed), a CBF power cone (weights normalised), SDPA's sign convention
            {"cblib_exp/rijc781.cbf.gz", "-4.414286537"},
            {"cblib_exp/HMCR-n20-m400.cbf.gz", "0.03457429113"},
            {"sdplib/truss1.dat-s.gz", "-8.999996315"},
            {"sdplib/control1.dat-s.gz", "17.78462672"},
        };
        for (String[] c : cases) {
            CliRun run = CliRun.of("solve", data.resolve(c[0]).toString(), "--json");
            assertEquals(0, run.exitCode(), run.err());
            JsonNode j = parseSingleJsonLine(run.out());
            assertTrue(j.get("status").asText().endsWith("SOLVED"), c[0] + ": " + j.get("status").asText());
            double ref = Double.parseDouble(c[1]);
            double rel = Math.abs(j.get("objective").asDouble() - ref) / Math.max(1, Math.abs(ref));
            assertTrue(rel <= 1e-6, c[0] + ": " + j.get("objective").asDouble() + " vs " + ref);
        }
    }
}
