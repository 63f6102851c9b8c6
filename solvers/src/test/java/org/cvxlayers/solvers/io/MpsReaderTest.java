package org.cvxlayers.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.junit.jupiter.api.Test;

class MpsReaderTest {

    /*
     * max x + 2y − z + 0u + 0w + 0v + 3.5   (objective RHS −3.5 → constant +3.5)
     *   lim1:  1.5 ≤ x + y ≤ 4            (L row, rhs 4, range 2.5)
     *   lim2:  x ≥ 1                       (G row)
     *   eqn:   −y + z = 7                  (E row)
     *   rng:   0.5 ≤ 0.25 z ≤ 2            (E row, rhs 2, range −1.5)
     *   0 ≤ x ≤ 4, y ≤ 1 (MI), z ≥ 0, u free, w ≤ −2 (UP < 0, no LO), v = 3 (FX), t ≥ 0 (PL)
     */
    static final String FREE = """
            * a comment
            NAME          TESTLP
            OBJSENSE
                MAX
            ROWS
             N  obj
             L  lim1
             G  lim2
             E  eqn
             E  rng
            COLUMNS
                x  obj  1  lim1  1
                x  lim2  1
                y  obj  2  lim1  1
                y  eqn  -1
                z  obj  -1.  eqn  1
                z  rng  .25
                u  obj  0
                w  obj  0
                v  obj  0
                t  obj  0
            RHS
                rhs  obj  -3.5
                rhs  lim1  4  lim2  1
                rhs  eqn  7  rng  2
            RANGES
                rg  lim1  2.5
                rg  rng  -1.5
            BOUNDS
             UP bnd  x  4
             MI bnd  y
             UP bnd  y  1
             FR bnd  u
             UP bnd  w  -2
             FX bnd  v  3
             PL bnd  t
            ENDATA
            """;

    @Test
    void freeFormatRowsBoundsRangesAndMaximisation() throws IOException {
        ProblemFile pf = ProblemReaders.parse(FREE, "test.mps", ProblemFormat.AUTO);
        ConeProgram prog = pf.program();
        assertEquals("test", pf.name());
        assertEquals(-1.0, pf.objectiveSign());
        assertTrue(pf.isMaximization());
        assertEquals(new ProblemSize(7, 4, 6, 7), pf.size());
        // x, y, z, u, w, v, t
        double[] pt = {1, 1, 8, -5, -3, 3, 0};
        // file objective: 1 + 2 − 8 + 3.5 = −1.5
        assertEquals(-1.5, pf.fileObjective(Programs.objective(prog, pt)), 1e-12);
        assertEquals(1.5, Programs.objective(prog, pt), 1e-12);
        // rows: zero block = eqn, v = 3; nonnegative = lim1 (2), lim2, rng (2), x (2), y, z, w, t
        assertEquals(List.of(new ZeroCone(2), new NonnegativeCone(11)), prog.cones());
        List<double[]> s = Programs.slackBlocks(prog, pt);
        Programs.assertVector(new double[] {0, 0}, s.get(0), "equalities");
        double[] ineq = s.get(1).clone();
        Arrays.sort(ineq);
        // lim1: 2−1.5, 4−2; lim2: 0; rng: 2−0.5, 2−2; x: 1, 3; y: 1−1; z: 8; w: −2−(−3); t: 0
        double[] expected = {0.5, 2, 0, 1.5, 0, 1, 3, 0, 8, 1, 0};
        Arrays.sort(expected);
        Programs.assertVector(expected, ineq, "inequality slacks");
    }

