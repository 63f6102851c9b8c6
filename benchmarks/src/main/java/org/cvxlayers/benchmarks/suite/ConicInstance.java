package org.cvxlayers.benchmarks.suite;

import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.cones.projection.ConeProjection;
import org.cvxlayers.solvers.cones.projection.ConeProjections;
import org.cvxlayers.solvers.io.ProblemFile;

/**
 * A cone program read by our readers that is not an LP/QP (it has second-order, PSD, exponential or power
 * cones), handed to the peers as it is: {@code min ½xᵀPx + cᵀx + constant s.t. A x + s = b, s ∈ K}. It scores
 * a peer's point the same way for every peer: the file's objective and the largest distance of
 * {@code b − A x} from the cone.
 */
final class ConicInstance {
    final ProblemFile file;
    final ConeProgram program;

    private ConicInstance(ProblemFile file) {
        this.file = file;
        this.program = file.program();
    }

    static ConicInstance of(ProblemFile file) {
        return new ConicInstance(file);
    }

    /** Whether every cone of the program is a zero or nonnegative cone, i.e. {@link LinearQp} can take it. */
    static boolean isLinear(ConeProgram program) {
        for (Cone k : program.cones()) {
            if (!(k instanceof ZeroCone) && !(k instanceof NonnegativeCone)) {
                return false;
            }
        }
        return true;
    }

    int n() {
        return program.n();
    }

    List<Cone> cones() {
        return program.cones();
    }

    /** The objective as the file states it at x. */
    double fileObjective(double[] x) {
        double[] px = new double[x.length];
        program.p().mulSymUpperVec(1.0, x, 0.0, px);
        double f = program.constant();
        double[] c = program.c();
        for (int j = 0; j < x.length; j++) {
            f += 0.5 * x[j] * px[j] + c[j] * x[j];
        }
        return file.fileObjective(f);
    }

    /** Largest entry of {@code |s − Π_K(s)|} with {@code s = b − A x}: how far x is from feasible (NaN if x is not finite). */
    double violation(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return Double.NaN; // an infeasibility certificate's NaN point: nothing to measure
            }
        }
        double[] s = program.b().clone();
        program.a().mulVec(-1.0, x, 1.0, s);
        double[] proj = new double[s.length];
        double worst = 0.0;
        int off = 0;
        for (Cone k : program.cones()) {
            ConeProjection pk = ConeProjections.of(k);
            pk.project(s, off, proj);
            for (int r = off; r < off + k.dim(); r++) {
                worst = Math.max(worst, Math.abs(s[r] - proj[r]));
            }
            off += k.dim();
        }
        return worst;
    }
}
