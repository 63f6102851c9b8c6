package org.cvxlayers.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.DualExponentialCone;
import org.cvxlayers.solvers.cones.DualPowerCone;
import org.cvxlayers.solvers.cones.ExponentialCone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PowerCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.junit.jupiter.api.Test;

class CbfReaderTest {
    private static final double R2 = Math.sqrt(2.0);

    /*
     * max x0 + 2.5  s.t. x0 free, (x1, x2, x3) ∈ QR (2·x1·x2 ≥ x3²),
     *   x0 − x1 − 1 ≤ 0 (L-),  x2 − 3 = 0 (L=),  (x1, x2, x3) ∈ Q via the constraint side as well.
     */
    static final String SOC = """
            # comment
            VER
            1

            OBJSENSE
            MAX

            VAR
            4 2
            F 1
            QR 3

            CON
            5 3
            L- 1
            L= 1
            Q 3

            OBJACOORD
            1
            0 1.0

            OBJBCOORD
            2.5

            ACOORD
            6
            0 0 1.0
            0 1 -1.0
            1 2 1.0
            2 2 1.0
            3 1 1.0
            4 3 1.0

            BCOORD
            2
            0 -1.0
            1 -3.0
            """;

    @Test
    void linearSecondOrderAndRotatedCones() throws IOException {
        ProblemFile pf = ProblemReaders.parse(SOC, "soc.CBF", ProblemFormat.AUTO);
        ConeProgram prog = pf.program();
        assertEquals(-1.0, pf.objectiveSign());
        assertEquals(new ProblemSize(4, 5, 6, 1), pf.size());
        assertEquals(List.of(new ZeroCone(1), new NonnegativeCone(1), new SecondOrderCone(3),
                new SecondOrderCone(3)), prog.cones());
        double[] x = {2, 1, 3, 2}; // 2·1·3 = 6 ≥ 4
        assertEquals(4.5, pf.fileObjective(Programs.objective(prog, x)), 1e-12);
        List<double[]> s = Programs.slackBlocks(prog, x);
        Programs.assertVector(new double[] {0}, s.get(0), "L=");
        Programs.assertVector(new double[] {0}, s.get(1), "L- (negated)");
        // QR (x1, x2, x3) → ((x1+x2)/√2, (x1−x2)/√2, x3)
        Programs.assertVector(new double[] {4 / R2, -2 / R2, 2}, s.get(2), "QR as SOC");
        // Q on (x2, x1, x3)
        Programs.assertVector(new double[] {3, 1, 2}, s.get(3), "Q");
    }

    static final String EXP_POW = """
            VER
            3

            POWCONES
            1 2
            2
            3.0
            1.0

            POW*CONES
            1 2
            2
            1.0
            1.0

            OBJSENSE
            MIN

            VAR
            12 4
            EXP 3
            EXP* 3
            @0:POW 3
            @0:POW* 3

            OBJACOORD
            2
            0 1.0
            11 -1.0
            """;

    @Test
    void exponentialAndPowerConesInOurOrder() throws IOException {
        ProblemFile pf = ProblemReaders.parse(EXP_POW, "ep.cbf", ProblemFormat.CBF);
        ConeProgram prog = pf.program();
        assertEquals(List.of(new ExponentialCone(), new DualExponentialCone(), new PowerCone(0.75),
                new DualPowerCone(0.5)), prog.cones());
        double e = Math.E;
        // CBF EXP (e, 1, 1): e ≥ 1·exp(1/1); ours is reversed: (1, 1, e) with 1·exp(1/1) ≤ e
        // CBF EXP* (x0, x1, x2) = (1, 0, −1): x0 ≥ −x2·exp(x1/x2)/e; ours (−1, 0, 1)
        double[] x = {e, 1, 1, 1, 0, -1, 4, 1, 2, 1, 1, 1};
        assertEquals(e - 1, Programs.objective(prog, x), 1e-12);
        List<double[]> s = Programs.slackBlocks(prog, x);
        Programs.assertVector(new double[] {1, 1, e}, s.get(0), "EXP");
        Programs.assertVector(new double[] {-1, 0, 1}, s.get(1), "EXP*");
        Programs.assertVector(new double[] {4, 1, 2}, s.get(2), "POW");
        Programs.assertVector(new double[] {1, 1, 1}, s.get(3), "POW*");
        // the points are in our cones: y·exp(x/y) ≤ z, 4^0.75·1^0.25 ≥ |2|
        assertTrue(s.get(0)[1] * Math.exp(s.get(0)[0] / s.get(0)[1]) <= s.get(0)[2] + 1e-12);
        assertTrue(Math.pow(4, 0.75) >= 2);
    }

