package org.cvxlayers.solvers.ipm;

/**
 * Per-iteration measures in the units of the original (unequilibrated) problem and the termination tests
 * (Clarabel's criteria):
 * <ul>
 *   <li>optimal: {@code κ/τ ≤ 1}, duality gap and complementarity {@code sᵀy} (the latter with 100× the
 *       tolerance; each absolute or relative to
 *       the objective) and both relative residuals within tolerance, with
 *       {@code res_primal = ‖Ax + s − b‖∞ / max(1, ‖b‖∞, ‖Ax‖∞, ‖s‖∞)} and
 *       {@code res_dual = ‖Px + Aᵀy + c‖∞ / max(1, ‖c‖∞, ‖Px‖∞, ‖Aᵀy‖∞)} at {@code (x, s, y)/τ}. These are
 *       tighter than Clarabel's (which divide by {@code 1 + ‖b‖ + ‖x‖ + ‖s‖}): with large x or y Clarabel's
 *       test accepts points whose objective is off by more than 1e-6 relative;</li>
 *   <li>primal infeasible (only once {@code κ/τ} is large): {@code bᵀy < −tol_abs} and
 *       {@code ‖Aᵀy‖∞ / max(1, ‖y‖∞) < −tol_rel · bᵀy};</li>
 *   <li>dual infeasible: {@code cᵀx < −tol_abs} and {@code max(‖Px‖∞/max(1,‖x‖∞), ‖Ax + s‖∞/max(1, ‖x‖∞ +
 *       ‖s‖∞)) < −tol_rel · cᵀx}.</li>
 * </ul>
 */
final class IterationInfo {
    /**
     * The complementarity may exceed the gap tolerance by this factor (see {@link #isSolved}): large enough
     * that a point whose gap and residuals are all tiny is not rejected for sᵀy ≈ −xᵀr_dual of order 1e-7
     * (CBLIB nql30, sched_50_50_scaled), small enough to catch the NETLIB points whose objective was 1e-6 off.
     */
    static final double COMPLEMENTARITY_FACTOR = 100.0;
    double costPrimal;
    double costDual;
    double resPrimal;
    double resDual;
    double resPrimalInf;
    double resDualInf;
    double gapAbs;
    double gapRel;
    double ktRatio;
    /** |sᵀy| at (s, y)/τ in original units. */
    double complementarity;
    /**
     * |Δ primal cost| of the step that produced this iterate, in original units (+∞ at the start). The
     * reduced-accuracy test requires it within the gap tolerance: see {@link #checkConvergenceAlmost}.
     */
    double costChange;
    /** Unscaled bᵀy and cᵀx (not divided by τ): the infeasibility tests' certificates. */
    double dotBy;
    double dotCx;

    private double prevCostPrimal;
    private double prevCostDual;
    private double prevResPrimal;
    private double prevResDual;
    private double prevGapAbs;
    private double prevGapRel;
    private double prevDotBy;
    private double prevDotCx;
    private double prevResPrimalInf;
    private double prevResDualInf;
    private double prevKtRatio;
    private double prevComplementarity;
    private double prevComplementarityRel;
    private double prevCostChange;
    private double prevCostChangeRel;
    /** Whether prevCostPrimal holds the primal cost of an earlier iterate. */
    private boolean havePrevious;

    SolveStatus status;

    void reset() {
        status = null;
        prevResPrimal = Double.POSITIVE_INFINITY;
        prevResDual = Double.POSITIVE_INFINITY;
        prevGapAbs = Double.POSITIVE_INFINITY;
        prevGapRel = Double.POSITIVE_INFINITY;
        havePrevious = false;
        costChange = Double.POSITIVE_INFINITY;
    }

