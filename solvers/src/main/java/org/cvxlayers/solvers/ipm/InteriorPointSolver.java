package org.cvxlayers.solvers.ipm;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.ipm.cones.CompositeCone;

/**
 * The interior-point conic solver for
 * <pre>
 *   minimize ½ xᵀPx + cᵀx   subject to   Ax + s = b,  s ∈ K
 * </pre>
 * following Clarabel (Goulart &amp; Chen 2024): a homogeneous self-dual embedding extended to quadratic
 * objectives, Mehrotra predictor–corrector steps with Nesterov–Todd scaling for the symmetric cones (and
 * the hooks Clarabel uses for nonsymmetric ones: unit initialization, dual-only scaling fallback, barrier
 * backtracking of the combined step), Ruiz equilibration undone on the results, and one quasi-definite KKT
 * system {@code [[P + εI, Aᵀ], [A, −Hs − εI]]} on a fixed pattern, factored by sparse LDLᵀ with static and
 * dynamic regularization and iterative refinement.
 *
 * <p>Departures from Clarabel, each needed by a NETLIB / Maros–Mészáros instance (see
 * {@code benchmarks/results/ipm.md}): a primal scaling that brings ‖b‖∞ to one after Ruiz equilibration; the
 * Δs offset computed as {@code s + W(λ \ shift)}; a static regularization lowered 100× when refinement stalls,
 * and lowered 100× at a time (to 1e-4× the constant) for the rest of the solve when a long step barely reduces a
 * residual;
 * a stricter optimality test (see {@code IterationInfo}); and one retry without equilibration when the
 * equilibrated solve ends without a definite answer (the returned iteration count and solve time then cover
 * both runs).
 *
 * <p>End-game accuracy (see {@code benchmarks/results/endgame.md}; CBLIB sched_*_orig, SDPLIB control, theta,
 * truss): each combined direction {@code sol + Δτ·constSol} is refined against its own KKT system (the
 * constant solve's relative error reaches 1e-2 near the optimum and would enter the residuals times Δτ);
 * an iteration whose factorization fails at both regular levels, or whose refined direction is still useless
 * (relative KKT residual above 1e-4), is redone on a raised static regularization (100×, then 10⁴×) for that
 * iteration only; a stall-lowering of the regularization that makes a residual jump tenfold on the next step
 * is undone for the rest of the solve.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@code new InteriorPointSolver(program, settings)} equilibrates and does the symbolic analysis once;
 *       {@link #InteriorPointSolver(SolverStructure, ConeProgram, SolverSettings)} reuses a shared
 *       {@link SolverStructure} (immutable, thread-safe) so several solvers on the same pattern — one per
 *       thread — repeat no symbolic work at all;</li>
 *   <li>{@link #solve()} solves;</li>
 *   <li>{@link #update(double[], double[], double[], double[])} takes new values on the same patterns
 *       (null keeps the old values) and a later {@link #solve()} repeats no symbolic work;</li>
 *   <li>{@link #solve(ConeProgram, SolverSettings)} is the one-shot convenience.</li>
 * </ul>
 * An instance is a mutable workspace: use it from one thread at a time. All iteration workspaces are
 * allocated by the constructor; the iterations allocate nothing (only the returned {@link Solution} is new).
 */
public final class InteriorPointSolver {
    /** Clarabel's defaults for the step-length safeguards. */
    private static final double MIN_TERMINATE_STEP = 1e-4;
    private static final double MIN_SWITCH_STEP = 0.1;
    private static final double BACKTRACK_STEP = 0.8;
    /** The lowered static regularization level, relative to the settings' constant. */
    private static final double LOW_REG_SCALE = 0.01;
    /** The floor of the static regularization level when residuals stall, relative to the settings' constant. */
    private static final double MIN_REG_SCALE = 1e-4;

    /**
     * Raised static regularization levels (relative to the settings' constant) tried in turn when both
     * regular levels break the factorization down (non-finite solve): on SDPLIB theta1 and truss5 the dense
     * PSD scaling block reaches 6e10 near the optimum and the factorization of x-pivots ε = 1e-8 against it
     * fails; ε = 1e-4 factors, and refinement against the unregularized matrix recovers the accuracy.
     */
    private static final double[] RAISED_REG_SCALES = {1e2, 1e4};
    /** Direction refinement stops once a step lowers the KKT residual by less than this factor. */
    private static final double DIRECTION_REFINEMENT_RATIO = 0.9;
    /** A refined direction with a larger relative KKT residual ‖K d − rhs‖∞ / ‖rhs‖∞ is useless. */
    private static final double DIRECTION_USELESS = 1e-4;

