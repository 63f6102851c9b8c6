package org.cvxlayers.solvers.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;

/** Evaluations of a cone program at a point, for the reader tests. */
final class Programs {
    private Programs() {
    }

    /** ½xᵀPx + cᵀx + constant. */
    static double objective(ConeProgram prog, double[] x) {
        double[] px = new double[x.length];
        prog.p().mulSymUpperVec(1.0, x, 0.0, px);
        double f = prog.constant();
        for (int j = 0; j < x.length; j++) {
            f += 0.5 * x[j] * px[j] + prog.c()[j] * x[j];
        }
        return f;
    }

    /** The slack s = b − A x. */
    static double[] slack(ConeProgram prog, double[] x) {
        double[] s = prog.b().clone();
        prog.a().mulVec(-1.0, x, 1.0, s);
        return s;
    }

    /** The slack entries of each cone block. */
    static List<double[]> slackBlocks(ConeProgram prog, double[] x) {
        double[] s = slack(prog, x);
        List<double[]> out = new ArrayList<>();
        int at = 0;
        for (Cone k : prog.cones()) {
            double[] blk = new double[k.dim()];
            System.arraycopy(s, at, blk, 0, k.dim());
            out.add(blk);
            at += k.dim();
        }
        return out;
    }

    static void assertVector(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-12, what + "[" + k + "]");
        }
    }
}