    /**
     * Recomputes the measures. {@code constant} (the objective offset) enters only the relative gap's
     * denominator, so that the reported objective — constant included — is accurate relative to its own size.
     */
    void update(ProblemData data, Variables v, Residuals r, double constant) {
        double tauInv = 1.0 / v.tau;
        double cInv = 1.0 / data.c;
        double bInv = 1.0 / data.beta;
        double dotInv = cInv * bInv; // scaled dot products are c·β times the original ones
        double xPxHalf = r.dotXPx * tauInv * tauInv / 2.0;
        costPrimal = (r.dotQx * tauInv + xPxHalf) * dotInv;
        costDual = (-r.dotBz * tauInv - xPxHalf) * dotInv;

        double normx = scaledNorm(v.x, data.d) * bInv;
        double normz = scaledNorm(v.z, data.e) * cInv;
        double norms = scaledNorm(v.s, data.einv) * bInv;

        resPrimalInf = scaledNorm(r.rxInf, data.dinv) * cInv / Math.max(1.0, normz);
        resDualInf = Math.max(scaledNorm(r.px, data.dinv) * cInv / Math.max(1.0, normx),
                scaledNorm(r.rzInf, data.einv) * bInv / Math.max(1.0, normx + norms));
        dotBy = r.dotBz * dotInv;
        dotCx = r.dotQx * dotInv;

        // relative residuals at (x, s, y)/τ, normalized by the largest term of each equation
        double normAx = scaledNorm(r.ax, data.einv) * bInv * tauInv;
        double normPx = scaledNorm(r.px, data.dinv) * cInv * tauInv;
        double normAty = scaledNorm(r.rxInf, data.dinv) * cInv * tauInv;
        norms *= tauInv;
        resPrimal = scaledNorm(r.rz, data.einv) * bInv * tauInv
                / Math.max(1.0, Math.max(data.normb, Math.max(normAx, norms)));
        resDual = scaledNorm(r.rx, data.dinv) * tauInv * cInv
                / Math.max(1.0, Math.max(data.normq, Math.max(normPx, normAty)));
        complementarity = Math.abs(r.dotSz) * tauInv * tauInv * dotInv;

        gapAbs = Math.abs(costPrimal - costDual);
        gapRel = gapAbs / Math.max(1.0, Math.min(Math.abs(costPrimal + constant), Math.abs(costDual + constant)));
        ktRatio = v.kappa * tauInv;
        complementarityRel = complementarity
                / Math.max(1.0, Math.min(Math.abs(costPrimal + constant), Math.abs(costDual + constant)));
        costChange = havePrevious ? Math.abs(costPrimal - prevCostPrimal) : Double.POSITIVE_INFINITY;
        costChangeRel = costChange / Math.max(1.0, Math.abs(costPrimal + constant));
    }

    /** {@link #costChange} relative to the objective (constant included), as the relative gap. */
    double costChangeRel;

    /** {@link #complementarity} relative to the objective, as the relative gap. */
    double complementarityRel;

    private static double scaledNorm(double[] v, double[] scale) {
        double mx = 0.0;
        for (int i = 0; i < v.length; i++) {
            double a = Math.abs(v[i] * scale[i]);
            if (!(a <= mx)) {
                mx = Double.isNaN(a) ? Double.POSITIVE_INFINITY : a;
            }
        }
        return mx;
    }

    /** Full-accuracy test; sets {@link #status} if optimal or infeasible. */
    void checkConvergenceFull(SolverSettings s) {
        checkConvergence(s.tolGapAbs(), s.tolGapRel(), s.tolFeas(), s.tolInfeasAbs(), s.tolInfeasRel(),
                s.tolKtRatio(), SolveStatus.SOLVED, SolveStatus.PRIMAL_INFEASIBLE, SolveStatus.DUAL_INFEASIBLE);
    }

    /**
     * Reduced-accuracy test for the "almost" statuses; returns true if it settled on one.
     *
     * <p>Beyond Clarabel, ALMOST_SOLVED also needs the objective to have settled: the last step may have
     * moved the primal cost by at most the reduced gap tolerance. Small residuals and gap do not bound the
     * objective error on ill-conditioned problems: on Maros–Mészáros LISWET1 (second-difference constraints,
     * ‖y‖∞ ≈ 1e5) the solver stalls at ‖Ax + s − b‖∞ = 4e-8 absolute (b = 0), ‖Px + Aᵀy + c‖∞ = 8e-11, relative
     * gap 3e-6 — all within the reduced tolerances in original units — while the objective is 14 % below the
     * optimum and still climbs by ~1e-3 relative per iteration. Such an end is reported by its own status.
     */
    boolean checkConvergenceAlmost(SolverSettings s) {
        SolveStatus before = status;
        status = null;
        checkConvergence(s.reducedTolGapAbs(), s.reducedTolGapRel(), s.reducedTolFeas(), s.reducedTolInfeasAbs(),
                s.reducedTolInfeasRel(), s.reducedTolKtRatio(), SolveStatus.ALMOST_SOLVED,
                SolveStatus.ALMOST_PRIMAL_INFEASIBLE, SolveStatus.ALMOST_DUAL_INFEASIBLE);
        if (status == SolveStatus.ALMOST_SOLVED
                && !(costChange < s.reducedTolGapAbs() || costChangeRel < s.reducedTolGapRel())) {
            status = null;
        }
        if (status == null) {
            status = before;
            return false;
        }
        return true;
    }