    private final SolverStructure structure;
    private final DualConeReduction reduction;
    private final SolverSettings settings;
    private final double constant;
    private final int n;
    private final int m;
    private final ProblemData data;
    private final CompositeCone cones;
    private final KktSystem kkt;
    private final Variables vars;
    private final Variables prevVars;
    private final Variables step;
    private final Residuals res;
    private final IterationInfo info = new IterationInfo();
    // KKT right-hand sides and solutions
    private final double[] rhs;
    private final double[] sol;
    private final double[] constSol;
    // cone workspaces of length m
    private final double[] ds;
    private final double[] dsOffset;
    private final double[] coneWork;
    private final double[] stepZ;
    private final double[] stepS;
    private final double[] pxi;
    private final double[] dxWork;
    private final double[] dzWork;
    // direction refinement workspaces
    private final double[] refX;
    private final double[] refZ;
    private final double[] refHz;
    private final double[] refSaveX;
    private final double[] refSaveZ;
    private final double[] refR;
    private final double[] refTrialR;
    private final double[] refCorr;
    private double tauDenominator;
    private double regScale = 1.0;
    /** Whether a residual stall may still lower the static regularization (off once a lowering was undone). */
    private boolean stallLowering = true;
    /** Iteration of the last stall lowering (−1: none) and the level before it. */
    private int loweredAt = -1;
    private double regBeforeLowering = 1.0;
    /**
     * Whether the last iteration ran on a raised static regularization: a residual stall after it says
     * nothing about the regular level, so it must not lower that level.
     */
    private boolean raisedRegularization;
    /** σ of the last predictor–corrector pass. */
    private double lastSigma = 1.0;
    /** ‖K d − rhs‖∞ / ‖rhs‖∞ of the last refined direction d. */
    private double directionRelError;
    private final double[] pair = new double[2];
    private boolean equilibrated;
    private double setupMs;

    /** Builds the structure and a workspace for {@code program}. */
    public InteriorPointSolver(ConeProgram program, SolverSettings settings) {
        this(null, DualConeReduction.of(program), settings, System.nanoTime());
    }

    /**
     * A workspace on a shared {@link SolverStructure}; {@code program} must have the structure's patterns
     * and cones (checked).
     *
     * @throws IllegalArgumentException if the patterns or cones differ from the structure's
     */
    public InteriorPointSolver(SolverStructure structure, ConeProgram program, SolverSettings settings) {
        this(structure, DualConeReduction.of(program), settings, System.nanoTime());
    }

    // dual exponential / power blocks are rewritten as primal blocks (DualConeReduction) before anything else
    private InteriorPointSolver(SolverStructure shared, DualConeReduction reduction, SolverSettings settings, long t0) {
        this.reduction = reduction;
        ConeProgram program = reduction.reduced();
        SolverStructure structure = shared == null ? new SolverStructure(program) : shared;
        if (!structure.matches(program)) {
            throw new IllegalArgumentException("program does not have the sparsity patterns and cones of the "
                    + "shared SolverStructure (n=" + structure.n() + ", m=" + structure.m() + ")");
        }
        this.structure = structure;
        this.settings = settings == null ? SolverSettings.defaults() : settings;
        this.constant = program.constant();
        this.n = structure.n();
        this.m = structure.m();
        this.data = new ProblemData(structure, program.p().values(), program.c(), program.a().values(),
                program.b());
        this.cones = new CompositeCone(structure.cones());
        this.kkt = new KktSystem(structure);
        this.vars = new Variables(n, m);
        this.prevVars = new Variables(n, m);
        this.step = new Variables(n, m);
        this.res = new Residuals(n, m);
        int dim = kkt.dim();
        this.rhs = new double[dim];
        this.sol = new double[dim];
        this.constSol = new double[dim];
        this.ds = new double[m];
        this.dsOffset = new double[m];
        this.coneWork = new double[m];
        this.stepZ = new double[m];
        this.stepS = new double[m];
        this.pxi = new double[n];
        this.dxWork = new double[n];
        this.dzWork = new double[m];
        this.refX = new double[n];
        this.refZ = new double[m];
        this.refHz = new double[m];
        this.refSaveX = new double[n];
        this.refSaveZ = new double[m];
        this.refR = new double[dim];
        this.refTrialR = new double[dim];
        this.refCorr = new double[dim];
        prepare();
        this.setupMs = (System.nanoTime() - t0) / 1e6;
    }

    /** One-shot solve. */
    public static Solution solve(ConeProgram program, SolverSettings settings) {
        return new InteriorPointSolver(program, settings).solve();
    }

    /** The shared symbolic structure of this solver. */
    public SolverStructure structure() {
        return structure;
    }

    /**
     * New values on the same sparsity patterns; null keeps the current values. Only numeric work follows
     * (equilibration of the new data); the KKT pattern and the symbolic factorization are kept.
     *
     * @throws IllegalArgumentException if an array has the wrong length or a non-finite entry
     */
    public void update(double[] pValues, double[] c, double[] aValues, double[] b) {
        long t0 = System.nanoTime();
        data.setValues(pValues, c, aValues == null ? null : reduction.reduceAValues(aValues),
                b == null ? null : reduction.reduceB(b));
        equilibrated = false;
        prepare();
        setupMs = (System.nanoTime() - t0) / 1e6;
    }

