package org.cvxlayers.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DcpAnalyzer;
import org.cvxlayers.core.analysis.DcpException;
import org.cvxlayers.core.canon.Compiler;
import org.cvxlayers.core.canon.ConicConstraint;
import org.cvxlayers.core.canon.ParametricConeProgram;
import org.cvxlayers.core.constraints.Constraint;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.ShapeException;
import org.cvxlayers.core.expr.Variable;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.ipm.InteriorPointSolver;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.ipm.SolveInfo;
import org.cvxlayers.solvers.ipm.SolverSettings;

/**
 * An optimization problem {@code minimize/maximize f(x) subject to constraints}, as in CVXPY.
 *
 * <p>{@link #compile()} checks DCP and DPP and canonicalizes once into a {@link ParametricConeProgram}.
 * {@link #solve()} instantiates it at the current parameter values and solves with the interior-point
 * solver; solving again after changing parameters reuses the compilation and the solver's symbolic
 * analysis (the solver is kept and updated). A problem that is DCP but not DPP is solved by substituting
 * the parameter values and recompiling at each solve (as CVXPY does).
 *
 * <p>Not thread-safe: a problem holds mutable solve state (like CVXPY's). Share the compiled
 * {@link ParametricConeProgram} across threads instead.
 */
public final class Problem {
    private final Expression objective;
    private final boolean maximize;
    private final List<Constraint> constraints;

    private ParametricConeProgram compiled;
    private InteriorPointSolver solver;
    private SolverSettings solverSettings;
    private ProblemStatus status;
    private double value = Double.NaN;
    private Solution solution;
    private double compileMs;
    private int solverSetups;

    private Problem(Expression objective, boolean maximize, List<Constraint> constraints) {
        if (objective.size() != 1) {
            throw new ShapeException("the objective must be scalar, but " + objective + " has shape " + objective.shape());
        }
        this.objective = objective;
        this.maximize = maximize;
        this.constraints = List.copyOf(constraints);
    }

    public static Problem minimize(Expression objective, Constraint... constraints) {
        return new Problem(objective, false, Arrays.asList(constraints));
    }

    public static Problem minimize(Expression objective, List<? extends Constraint> constraints) {
        return new Problem(objective, false, new ArrayList<>(constraints));
    }

    public static Problem maximize(Expression objective, Constraint... constraints) {
        return new Problem(objective, true, Arrays.asList(constraints));
    }

    public static Problem maximize(Expression objective, List<? extends Constraint> constraints) {
        return new Problem(objective, true, new ArrayList<>(constraints));
    }

    public Expression objective() {
        return objective;
    }

