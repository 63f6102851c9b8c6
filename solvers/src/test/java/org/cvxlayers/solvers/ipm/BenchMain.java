package org.cvxlayers.solvers.ipm;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs a whole benchdata folder and prints one row per instance and the summary line. Usage:
 * {@code BenchMain DIR [REGEX]} (classpath: solvers main + test classes).
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String regex = args.length > 1 ? args[1] : ".*";
        List<BenchmarkRunner.Row> rows = BenchmarkRunner.run(Path.of(args[0]), name -> name.matches(regex),
                SolverSettings.defaults(), System.out);
        System.out.println(BenchmarkRunner.summary(rows));
    }
}