    @Test
    void quadobjAndQmatrixGiveTheSameSymmetricQ() throws IOException {
        String head = """
                NAME QP
                ROWS
                 N  cost
                 E  c1
                COLUMNS
                    x  cost  1  c1  1
                    y  cost  -1  c1  1
                RHS
                    rhs  c1  3
                    rhs  cost  2
                BOUNDS
                 FR b x
                 FR b y
                """;
        String quadobj = head + "QUADOBJ\n    x  x  2\n    y  x  1\n    y  y  4\nENDATA\n";
        String qmatrix = head + "QMATRIX\n    x  x  2\n    x  y  1\n    y  x  1\n    y  y  4\nENDATA\n";
        for (String text : new String[] {quadobj, qmatrix}) {
            ProblemFile pf = ProblemReaders.parse(text, "qp.QPS", ProblemFormat.AUTO);
            ConeProgram prog = pf.program();
            assertEquals(3, prog.p().nnz());
            assertEquals(1.0, prog.p().get(0, 1));
            assertEquals(0.0, prog.p().get(1, 0));
            // f(1, 2) = ½(2 + 2·1·2 + 4·4) + 1 − 2 − 2 = 11 − 3 = 8
            assertEquals(8.0, pf.fileObjective(Programs.objective(prog, new double[] {1, 2})), 1e-12);
            assertEquals(List.of(new ZeroCone(1)), prog.cones());
        }
    }

    @Test
    void fixedFormatWithBlanksInNames() throws IOException {
        // fields at columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61
        String text = String.join("\n",
                "NAME          FIXED",
                "ROWS",
                " N  COST",
                " L  ROW 1",
                " G  ROW 2",
                "COLUMNS",
                "    COL A     COST                1.   ROW 1               2.",
                "    COL A     ROW 2               1.",
                "    COL B     COST               -1.   ROW 1               1.",
                "RHS",
                "    RHS 1     ROW 1              10.   ROW 2               1.",
                "BOUNDS",
                " UP BND 1     COL B               5.",
                "ENDATA", "");
        ProblemFile pf = ProblemReaders.parse(text, "fixed.mps", ProblemFormat.MPS);
        assertEquals(new ProblemSize(2, 2, 3, 2), pf.size());
        double[] pt = {2, 5};
        assertEquals(-3.0, Programs.objective(pf.program(), pt), 1e-12);
        double[] s = Programs.slack(pf.program(), pt);
        Arrays.sort(s);
        // ROW 1: 10 − 9 = 1; ROW 2: 2 − 1 = 1; COL A ≥ 0: 2; COL B ≥ 0: 5, ≤ 5: 0
        Programs.assertVector(new double[] {0, 1, 1, 2, 5}, s, "slacks");
    }

    @Test
    void integerMarkersAreRejectedWithTheLine() {
        String text = """
                NAME INT
                ROWS
                 N obj
                 L c
                COLUMNS
                    MARKER                 'MARKER'                 'INTORG'
                    x  obj  1  c  1
                ENDATA
                """;
        ProblemFormatException e = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(text, "int.mps", ProblemFormat.AUTO));
        assertEquals(6, e.line());
        assertTrue(e.getMessage().startsWith("int.mps:6:"), e.getMessage());
        assertTrue(e.getMessage().contains("integer"), e.getMessage());
    }

    @Test
    void binaryBoundsAreRejected() {
        String text = FREE.replace(" PL bnd  t", " BV bnd  t");
        ProblemFormatException e = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(text, "bv.mps", ProblemFormat.AUTO));
        assertEquals(36, e.line());
        assertTrue(e.getMessage().contains("BV"), e.getMessage());
    }

    @Test
    void malformedFilesNameTheLine() {
        String unknownRow = FREE.replace("    y  eqn  -1", "    y  nosuch  -1");
        ProblemFormatException e1 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(unknownRow, "bad.mps", ProblemFormat.AUTO));
        assertEquals(15, e1.line());
        assertTrue(e1.getMessage().contains("nosuch"), e1.getMessage());

        String badNumber = FREE.replace("rhs  lim1  4  lim2  1", "rhs  lim1  4x  lim2  1");
        ProblemFormatException e2 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(badNumber, "bad.mps", ProblemFormat.AUTO));
        assertEquals(24, e2.line());

        String noEnd = FREE.replace("ENDATA\n", "");
        ProblemFormatException e3 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(noEnd, "bad.mps", ProblemFormat.AUTO));
        assertTrue(e3.getMessage().contains("ENDATA"), e3.getMessage());

        String badSection = FREE.replace("RANGES", "RANGERS");
        ProblemFormatException e4 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(badSection, "bad.mps", ProblemFormat.AUTO));
        assertEquals(26, e4.line());
    }
}
