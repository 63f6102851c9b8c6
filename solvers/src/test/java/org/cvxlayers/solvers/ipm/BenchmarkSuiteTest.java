package org.cvxlayers.solvers.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * NETLIB LPs and Maros–Mészáros QPs from the shared benchdata against their verified optima. The default run
 * solves a quick subset of small instances; {@code -Dcvxlayers.fullbench=true} solves every listed instance and
 * prints the table (used for benchmarks/results/ipm.md).
 */
class BenchmarkSuiteTest {
    private static final Set<String> QUICK_NETLIB = Set.of("afiro", "adlittle", "blend", "sc50a", "sc50b", "sc105",
            "kb2", "share2b", "stocfor1", "recipe", "boeing2", "israel", "scagr7", "beaconfd", "lotfi", "vtpbase");
    private static final Set<String> QUICK_MM = Set.of("HS21", "HS35", "HS35MOD", "HS51", "HS52", "HS53", "HS76",
            "HS118", "HS268", "GENHS28", "TAME", "ZECEVIC2", "QAFIRO", "QPTEST", "LOTSCHD", "DUALC1", "QADLITTL",
            "CVXQP1_S", "QSCAGR7", "QRECIPE", "QSHARE2B", "PRIMALC1", "DUAL1");

    static Path benchdata(String set) {
        String prop = System.getProperty("cvxlayers.benchdata");
        Path dir = prop == null ? null : Path.of(prop, set);
        if (dir == null || !Files.isDirectory(dir)) {
            if ("true".equals(System.getenv("CI"))) {
                fail("benchmark data folder missing: " + dir + " (set -Dcvxlayers.benchdata)");
            }
            Assumptions.assumeTrue(false, "benchmark data folder missing: " + dir);
        }
        return dir;
    }

    private static boolean full() {
        return Boolean.getBoolean("cvxlayers.fullbench");
    }

    private static void runSet(String set, Set<String> quick) throws IOException {
        Path dir = benchdata(set);
        boolean all = full();
        List<BenchmarkRunner.Row> rows = BenchmarkRunner.run(dir, name -> all || quick.contains(name),
                SolverSettings.defaults(), all ? System.out : null);
        if (all) {
            System.out.println(set + ": " + BenchmarkRunner.summary(rows));
            return;
        }
        assertEquals(quick.size(), rows.size(), "quick subset instances found in " + set);
        StringBuilder failures = new StringBuilder();
        for (BenchmarkRunner.Row r : rows) {
            if (!r.solved()) {
                failures.append(BenchmarkRunner.format(r)).append('\n');
            }
        }
        assertTrue(failures.length() == 0, failures.toString());
    }

    @Test
    void netlib() throws IOException {
        runSet("netlib", QUICK_NETLIB);
    }

    @Test
    void marosMeszaros() throws IOException {
        runSet("maros_meszaros", QUICK_MM);
    }
}
