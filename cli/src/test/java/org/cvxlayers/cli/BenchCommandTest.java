package org.cvxlayers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "^solved (\\d+)/(\\d+) within 1e-6 relative; shifted geometric mean ([0-9.]+) ms \\(shift 10 ms\\)$");

    private static Matcher summary(String out) {
        String[] lines = out.strip().split("\\R");
        Matcher m = SUMMARY.matcher(lines[lines.length - 1]);
        assertTrue(m.matches(), "last line: " + lines[lines.length - 1]);
        return m;
    }

    /** a: right reference, b: wrong reference, c: no reference, d: reference without file, sub/: ignored. */
    private static Path suite(Path dir) throws IOException {
        SolveCommandTest.write(dir, "a.mps", SolveCommandTest.LP);
        SolveCommandTest.write(dir, "b.MPS", SolveCommandTest.LP.replace("rhs  obj  -1", "rhs  obj  -2"));
        SolveCommandTest.write(dir, "c.mps", SolveCommandTest.LP);
        SolveCommandTest.write(dir, "notes.txt", "not a problem");
        Files.createDirectories(dir.resolve("sub"));
        SolveCommandTest.write(dir.resolve("sub"), "e.mps", SolveCommandTest.LP);
        // b's optimum is 4.8, so its reference 3.8 is wrong
        SolveCommandTest.write(dir, "optimal.csv", "name,objective\na,3.8\nb,3.8\nd,1.0\n");
        return dir;
    }

    @Test
    void countsFollowTheDesignRules(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("bench", suite(dir).toString(), "--time-limit", "10");
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = summary(run.out());
        assertEquals("1", m.group(1));
        assertEquals("3", m.group(2)); // a, b, d (missing file); c has no reference; sub/ is not searched
        // one header, rows a, b, c, d, summary
        List<String> lines = run.out().strip().lines().toList();
        assertEquals(6, lines.size(), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("c ") && l.contains("SOLVED")), run.out());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("e ")), run.out());
        // d is charged the time limit (10 s): (t_a+10)(t_b+10)(10010) ≥ 1001000, so the mean is ≥ 100 − 10
        assertTrue(Double.parseDouble(m.group(3)) >= 90, m.group(3));
    }

    @Test
    void filterAndCsv(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("out").resolve("rows.csv");
        Files.createDirectories(csv.getParent());
        CliRun run = CliRun.of("bench", suite(dir).toString(), "--filter", "^[ab]$", "--csv", csv.toString());
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = summary(run.out());
        assertEquals("1", m.group(1));
        assertEquals("2", m.group(2));
        List<String> rows = Files.readAllLines(csv);
        assertEquals(3, rows.size());
        assertTrue(rows.get(1).startsWith("a,SOLVED,"), rows.get(1));
        assertTrue(rows.get(1).endsWith(",true,true"), rows.get(1));
        assertTrue(rows.get(2).startsWith("b,SOLVED,"), rows.get(2));
        assertEquals(4.8, Double.parseDouble(rows.get(2).split(",")[2]), 1e-7);
        assertTrue(rows.get(2).endsWith(",true,false"), rows.get(2));
    }

    @Test
    void missingDirectoryExitsTwo(@TempDir Path dir) {
        CliRun run = CliRun.of("bench", dir.resolve("none").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("none"), run.err());
    }

    @Test
    void unreadableInstanceIsShownAndNotSolved(@TempDir Path dir) throws IOException {
        SolveCommandTest.write(dir, "a.mps", SolveCommandTest.LP);
        SolveCommandTest.write(dir, "broken.mps", "NAME X\nROWS\n N obj\nCOLUMNS\n x nosuch 1\nENDATA\n");
        SolveCommandTest.write(dir, "optimal.csv", "name,objective\na,3.8\nbroken,0\n");
        CliRun run = CliRun.of("bench", dir.toString());
        assertEquals(0, run.exitCode(), run.err());
        Matcher m = summary(run.out());
        assertEquals("1", m.group(1));
        assertEquals("2", m.group(2));
        assertTrue(run.out().contains("READ_ERROR"), run.out());
        assertTrue(run.err().contains("broken.mps:5:"), run.err());
    }
}