    public boolean isMaximize() {
        return maximize;
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    /** Variables in order of first appearance (objective, then constraints). */
    public List<Variable> variables() {
        List<Variable> out = new ArrayList<>(objective.variables());
        for (Constraint c : constraints) {
            for (Expression a : c.args()) {
                for (Variable v : a.variables()) {
                    if (out.stream().noneMatch(o -> o == v)) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    /** Parameters in order of first appearance. */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>(objective.parameters());
        for (Constraint c : constraints) {
            for (Expression a : c.args()) {
                for (Parameter p : a.parameters()) {
                    if (out.stream().noneMatch(o -> o == p)) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Throws a {@link DcpException} naming the first violation of the DCP rules (or, with {@code dpp}, a
     * {@link org.cvxlayers.core.analysis.DppException} for the DPP rules).
     */
    public void check(boolean dpp) {
        Curvature c = DcpAnalyzer.check(objective, dpp);
        if (maximize ? !c.isConcave() : !c.isConvex()) {
            throw new DcpException((maximize ? "maximize(" : "minimize(") + objective + ")",
                    "the objective of a " + (maximize ? "maximization must be concave" : "minimization must be convex")
                            + ", but " + objective + " is " + c.label());
        }
        for (Constraint con : constraints) {
            con.checkDcp(dpp);
        }
    }

    public boolean isDcp() {
        return holds(false);
    }

    public boolean isDpp() {
        return holds(true);
    }

    private boolean holds(boolean dpp) {
        try {
            check(dpp);
            return true;
        } catch (DcpException e) {
            return false;
        }
    }

    /**
     * The parametric cone program, compiled once and cached.
     *
     * @throws DcpException if the problem is not DCP, {@link org.cvxlayers.core.analysis.DppException} if it is
     *                      DCP but not DPP
     */
    public ParametricConeProgram compile() {
        if (compiled == null) {
            check(false);
            check(true);
            long t0 = System.nanoTime();
            compiled = Compiler.compile(objective, maximize, constraints, false, variables(), parameters());
            compileMs = (System.nanoTime() - t0) / 1e6;
        }
        return compiled;
    }

    /** Milliseconds spent in the last canonicalization. */
    public double compileMillis() {
        return compileMs;
    }

    /**
     * How many solver workspaces (equilibration and symbolic analysis) this problem has built: one per
     * settings change for a DPP problem, however often parameters change; one per solve otherwise.
     */
    public int solverSetups() {
        return solverSetups;
    }

    /** Solves with the default settings; returns the status. */
    public ProblemStatus solve() {
        return solve(SolverSettings.defaults());
    }

    /** Solves with the given settings; returns the status (also in {@link #status()}). */
    public ProblemStatus solve(SolverSettings settings) {
        check(false);
        ParametricConeProgram program;
        double[] theta;
        if (isDpp()) {
            program = compile();
            theta = program.theta();
        } else {
            long t0 = System.nanoTime();
            program = Compiler.compile(objective, maximize, constraints, true, variables(), List.of());
            compileMs = (System.nanoTime() - t0) / 1e6;
            theta = new double[0];
            solver = null;
        }
        ConeProgram cp = program.instantiate(theta);
        if (solver != null && program == compiled && settings.equals(solverSettings)) {
            solver.update(cp.p().values(), cp.c(), cp.a().values(), cp.b());
        } else {
            solver = new InteriorPointSolver(cp, settings);
            solverSettings = settings;
            solverSetups++;
        }
        solution = solver.solve();
        status = ProblemStatus.of(solution.status());
        unpack(program, cp);
        if (program != compiled) {
            solver = null; // a substituted (non-DPP) program is not reused
        }
        return status;
    }

    private void unpack(ParametricConeProgram program, ConeProgram cp) {
        double sign = program.objectiveSign();
        boolean optimal = status.isOptimal();
        for (Map.Entry<Variable, int[]> e : program.variableIndices().entrySet()) {
            e.getKey().setValue(optimal ? program.variableValue(e.getKey(), solution.x()) : null);
        }
        for (Constraint c : constraints) {
            c.setDualFromCone(optimal ? program.constraintSlice((ConicConstraint) c, solution.y()) : null);
        }
        if (optimal) {
            double[] x = solution.x();
            double[] px = new double[x.length];
            cp.p().mulSymUpperVec(1.0, x, 0.0, px);
            double v = cp.constant();
            for (int i = 0; i < x.length; i++) {
                v += 0.5 * x[i] * px[i] + cp.c()[i] * x[i];
            }
            value = sign * v;
        } else if (status.isInfeasible()) {
            value = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        } else if (status.isUnbounded()) {
            value = maximize ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        } else {
            value = Double.NaN;
        }
    }

    /** Status of the last solve (null before any solve). */
    public ProblemStatus status() {
        return status;
    }

    /**
     * Optimal value of the last solve: +∞ for an infeasible minimization, −∞ for an unbounded one (reversed
     * for maximization), NaN after a solver error or limit.
     */
    public double value() {
        return value;
    }

    /** The solver's statistics of the last solve. */
    public SolveInfo solverStats() {
        if (solution == null) {
            throw new IllegalStateException("the problem has not been solved");
        }
        return solution.info();
    }

    /** The raw cone-program solution of the last solve (x, y, s of the compiled program). */
    public Solution solution() {
        return solution;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(maximize ? "maximize " : "minimize ").append(objective);
        if (!constraints.isEmpty()) {
            sb.append("\nsubject to ");
            for (int i = 0; i < constraints.size(); i++) {
                sb.append(i > 0 ? "\n           " : "").append(constraints.get(i));
            }
        }
        return sb.toString();
    }
}
