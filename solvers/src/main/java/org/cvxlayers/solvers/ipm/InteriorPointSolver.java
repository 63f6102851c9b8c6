package org.cvxlayers.solvers.ipm;

import org.cvxlayers.solvers.ConeProgram;

/**
 * The interior-point conic solver (placeholder of the contract; the implementation replaces this body).
 *
 * <p>Contract used by the other modules:
 * <ul>
 *   <li>{@code new InteriorPointSolver(program, settings)} equilibrates and does the symbolic analysis once;</li>
 *   <li>{@link #solve()} solves;</li>
 *   <li>{@link #update(double[], double[], double[], double[])} takes new values on the same patterns
 *       (null keeps the old values) and a later {@link #solve()} repeats no symbolic work;</li>
 *   <li>{@link #solve(ConeProgram, SolverSettings)} is the one-shot convenience.</li>
 * </ul>
 */
public final class InteriorPointSolver {
    private final ConeProgram program;
    private final SolverSettings settings;

    public InteriorPointSolver(ConeProgram program, SolverSettings settings) {
        this.program = program;
        this.settings = settings;
    }

    /** One-shot solve. */
    public static Solution solve(ConeProgram program, SolverSettings settings) {
        return new InteriorPointSolver(program, settings).solve();
    }

    /** Solves the current data. */
    public Solution solve() {
        throw new IllegalStateException("interior-point solver not built yet for " + program.n() + " variables, "
                + settings.maxIterations() + " iterations");
    }

    /** New values on the same sparsity patterns; null keeps the current values. */
    public void update(double[] pValues, double[] c, double[] aValues, double[] b) {
        throw new IllegalStateException("interior-point solver not built yet");
    }
}