    private void prepare() {
        prepare(settings.equilibrate());
    }

    private void prepare(boolean equilibrate) {
        data.checkFinite();
        data.equilibrate(settings, cones, equilibrate);
        kkt.setData(data);
        equilibrated = equilibrate == settings.equilibrate();
    }

    /** Solves the current data. */
    public Solution solve() {
        if (!equilibrated) {
            prepare();
        }
        long t0 = System.nanoTime();
        Solution first = solveOnce(t0, settings.timeLimitSeconds() * 1e9);
        if (!settings.equilibrate() || !isRetryable(first.status())) {
            return first;
        }
        // Fallback: Ruiz scaling occasionally makes the endgame stall (e.g. Maros–Mészáros HS268); retry once
        // on the unscaled data and keep the retry only if it reached a definite answer.
        if (settings.verbose()) {
            System.out.println("retrying without equilibration after " + first.status());
        }
        prepare(false);
        Solution second = solveOnce(System.nanoTime(), settings.timeLimitSeconds() * 1e9 - (System.nanoTime() - t0));
        prepare(true);
        SolveInfo a = first.info();
        if (!isDefinite(second.status())) {
            return first;
        }
        SolveInfo b = second.info();
        SolveInfo merged = new SolveInfo(a.iterations() + b.iterations(), b.primalObjective(), b.dualObjective(),
                b.primalResidual(), b.dualResidual(), b.gap(), b.setupMs(), a.solveMs() + b.solveMs());
        return new Solution(second.x(), second.y(), second.s(), second.status(), merged);
    }

    private static boolean isRetryable(SolveStatus st) {
        return st == SolveStatus.ALMOST_SOLVED || st == SolveStatus.ALMOST_PRIMAL_INFEASIBLE
                || st == SolveStatus.ALMOST_DUAL_INFEASIBLE || st == SolveStatus.MAX_ITERATIONS
                || st == SolveStatus.NUMERICAL_ERROR || st == SolveStatus.INSUFFICIENT_PROGRESS;
    }

    private static boolean isDefinite(SolveStatus st) {
        return st == SolveStatus.SOLVED || st == SolveStatus.PRIMAL_INFEASIBLE || st == SolveStatus.DUAL_INFEASIBLE;
    }