    private void checkConvergence(double tolGapAbs, double tolGapRel, double tolFeas, double tolInfeasAbs,
            double tolInfeasRel, double tolKtRatio, SolveStatus solved, SolveStatus pinf, SolveStatus dinf) {
        if (ktRatio <= 1.0 && isSolved(tolGapAbs, tolGapRel, tolFeas)) {
            status = solved;
        } else if (ktRatio > 1000.0 / tolKtRatio) {
            if (dotBy < -tolInfeasAbs && resPrimalInf < -tolInfeasRel * dotBy) {
                status = pinf;
            } else if (dotCx < -tolInfeasAbs && resDualInf < -tolInfeasRel * dotCx) {
                status = dinf;
            }
        }
    }

    private boolean isSolved(double tolGapAbs, double tolGapRel, double tolFeas) {
        // beyond Clarabel: the complementarity sᵀy must meet (100×) the gap tolerance too, since
        // pcost − dcost = sᵀy + xᵀr_dual − yᵀr_primal can be small while sᵀy is not when x or y is large
        boolean gapOk = gapAbs < tolGapAbs || gapRel < tolGapRel;
        boolean complOk = complementarity < COMPLEMENTARITY_FACTOR * tolGapAbs
                || complementarityRel < COMPLEMENTARITY_FACTOR * tolGapRel;
        return gapOk && complOk && resPrimal < tolFeas && resDual < tolFeas;
    }

    /**
     * Clarabel's stall tests: residuals rising after the gap already met tolerance, or residuals jumping
     * by a factor 100 out of tolerance. Sets INSUFFICIENT_PROGRESS.
     */
    void checkProgress(SolverSettings s, int iter) {
        if (status != null || iter <= 1) {
            return;
        }
        if (resDual > prevResDual || resPrimal > prevResPrimal) {
            if (ktRatio < 100 * Math.ulp(1.0) && (prevGapAbs < s.tolGapAbs() || prevGapRel < s.tolGapRel())) {
                status = SolveStatus.INSUFFICIENT_PROGRESS;
            }
            if (ktRatio < 1.0 && ((resDual > s.tolFeas() * 100 && resDual > prevResDual * 100)
                    || (resPrimal > s.tolFeas() * 100 && resPrimal > prevResPrimal * 100))) {
                status = SolveStatus.INSUFFICIENT_PROGRESS;
            }
        }
    }

    /**
     * Whether a residual out of tolerance shrank by less than half over the last step. Called after a
     * long step (α(1 − σ) ≥ 0.9), which with an exact Newton direction cuts both residuals at least tenfold:
     * a stalled residual means the KKT solves are inaccurate.
     */
    boolean residualStalled(double tolFeas) {
        return (resPrimal > tolFeas && resPrimal > 0.5 * prevResPrimal)
                || (resDual > tolFeas && resDual > 0.5 * prevResDual);
    }

    /** Whether the primal or dual residual grew more than tenfold since the previous iterate. */
    boolean residualJumped() {
        return resPrimal > 10.0 * prevResPrimal || resDual > 10.0 * prevResDual;
    }

    void savePrevious() {
        prevCostPrimal = costPrimal;
        prevCostDual = costDual;
        prevResPrimal = resPrimal;
        prevResDual = resDual;
        prevGapAbs = gapAbs;
        prevGapRel = gapRel;
        prevDotBy = dotBy;
        prevDotCx = dotCx;
        prevResPrimalInf = resPrimalInf;
        prevResDualInf = resDualInf;
        prevKtRatio = ktRatio;
        prevComplementarity = complementarity;
        prevComplementarityRel = complementarityRel;
        prevCostChange = costChange;
        prevCostChangeRel = costChangeRel;
        havePrevious = true;
    }

    void restorePrevious() {
        costPrimal = prevCostPrimal;
        costDual = prevCostDual;
        resPrimal = prevResPrimal;
        resDual = prevResDual;
        gapAbs = prevGapAbs;
        gapRel = prevGapRel;
        dotBy = prevDotBy;
        dotCx = prevDotCx;
        resPrimalInf = prevResPrimalInf;
        resDualInf = prevResDualInf;
        ktRatio = prevKtRatio;
        complementarity = prevComplementarity;
        complementarityRel = prevComplementarityRel;
        costChange = prevCostChange;
        costChangeRel = prevCostChangeRel;
    }
}
