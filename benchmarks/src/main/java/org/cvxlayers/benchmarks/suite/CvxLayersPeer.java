package org.cvxlayers.benchmarks.suite;

import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.ipm.InteriorPointSolver;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.ipm.SolverSettings;

/** Our interior-point solver in the same harness, on the cone program as read (bound rows included, all cones). */
final class CvxLayersPeer implements PeerSolver {

    @Override
    public String name() {
        return "CvxLayers-IPM";
    }

    @Override
    public String skipReason(LinearQp qp) {
        return null;
    }

    @Override
    public Outcome solve(LinearQp qp, double timeLimitSeconds) {
        return solveProgram(qp.file.program(), timeLimitSeconds);
    }

    @Override
    public String skipReason(ConicInstance program) {
        return null;
    }

    @Override
    public Outcome solve(ConicInstance program, double timeLimitSeconds) {
        return solveProgram(program.program, timeLimitSeconds);
    }

    /** Our solver with default settings and the time limit: LP/QP and cone programs take the same path. */
    private static Outcome solveProgram(ConeProgram program, double timeLimitSeconds) {
        SolverSettings settings = SolverSettings.builder().timeLimitSeconds(timeLimitSeconds).build();
        Solution sol = InteriorPointSolver.solve(program, settings);
        return new Outcome(sol.status().name(), sol.x(), "", sol.info().iterations());
    }
}