    private Solution solveOnce(long t0, double timeLimitNs) {
        PrintStream out = settings.verbose() ? System.out : null;
        if (out != null) {
            printHeader(out);
        }
        info.reset();
        regScale = 1.0;
        stallLowering = true;
        loweredAt = -1;
        raisedRegularization = false;
        int iter = 0;
        double alpha = 0.0;
        double sigma = 1.0;
        boolean dualScaling = false;

        if (!initialize()) {
            info.status = SolveStatus.NUMERICAL_ERROR;
        }
        while (info.status == null) {
            res.update(vars, data);
            double mu = vars.mu(cones.degree());
            info.update(data, vars, res, constant);
            if (out != null) {
                printRow(out, iter, alpha, sigma);
            }
            if (loweredAt == iter - 1 && iter > 1 && info.residualJumped()) {
                // the first step on the lowered level made a residual jump tenfold: the regularization was not
                // what limited accuracy (SDPLIB control3: pres 1e-11 → 7e-10, lowering ε only amplified the
                // growth of the ε-pivots); undo it and lower no more in this solve
                regScale = regBeforeLowering;
                stallLowering = false;
                if (out != null) {
                    out.println("  residual jumped on the lowered static regularization: lowering undone");
                }
            } else if (stallLowering && !raisedRegularization && iter > 1 && regScale > MIN_REG_SCALE
                    && alpha * (1.0 - sigma) >= 0.9
                    && info.residualStalled(settings.tolFeas())) {
                // a long step that barely lowered a residual: the static regularization dominates small
                // pivots of an ill-conditioned KKT matrix (Maros–Mészáros LISWET1); go on 100× lower
                regBeforeLowering = regScale;
                loweredAt = iter;
                regScale = Math.max(MIN_REG_SCALE, regScale * LOW_REG_SCALE);
                if (out != null) {
                    out.println("  residual stalled after a long step: static regularization lowered");
                }
            }
            info.checkConvergenceFull(settings);
            info.checkProgress(settings, iter);
            if (info.status == SolveStatus.INSUFFICIENT_PROGRESS) {
                // the last step made things worse: go back to the previous iterate
                vars.copyFrom(prevVars);
                info.restorePrevious();
                if (!cones.isSymmetric() && !dualScaling) {
                    dualScaling = true;
                    info.status = null;
                    res.update(vars, data);
                    continue;
                }
                break;
            }
            if (info.status != null) {
                break;
            }
            if (iter >= settings.maxIterations()) {
                info.status = SolveStatus.MAX_ITERATIONS;
                break;
            }
            if (System.nanoTime() - t0 > timeLimitNs) {
                info.status = SolveStatus.MAX_TIME;
                break;
            }

            if (!cones.updateScaling(vars.s, vars.z, mu, dualScaling)) {
                info.status = SolveStatus.NUMERICAL_ERROR;
                break;
            }
            iter++;
            raisedRegularization = false;
            kkt.updateHs(cones);
            boolean ok = factorAndSolveConstant() && predictorCorrector(iter, mu, dualScaling);
            if (ok && !(directionRelError <= DIRECTION_USELESS)) {
                ok = retryWithRaisedRegularization(iter, mu, dualScaling, out);
            }
            sigma = lastSigma;
            if (!ok) {
                if (out != null) {
                    out.println("  KKT factorization or solve failed at iteration " + iter);
                }
                if (!cones.isSymmetric() && !dualScaling) {
                    dualScaling = true;
                    alpha = 0.0;
                    continue;
                }
                info.status = SolveStatus.NUMERICAL_ERROR;
                alpha = 0.0;
                break;
            }
            alpha = stepLength(true, dualScaling);
            if (!cones.isSymmetric() && !dualScaling && alpha < MIN_SWITCH_STEP) {
                dualScaling = true;
                alpha = 0.0;
                continue;
            }
            if (alpha <= MIN_TERMINATE_STEP) {
                if (out != null) {
                    out.println("  step length " + alpha + " too short at iteration " + iter);
                }
                info.status = SolveStatus.INSUFFICIENT_PROGRESS;
                break;
            }
            info.savePrevious();
            prevVars.copyFrom(vars);
            vars.addStep(step, alpha);
            // the embedding is homogeneous: keep max(τ, κ) = 1 so the iterate can neither overflow nor
            // underflow (x/τ, s/τ, z/τ and every scaling are unchanged)
            vars.scale(1.0 / Math.max(vars.tau, vars.kappa));
        }
        SolveStatus st = info.status;
        if (st == SolveStatus.NUMERICAL_ERROR || st == SolveStatus.INSUFFICIENT_PROGRESS
                || st == SolveStatus.MAX_ITERATIONS || st == SolveStatus.MAX_TIME) {
            info.checkConvergenceAlmost(settings);
        }
        double solveMs = (System.nanoTime() - t0) / 1e6;
        Solution solution = buildSolution(iter, solveMs);
        if (out != null) {
            printFooter(out, solution);
        }
        return solution;
    }

    /** Starting point: KKT-based for symmetric cones (as Clarabel / CVXOPT), unit point otherwise. */
    private boolean initialize() {
        vars.tau = 1.0;
        vars.kappa = 1.0;
        if (!cones.isSymmetric()) {
            Arrays.fill(vars.x, 0.0);
            cones.unitInitialization(vars.z, vars.s);
            return true;
        }
        cones.setIdentityScaling();
        kkt.updateHs(cones);
        if (!kkt.factor(settings, regScale)) {
            return false;
        }
        Arrays.fill(rhs, 0.0);
        if (data.p.nnz() > 0) {
            // QP: one solve of [P A'; A -I][x; z] = [-q; b]; s = -z
            for (int j = 0; j < n; j++) {
                rhs[j] = -data.q[j];
            }
            System.arraycopy(data.b, 0, rhs, n, m);
            if (!kkt.solve(rhs, sol, settings)) {
                return false;
            }
            System.arraycopy(sol, 0, vars.x, 0, n);
            for (int i = 0; i < m; i++) {
                vars.z[i] = sol[n + i];
                vars.s[i] = -sol[n + i];
            }
        } else {
            // LP: primal point from rhs [0; b], dual point from rhs [-q; 0]
            System.arraycopy(data.b, 0, rhs, n, m);
            if (!kkt.solve(rhs, sol, settings)) {
                return false;
            }
            System.arraycopy(sol, 0, vars.x, 0, n);
            for (int i = 0; i < m; i++) {
                vars.s[i] = -sol[n + i];
            }
            Arrays.fill(rhs, 0.0);
            for (int j = 0; j < n; j++) {
                rhs[j] = -data.q[j];
            }
            if (!kkt.solve(rhs, sol, settings)) {
                return false;
            }
            System.arraycopy(sol, n, vars.z, 0, m);
        }
        shiftToCone(vars.s, true);
        shiftToCone(vars.z, false);
        return true;
    }

