package org.cvxlayers.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.junit.jupiter.api.Test;

class SdpaReaderTest {

    /* min x1 + 2 x2 s.t. x1·F1 + x2·F2 − F0 ⪰ 0 with a 2×2 block and a diagonal block of size 2. */
    static final String SMALL = """
            "a comment
            * another one
               2 =mdim
            2 =nblocks
            {2, -2}
            {+1.0, +2.0}
            0 1 1 1 1.0
            1 1 1 2 0.5
            1 1 1 1 1.0
            2 1 2 2 1.0
            1 2 1 1 1.0
            2 2 2 2 1.0
            """;

    @Test
    void blocksBecomeSvecRowsInSdplibConvention() throws IOException {
        ProblemFile pf = ProblemReaders.parse(SMALL, "small.dat-s", ProblemFormat.AUTO);
        ConeProgram prog = pf.program();
        assertEquals(new ProblemSize(2, 4, 6, 2), pf.size());
        assertEquals(List.of(new NonnegativeCone(2), new PsdCone(2)), prog.cones());
        double[] x = {1, 2};
        assertEquals(5.0, pf.fileObjective(Programs.objective(prog, x)), 1e-12);
        List<double[]> s = Programs.slackBlocks(prog, x);
        Programs.assertVector(new double[] {1, 2}, s.get(0), "diagonal block");
        // [[1, .5], [.5, 0]] + 2·[[0, 0], [0, 1]] − [[1, 0], [0, 0]] = [[0, .5], [.5, 2]]
        Programs.assertVector(new double[] {0, 0.5 * Math.sqrt(2), 2}, s.get(1), "svec block");
    }

    @Test
    void malformedEntriesNameTheLine() {
        ProblemFormatException e1 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(SMALL.replace("2 1 2 2 1.0", "2 1 3 2 1.0"), "bad.dat-s",
                        ProblemFormat.SDPA));
        assertEquals(10, e1.line());
        assertTrue(e1.getMessage().contains("outside block"), e1.getMessage());
        ProblemFormatException e2 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(SMALL.replace("1 2 1 1 1.0", "1 2 1 2 1.0"), "bad.dat-s",
                        ProblemFormat.SDPA));
        assertEquals(11, e2.line());
        assertTrue(e2.getMessage().contains("diagonal block"), e2.getMessage());
        ProblemFormatException e3 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(SMALL.replace("0 1 1 1 1.0", "0 1 1 1"), "bad.dat-s",
                        ProblemFormat.SDPA));
        assertEquals(7, e3.line());
    }
}
