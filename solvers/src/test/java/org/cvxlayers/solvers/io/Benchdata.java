package org.cvxlayers.solvers.io;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Access to the shared benchmark data through the system property {@code cvxlayers.benchdata}; with
 * {@code CI=true} a missing folder fails, otherwise the test is skipped.
 */
final class Benchdata {
    private Benchdata() {
    }

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

    /** Problem files of a set (sorted), i.e. files whose names end in the given suffix. */
    static List<Path> files(Path dir, String suffix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().forEach(out::add);
        }
        assertTrue(!out.isEmpty(), "no " + suffix + " files in " + dir);
        return out;
    }

    /**
     * Rows of the markdown tables in the data README whose first cell ends with {@code suffix}, split into
     * trimmed cells.
     */
    static List<String[]> readmeRows(Path dir, String firstCellSuffix, int section) throws IOException {
        List<String> lines = Files.readAllLines(dir.getParent().resolve("README.md"));
        List<String[]> rows = new ArrayList<>();
        int current = 0;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                String head = line.substring(3).trim();
                current = head.length() > 0 && Character.isDigit(head.charAt(0)) ? head.charAt(0) - '0' : 0;
            }
            if (current != section || !line.startsWith("|")) {
                continue;
            }
            String[] cells = line.substring(1).split("\\|", -1);
            for (int k = 0; k < cells.length; k++) {
                cells[k] = cells[k].trim();
            }
            if (cells[0].endsWith(firstCellSuffix)) {
                rows.add(cells);
            }
        }
        return rows;
    }
}