    /**
     * Moves z into the interior (Clarabel's rule): the target margin is max(1, 0.1·(sum of positive
     * margins)/ν); a block outside the cone is first shifted onto the boundary, then by the target.
     */
    private void shiftToCone(double[] z, boolean primal) {
        cones.margins(z, primal, pair);
        double minMargin = pair[0];
        if (!Double.isFinite(minMargin)) {
            cones.scaledUnitShift(z, 0.0, primal); // only zero cones: force their entries
            return;
        }
        double target = Math.max(1.0, 0.1 * pair[1] / Math.max(1, cones.degree()));
        if (minMargin <= 0) {
            cones.scaledUnitShift(z, -minMargin, primal);
            cones.scaledUnitShift(z, target, primal);
        } else if (minMargin < target) {
            cones.scaledUnitShift(z, target - minMargin, primal);
        } else {
            cones.scaledUnitShift(z, 0.0, primal);
        }
    }

    /**
     * The predictor (affine) and corrector (combined) Newton steps on the current factorization; the
     * combined direction is left in {@link #step}, σ in {@link #lastSigma}. Returns false if a solve failed.
     */
    private boolean predictorCorrector(int iter, double mu, boolean dualScaling) {
        cones.affineDs(ds, vars.s);
        if (!newtonStep(1.0, ds, vars.tau * vars.kappa, true)) {
            return false;
        }
        double alphaAff = stepLength(false, dualScaling);
        double sigma = Math.pow(1.0 - alphaAff, 3);
        lastSigma = sigma;
        // reduced Mehrotra correction on the first iteration (badly centred start)
        double mc = iter > 1 ? 1.0 : alphaAff;
        for (int i = 0; i < m; i++) {
            stepZ[i] = mc * step.z[i];
            stepS[i] = mc * step.s[i];
        }
        double dtauK = mc * mc * step.tau * step.kappa;
        if (cones.isSymmetric()) {
            // ds = λ∘λ + shift; pass the shift alone, its λ∘λ part maps to s exactly
            cones.combinedDsShift(ds, stepZ, stepS, sigma * mu);
        } else {
            cones.combinedDsShift(coneWork, stepZ, stepS, sigma * mu);
            cones.affineDs(ds, vars.s);
            for (int i = 0; i < m; i++) {
                ds[i] += coneWork[i];
            }
        }
        return newtonStep(1.0 - sigma, ds, vars.tau * vars.kappa + dtauK - sigma * mu, false);
    }

    /**
     * The refined combined direction still solves its KKT system no better than 1e-4 relative: the
     * factorization is finite but useless (pivots changed by dynamic regularization in a matrix whose
     * scaling blocks span 1e12 — CBLIB sched_50_50_orig near its optimum). Recomputes the iteration's
     * directions on the raised static regularization levels, for this iteration only, keeping the first
     * useful one (else the last).
     */
    private boolean retryWithRaisedRegularization(int iter, double mu, boolean dualScaling, PrintStream out) {
        double before = directionRelError;
        boolean ok = false;
        for (double raised : RAISED_REG_SCALES) {
            raisedRegularization = true;
            ok = kkt.factor(settings, raised) && solveConstant() && predictorCorrector(iter, mu, dualScaling);
            if (ok && directionRelError <= DIRECTION_USELESS) {
                if (out != null) {
                    out.printf(Locale.ROOT, "  direction with relative KKT residual %.1e: static regularization "
                            + "raised %.0e× for this iteration%n", before, raised);
                }
                return true;
            }
        }
        return ok;
    }

