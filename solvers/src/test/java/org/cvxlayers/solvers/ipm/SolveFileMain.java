package org.cvxlayers.solvers.ipm;

import java.nio.file.Path;
import org.cvxlayers.solvers.io.ProblemFile;
import org.cvxlayers.solvers.io.ProblemReaders;

/** Debug entry point: solves one file verbosely. Usage: SolveFileMain FILE [maxIter]. */
public final class SolveFileMain {
    private SolveFileMain() {
    }

    public static void main(String[] args) throws Exception {
        ProblemFile pf = ProblemReaders.read(Path.of(args[0]));
        SolverSettings.Builder b = SolverSettings.builder().verbose(true);
        if (args.length > 1) {
            b.maxIterations(Integer.parseInt(args[1]));
        }
        if (System.getProperty("ipm.static") != null) {
            b.staticRegularizationConstant(Double.parseDouble(System.getProperty("ipm.static")));
        }
        if (System.getProperty("ipm.equil") != null) {
            b.equilibrate(Boolean.parseBoolean(System.getProperty("ipm.equil")));
        }
        Solution s = InteriorPointSolver.solve(pf.program(), b.build());
        System.out.println("file objective " + pf.fileObjective(s.objective()));
        var p = pf.program();
        if (s.status().isOptimal()) {
            double[] r = new double[p.m()];
            p.a().mulVec(1.0, s.x(), 0.0, r);
            double ax = KktCheck.normInf(r);
            for (int i = 0; i < p.m(); i++) {
                r[i] += s.s()[i] - p.b()[i];
            }
            double[] rd = new double[p.n()];
            double[] px = new double[p.n()];
            double[] aty = new double[p.n()];
            p.p().mulSymUpperVec(1.0, s.x(), 0.0, px);
            p.a().mulTransVec(1.0, s.y(), 0.0, aty);
            for (int j = 0; j < p.n(); j++) {
                rd[j] = px[j] + aty[j] + p.c()[j];
            }
            System.out.printf("pres %.2e |b| %.2e |Ax| %.2e |s| %.2e |x| %.2e ; dres %.2e |c| %.2e |Px| %.2e |Aty| %.2e |y| %.2e%n",
                    KktCheck.normInf(r), KktCheck.normInf(p.b()), ax, KktCheck.normInf(s.s()), KktCheck.normInf(s.x()),
                    KktCheck.normInf(rd), KktCheck.normInf(p.c()), KktCheck.normInf(px), KktCheck.normInf(aty),
                    KktCheck.normInf(s.y()));
        }
    }
}
