package org.cvxlayers.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cvxlayers.solvers.io.ProblemFile;
import org.cvxlayers.solvers.ipm.InteriorPointSolver;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.ipm.SolveInfo;
import org.cvxlayers.solvers.ipm.SolverSettings;

/**
 * The outcome of solving one file, with the objective as the file states it (sign and constant applied).
 *
 * @param file           the file as named on the command line
 * @param name           the instance name (file name without extensions)
 * @param status         the solver status name
 * @param objective      primal objective as the file states it
 * @param iterations     interior-point iterations
 * @param readMs         milliseconds spent reading the file
 * @param setupMs        solver setup milliseconds
 * @param solveMs        solver iteration milliseconds
 * @param primalResidual relative primal residual
 * @param dualResidual   relative dual residual
 * @param gap            absolute duality gap
 */
record SolveReport(String file, String name, String status, double objective, int iterations, double readMs,
        double setupMs, double solveMs, double primalResidual, double dualResidual, double gap) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Solves a problem read from {@code file} and reports it. */
    static SolveReport solve(String file, ProblemFile problem, double readMs, SolverSettings settings) {
        Solution sol = InteriorPointSolver.solve(problem.program(), settings);
        SolveInfo info = sol.info();
        return new SolveReport(file, problem.name(), sol.status().name(),
                problem.fileObjective(info.primalObjective()), info.iterations(), readMs, info.setupMs(),
                info.solveMs(), info.primalResidual(), info.dualResidual(), info.gap());
    }

    /** Solver time: setup plus iterations, in milliseconds. */
    double totalMs() {
        return setupMs + solveMs;
    }

    /**
     * One JSON object on one line with the fields of the {@code cvxlayers solve --json} contract (DESIGN.md),
     * plus {@code name} and {@code read_ms}. Non-finite numbers are written as {@code null}.
     */
    String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("status", status);
        m.put("objective", finite(objective));
        m.put("iterations", iterations);
        m.put("setup_ms", finite(setupMs));
        m.put("solve_ms", finite(solveMs));
        m.put("primal_residual", finite(primalResidual));
        m.put("dual_residual", finite(dualResidual));
        m.put("gap", finite(gap));
        m.put("name", name);
        m.put("read_ms", finite(readMs));
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + file, e);
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