    /**
     * Factors the KKT matrix and solves the constant system. When iterative refinement ends far above its
     * target — the static regularization then dominates the small pivots of an ill-conditioned matrix, or is
     * too small to keep the factorization stable — the other regularization level (100× smaller or the
     * default) is tried as well and the more accurate factorization is kept. When neither level gives a
     * finite solution, the raised levels {@link #RAISED_REG_SCALES} are tried for this iteration only.
     */
    private boolean factorAndSolveConstant() {
        boolean ok = kkt.factor(settings, regScale) && solveConstant();
        if (ok && !kkt.lastSolveInaccurate(settings)) {
            return true;
        }
        double err = ok ? kkt.lastError / Math.max(1e-300, kkt.lastRhsNorm) : Double.POSITIVE_INFINITY;
        double current = regScale;
        double alternative = regScale == 1.0 ? LOW_REG_SCALE : 1.0;
        boolean altOk = kkt.factor(settings, alternative) && solveConstant();
        double altErr = altOk ? kkt.lastError / Math.max(1e-300, kkt.lastRhsNorm) : Double.POSITIVE_INFINITY;
        if (altOk && altErr < err) {
            regScale = alternative;
            return true;
        }
        if (ok) {
            return kkt.factor(settings, regScale) && solveConstant();
        }
        for (double raised : RAISED_REG_SCALES) {
            raisedRegularization = true;
            if (kkt.factor(settings, raised) && solveConstant()) {
                if (settings.verbose()) {
                    System.out.printf(Locale.ROOT, "  factorization failed: static regularization raised %.0e× "
                            + "for this iteration%n", raised);
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Solves K [x1; z1] = [−q; b], the τ-direction of every Newton step of this iteration, and the
     * denominator of Δτ. Eliminating Δx, Δz from the τ-row gives
     * {@code κ/τ − (q + 2Pξ)ᵀx1 − bᵀz1 + ξᵀPξ} (ξ = x/τ), which by the KKT equations equals the manifestly
     * positive {@code κ/τ + ‖x1 − ξ‖²_P + z1ᵀHs z1} plus the regularization's share. The first cancels badly
     * near convergence when Hs is ill-conditioned, the second misses the regularization term that dominates
     * when A has dependent rows (inconsistent equalities); the larger of the two is used.
     */
    private boolean solveConstant() {
        Arrays.fill(rhs, 0.0);
        for (int j = 0; j < n; j++) {
            rhs[j] = -data.q[j];
        }
        System.arraycopy(data.b, 0, rhs, n, m);
        if (!kkt.solve(rhs, constSol, settings)) {
            return false;
        }
        double tau = vars.tau;
        for (int j = 0; j < n; j++) {
            dxWork[j] = constSol[j] - vars.x[j] / tau;
        }
        data.p.mulSymUpperVec(1.0, dxWork, 0.0, pxi);
        double quad = Residuals.dot(dxWork, pxi, n);
        System.arraycopy(constSol, n, dzWork, 0, m);
        cones.mulHs(coneWork, dzWork, stepZ);
        double hs = Residuals.dot(dzWork, coneWork, m);
        double positive = vars.kappa / tau + Math.max(0.0, quad) + Math.max(0.0, hs);
        // the eliminated form also carries the regularization's share (ε‖z1‖², large when the rows of A are
        // dependent) that the positive form omits; it can only be larger, so take the maximum
        double xiPxi = res.dotXPx / (tau * tau);
        double eliminated = vars.kappa / tau + xiPxi;
        for (int j = 0; j < n; j++) {
            eliminated -= (data.q[j] + 2.0 * res.px[j] / tau) * constSol[j];
        }
        for (int i = 0; i < m; i++) {
            eliminated -= data.b[i] * constSol[n + i];
        }
        tauDenominator = Double.isFinite(eliminated) ? Math.max(positive, eliminated) : positive;
        return tauDenominator > 0 && Double.isFinite(tauDenominator);
    }

    /**
     * Solves the linearized embedding for targets {@code eta·(rx, rz, rτ)}, complementarity right-hand side
     * {@code dsv} and {@code dkappa}; writes the direction to {@link #step}. Returns false on failure. For
     * symmetric cones {@code dsv} is ignored in the affine step and holds only the corrector shift (without
     * λ∘λ) in the combined step.
     */
    private boolean newtonStep(double eta, double[] dsv, double dkappa, boolean affine) {
        double tau = vars.tau;
        double kappa = vars.kappa;
        if (cones.isSymmetric()) {
            // W(λ \ (λ∘λ)) = Wλ = s exactly: skip the round trip through λ for that part (as Clarabel does
            // for the affine step); dsv then holds only the corrector shift of the combined step
            if (affine) {
                System.arraycopy(vars.s, 0, dsOffset, 0, m);
            } else {
                cones.deltaSFromDeltaZOffset(dsOffset, dsv, coneWork, vars.z);
                for (int i = 0; i < m; i++) {
                    dsOffset[i] += vars.s[i];
                }
            }
        } else {
            cones.deltaSFromDeltaZOffset(dsOffset, dsv, coneWork, vars.z);
        }
        Arrays.fill(rhs, 0.0);
        for (int j = 0; j < n; j++) {
            rhs[j] = -eta * res.rx[j];
        }
        for (int i = 0; i < m; i++) {
            rhs[n + i] = -eta * res.rz[i] + dsOffset[i];
        }
        if (!kkt.solve(rhs, sol, settings)) {
            return false;
        }
        // Δτ from the τ-row: (q + 2Pξ)ᵀΔx + bᵀΔz + Δκ − ξᵀPξ Δτ = −dτ, κΔτ + τΔκ = −dκ
        for (int j = 0; j < n; j++) {
            pxi[j] = data.q[j] + 2.0 * res.px[j] / tau;
        }
        double num = eta * res.rtau - dkappa / tau + Residuals.dot(pxi, sol, n);
        for (int i = 0; i < m; i++) {
            num += data.b[i] * sol[n + i];
        }
        double den = tauDenominator;
        if (!(den > 0) || !Double.isFinite(num)) {
            return false;
        }
        double dtau = num / den;
        for (int j = 0; j < n; j++) {
            step.x[j] = sol[j] + dtau * constSol[j];
        }
        for (int i = 0; i < m; i++) {
            step.z[i] = sol[n + i] + dtau * constSol[n + i];
        }
        // the direction solves K [Δx; Δz] = rhs + Δτ [−q; b]; refine it against that system directly
        for (int j = 0; j < n; j++) {
            rhs[j] -= dtau * data.q[j];
        }
        for (int i = 0; i < m; i++) {
            rhs[n + i] += dtau * data.b[i];
        }
        refineDirection();
        cones.mulHs(step.s, step.z, coneWork);
        for (int i = 0; i < m; i++) {
            step.s[i] = -dsOffset[i] - step.s[i];
        }
        kkt.eliminatedSlackStep(step.s, step.x, dtau, eta, res.rz, data.b);
        step.tau = dtau;
        step.kappa = (-dkappa - kappa * dtau) / tau;
        return Double.isFinite(dtau) && Double.isFinite(step.kappa);
    }

    /**
     * r ← rhs − K_red [Δx; Δz] for the reduced KKT matrix {@code [[P, Aᵀ], [A, −Hs]]} at the current
     * direction in {@link #step}; returns ‖r‖∞.
     */
    private double directionResidual(double[] r) {
        data.p.mulSymUpperVec(1.0, step.x, 0.0, refX);
        data.a.mulTransVec(1.0, step.z, 1.0, refX);
        for (int j = 0; j < n; j++) {
            r[j] = rhs[j] - refX[j];
        }
        data.a.mulVec(1.0, step.x, 0.0, refZ);
        cones.mulHs(refHz, step.z, coneWork);
        for (int i = 0; i < m; i++) {
            r[n + i] = rhs[n + i] - (refZ[i] - refHz[i]);
        }
        double mx = 0.0;
        for (int k = 0; k < n + m; k++) {
            double a = Math.abs(r[k]);
            if (!(a <= mx)) {
                mx = Double.isNaN(a) ? Double.POSITIVE_INFINITY : a;
            }
        }
        return mx;
    }

    /**
     * Iterative refinement of the combined direction {@code (Δx, Δz)} = {@code sol + Δτ·constSol} against
     * its own system {@code K_red [Δx; Δz] = rhs} (rhs already holding the Δτ term). Each of the two solves
     * was refined separately, but the constant solve's error — whose right-hand side {@code [−q; b]} is tiny
     * against its solution near the optimum (relative errors 1e-5..1e-2 on CBLIB sched, SDPLIB control) —
     * enters the direction multiplied by Δτ and ends up in the residuals. A step is kept only if it lowers
     * ‖r‖∞.
     */
    private void refineDirection() {
        double rhsNorm = 0.0;
        for (int k = 0; k < n + m; k++) {
            rhsNorm = Math.max(rhsNorm, Math.abs(rhs[k]));
        }
        double err = refineDirectionSteps(directionResidual(refR));
        directionRelError = err / Math.max(rhsNorm, Double.MIN_NORMAL);
    }

    private double refineDirectionSteps(double err) {
        for (int k = 0; k < settings.directionRefinementMaxSteps() && err > 0; k++) {
            if (!kkt.solve(refR, refCorr, settings)) {
                return err;
            }
            System.arraycopy(step.x, 0, refSaveX, 0, n);
            System.arraycopy(step.z, 0, refSaveZ, 0, m);
            for (int j = 0; j < n; j++) {
                step.x[j] += refCorr[j];
            }
            for (int i = 0; i < m; i++) {
                step.z[i] += refCorr[n + i];
            }
            double trial = directionResidual(refTrialR);
            if (!(trial < err)) {
                System.arraycopy(refSaveX, 0, step.x, 0, n);
                System.arraycopy(refSaveZ, 0, step.z, 0, m);
                return err;
            }
            boolean slow = !(trial < DIRECTION_REFINEMENT_RATIO * err);
            err = trial;
            System.arraycopy(refTrialR, 0, refR, 0, n + m);
            if (slow) {
                return err;
            }
        }
        return err;
    }

    /** Largest step in (0, 1] keeping the iterate interior; the combined step is shortened by the fraction. */
    private double stepLength(boolean combined, boolean dualScaling) {
        double a = 1.0;
        if (step.tau < 0) {
            a = Math.min(a, -vars.tau / step.tau);
        }
        if (step.kappa < 0) {
            a = Math.min(a, -vars.kappa / step.kappa);
        }
        cones.stepLength(step.z, step.s, vars.z, vars.s, a, pair);
        a = Math.min(pair[0], pair[1]);
        if (combined) {
            a *= settings.maxStepFraction();
            if (!cones.isSymmetric() && dualScaling) {
                a = backtrackToBarrier(a);
            }
        }
        return a;
    }

    /** Clarabel's centrality safeguard for nonsymmetric cones: shrink α until the barrier measure is < 1. */
    private double backtrackToBarrier(double alpha) {
        int nu1 = cones.degree() + 1;
        double sz = Residuals.dot(vars.s, vars.z, m);
        double sdz = Residuals.dot(vars.s, step.z, m) + Residuals.dot(step.s, vars.z, m);
        double dsdz = Residuals.dot(step.s, step.z, m);
        for (int k = 0; k < 50; k++) {
            double tau = vars.tau + alpha * step.tau;
            double kappa = vars.kappa + alpha * step.kappa;
            double mu = (sz + alpha * sdz + alpha * alpha * dsdz + tau * kappa) / nu1;
            double barrier = nu1 * Math.log(mu) - Math.log(tau) - Math.log(kappa)
                    + cones.computeBarrier(vars.z, vars.s, step.z, step.s, alpha);
            if (barrier < 1.0) {
                return alpha;
            }
            alpha *= BACKTRACK_STEP;
        }
        return alpha;
    }

    private Solution buildSolution(int iter, double solveMs) {
        SolveStatus status = info.status;
        double[] x = new double[n];
        double[] y = new double[m];
        double[] s = new double[m];
        double cInv = 1.0 / data.c;
        double pobj;
        double dobj;
        if (status == SolveStatus.PRIMAL_INFEASIBLE || status == SolveStatus.ALMOST_PRIMAL_INFEASIBLE) {
            // certificate y with bᵀy = −1
            double scale = -1.0 / info.dotBy;
            for (int i = 0; i < m; i++) {
                y[i] = vars.z[i] * data.e[i] * cInv * scale;
            }
            Arrays.fill(x, Double.NaN);
            Arrays.fill(s, Double.NaN);
            pobj = Double.POSITIVE_INFINITY;
            dobj = Double.POSITIVE_INFINITY;
        } else if (status == SolveStatus.DUAL_INFEASIBLE || status == SolveStatus.ALMOST_DUAL_INFEASIBLE) {
            // certificate (x, s) with cᵀx = −1
            double scale = -1.0 / info.dotCx;
            for (int j = 0; j < n; j++) {
                x[j] = vars.x[j] * data.d[j] / data.beta * scale;
            }
            for (int i = 0; i < m; i++) {
                s[i] = vars.s[i] * data.einv[i] / data.beta * scale;
            }
            Arrays.fill(y, Double.NaN);
            pobj = Double.NEGATIVE_INFINITY;
            dobj = Double.NEGATIVE_INFINITY;
        } else {
            double tauInv = 1.0 / vars.tau;
            for (int j = 0; j < n; j++) {
                x[j] = vars.x[j] * data.d[j] * tauInv / data.beta;
            }
            for (int i = 0; i < m; i++) {
                s[i] = vars.s[i] * data.einv[i] * tauInv / data.beta;
                y[i] = vars.z[i] * data.e[i] * cInv * tauInv;
            }
            pobj = info.costPrimal + constant;
            dobj = info.costDual + constant;
        }
        SolveInfo si = new SolveInfo(iter, pobj, dobj, info.resPrimal, info.resDual, info.gapAbs, setupMs, solveMs);
        return reduction.restore(new Solution(x, y, s, status, si));
    }

    private void printHeader(PrintStream out) {
        out.printf(Locale.ROOT, "CvxLayers interior-point solver: n = %d, m = %d, cones = %d, nnz(A) = %d, "
                + "nnz(P) = %d, KKT %d (nnz %d, nnz(L) %d)%n", n, m, cones.size(), data.a.nnz(), data.p.nnz(),
                structure.kktDim(), structure.kktNnz(), structure.factorNnz());
        out.printf(Locale.ROOT, "%4s  %12s  %12s  %9s  %9s  %9s  %9s  %9s  %9s%n", "iter", "pcost", "dcost", "gap",
                "s'y", "pres", "dres", "k/t", "step");
    }

    private void printRow(PrintStream out, int iter, double alpha, double sigma) {
        out.printf(Locale.ROOT, "%4d  %12.4e  %12.4e  %9.2e  %9.2e  %9.2e  %9.2e  %9.2e  %9s%n", iter,
                info.costPrimal + constant, info.costDual + constant, info.gapRel, info.complementarityRel,
                info.resPrimal, info.resDual, info.ktRatio,
                iter == 0 ? "-" : String.format(Locale.ROOT, "%9.2e", alpha));
    }

    private void printFooter(PrintStream out, Solution sol) {
        out.printf(Locale.ROOT, "final: gap abs %.2e rel %.2e, s'y %.2e, pres %.2e, dres %.2e, k/t %.2e; "
                + "%d factorizations%n", info.gapAbs, info.gapRel, info.complementarity, info.resPrimal, info.resDual,
                info.ktRatio, kkt.factorizations);
        out.printf(Locale.ROOT, "status %s after %d iterations; objective %.10e; setup %.1f ms, solve %.1f ms%n",
                sol.status(), sol.info().iterations(), sol.objective(), sol.info().setupMs(), sol.info().solveMs());
    }
}
