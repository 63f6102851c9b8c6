package org.cvxlayers.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cvxlayers.solvers.io.ProblemFormat;
import org.cvxlayers.solvers.io.ProblemReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerSuiteTest {

    /* max x + y + 1 s.t. x + 2y ≤ 4, 3x + y ≤ 6, 0 ≤ x ≤ 10, y ≥ −1: optimum (8/5, 6/5), value 3.8. */
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
            BOUNDS
             UP bnd  x  10
             LO bnd  y  -1
            ENDATA
            """;

    /* min ½(x² + y²) − x s.t. x + y = 1, x, y ≥ 0: optimum (1, 0), value −0.5. */
    static final String QP = """
            NAME QP
            ROWS
             N  cost
             E  e
            COLUMNS
                x  cost  -1  e  1
                y  e  1
            RHS
                rhs  e  1
            QUADOBJ
                x  x  1
                y  y  1
            ENDATA
            """;

    @Test
    void singletonRowsBecomeBoundsAgain() throws IOException {
        LinearQp qp = LinearQp.of(ProblemReaders.parse(LP, "small.mps", ProblemFormat.MPS));
        assertArrayEquals(new double[] {0, -1}, qp.lb);
        assertArrayEquals(new double[] {10, Double.POSITIVE_INFINITY}, qp.ub);
        assertEquals(0, qp.eq.size());
        assertEquals(2, qp.ineq.size());
        assertEquals(3.8, qp.fileObjective(new double[] {1.6, 1.2}), 1e-12);
        assertEquals(0.0, qp.violation(new double[] {1.6, 1.2}), 1e-12);
        assertEquals(1.0, qp.violation(new double[] {1.6, -2}), 1e-12); // y ≥ −1 broken by 1
    }

    private static String[] runOne(String solver, Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PeerSuite.runOne(solver, file, 30, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String line = bytes.toString(StandardCharsets.UTF_8).strip();
        assertTrue(line.startsWith("RESULT\t"), line);
        return line.split("\t", -1);
    }

    @Test
    void everyPeerSolvesTheSmallLpAndQp(@TempDir Path dir) throws IOException {
        Path lp = dir.resolve("small.mps");
        Files.writeString(lp, LP);
        Path qp = dir.resolve("small.qps");
        Files.writeString(qp, QP);
        for (String solver : new String[] {"ojalgo", "joptimizer", "hipparchus"}) {
            String[] r = runOne(solver, lp);
            assertEquals("SOLVED", r[1], solver + " LP: " + String.join(" ", r));
            assertEquals(3.8, Double.parseDouble(r[2]), 1e-6, solver + " LP");
            String[] q = runOne(solver, qp);
            assertEquals("SOLVED", q[1], solver + " QP: " + String.join(" ", q));
            assertEquals(-0.5, Double.parseDouble(q[2]), 1e-6, solver + " QP");
        }
    }
}