    /*
     * min ⟨F, X⟩ with F = [[0, 1], [1, 0]] (lower entry (1,0) = 1), X ⪰ 0 of order 2,
     *   trace(X) − 5 = 0 (FCOORD, L=),
     *   x0 · [[2, 1], [1, 0]] + [[0, 0], [0, 1]] ⪰ 0 (HCOORD / DCOORD),  x0 free.
     */
    static final String PSD = """
            VER
            3

            OBJSENSE
            MIN

            PSDVAR
            1
            2

            VAR
            1 1
            F 1

            PSDCON
            1
            2

            CON
            1 1
            L= 1

            OBJFCOORD
            1
            0 1 0 1.0

            FCOORD
            2
            0 0 0 0 1.0
            0 0 1 1 1.0

            BCOORD
            1
            0 -5.0

            HCOORD
            2
            0 0 0 0 2.0
            0 0 1 0 1.0

            DCOORD
            1
            0 1 1 1.0
            """;

    @Test
    void psdVariablesAndConstraintsInSvecForm() throws IOException {
        ProblemFile pf = ProblemReaders.parse(PSD, "psd.cbf", ProblemFormat.CBF);
        ConeProgram prog = pf.program();
        assertEquals(1 + 3, prog.n());
        assertEquals(List.of(new ZeroCone(1), new PsdCone(2), new PsdCone(2)), prog.cones());
        // x0 = 1, X = [[2, 1], [1, 3]] → svec(X) = (2, √2, 3)
        double[] x = {1, 2, R2, 3};
        assertEquals(2.0, Programs.objective(prog, x), 1e-12); // ⟨F, X⟩ = 2·X₁₀ = 2
        List<double[]> s = Programs.slackBlocks(prog, x);
        Programs.assertVector(new double[] {0}, s.get(0), "trace(X) = 5");
        Programs.assertVector(new double[] {2, R2, 3}, s.get(1), "svec(X)");
        // G = [[2, 1], [1, 1]] → svec (2, √2, 1)
        Programs.assertVector(new double[] {2, R2, 1}, s.get(2), "svec(G)");
    }

    @Test
    void malformedAndUnsupportedFilesNameTheLine() {
        ProblemFormatException e1 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(SOC.replace("QR 3", "QX 3"), "bad.cbf", ProblemFormat.CBF));
        assertEquals(11, e1.line());
        assertTrue(e1.getMessage().contains("QX"), e1.getMessage());

        ProblemFormatException e2 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(SOC.replace("4 3 1.0", "4 7 1.0"), "bad.cbf", ProblemFormat.CBF));
        assertEquals(33, e2.line());
        assertTrue(e2.getMessage().contains("out of range"), e2.getMessage());

        ProblemFormatException e3 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(SOC + "\nINT\n1\n0\n", "int.cbf", ProblemFormat.CBF));
        assertTrue(e3.getMessage().contains("integer"), e3.getMessage());

        ProblemFormatException e4 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(SOC.replace("4 2\n", "5 2\n"), "bad.cbf", ProblemFormat.CBF));
        assertTrue(e4.getMessage().contains("announced 5"), e4.getMessage());

        ProblemFormatException e5 = assertThrows(ProblemFormatException.class,
                () -> ProblemReaders.parse(SOC.replace("0 0 1.0\n", "0 0 abc\n"), "bad.cbf", ProblemFormat.CBF));
        assertEquals(28, e5.line());
    }
}
