package org.cvxlayers.solvers.ipm;

/**
 * Per-iteration measures in the units of the original (unequilibrated) problem and the termination tests
 * (Clarabel's criteria):
 * <ul>
 *   <li>optimal: {@code κ/τ ≤ 1}, gap (absolute or relative) and both relative residuals within tolerance,
 *       with {@code res_primal = ‖Ax + s − b‖∞ / max(1, ‖b‖∞ + ‖x‖∞ + ‖s‖∞)} and
 *       {@code res_dual = ‖Px + Aᵀy + c‖∞ / max(1, ‖c‖∞ + ‖x‖∞ + ‖y‖∞)} at {@code (x, s, y)/τ};</li>
 *   <li>primal infeasible (only once {@code κ/τ} is large): {@code bᵀy < −tol_abs} and
 *       {@code ‖Aᵀy‖∞ / max(1, ‖y‖∞) < −tol_rel · bᵀy};</li>
 *   <li>dual infeasible: {@code cᵀx < −tol_abs} and {@code max(‖Px‖∞/max(1,‖x‖∞), ‖Ax + s‖∞/max(1, ‖x‖∞ +
 *       ‖s‖∞)) < −tol_rel · cᵀx}.</li>
 * </ul>
 */
final class IterationInfo {
    double costPrimal;
    double costDual;
    double resPrimal;
    double resDual;
    double resPrimalInf;
    double resDualInf;
    double gapAbs;
    double gapRel;
    double ktRatio;
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

    SolveStatus status;

    void reset() {
        status = null;
        prevResPrimal = Double.POSITIVE_INFINITY;
        prevResDual = Double.POSITIVE_INFINITY;
        prevGapAbs = Double.POSITIVE_INFINITY;
        prevGapRel = Double.POSITIVE_INFINITY;
    }

    void update(ProblemData data, Variables v, Residuals r) {
        double tauInv = 1.0 / v.tau;
        double cInv = 1.0 / data.c;
        double xPxHalf = r.dotXPx * tauInv * tauInv / 2.0;
        costPrimal = (r.dotQx * tauInv + xPxHalf) * cInv;
        costDual = (-r.dotBz * tauInv - xPxHalf) * cInv;

        double normx = scaledNorm(v.x, data.d);
        double normz = scaledNorm(v.z, data.e) * cInv;
        double norms = scaledNorm(v.s, data.einv);

        resPrimalInf = scaledNorm(r.rxInf, data.dinv) * cInv / Math.max(1.0, normz);
        resDualInf = Math.max(scaledNorm(r.px, data.dinv) * cInv / Math.max(1.0, normx),
                scaledNorm(r.rzInf, data.einv) / Math.max(1.0, normx + norms));
        dotBy = r.dotBz * cInv;
        dotCx = r.dotQx * cInv;

        normx *= tauInv;
        normz *= tauInv;
        norms *= tauInv;
        resPrimal = scaledNorm(r.rz, data.einv) * tauInv / Math.max(1.0, data.normb + normx + norms);
        resDual = scaledNorm(r.rx, data.dinv) * tauInv * cInv / Math.max(1.0, data.normq + normx + normz);

        gapAbs = Math.abs(costPrimal - costDual);
        gapRel = gapAbs / Math.max(1.0, Math.min(Math.abs(costPrimal), Math.abs(costDual)));
        ktRatio = v.kappa * tauInv;
    }

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

    /** Reduced-accuracy test for the "almost" statuses; returns true if it settled on one. */
    boolean checkConvergenceAlmost(SolverSettings s) {
        SolveStatus before = status;
        status = null;
        checkConvergence(s.reducedTolGapAbs(), s.reducedTolGapRel(), s.reducedTolFeas(), s.reducedTolInfeasAbs(),
                s.reducedTolInfeasRel(), s.reducedTolKtRatio(), SolveStatus.ALMOST_SOLVED,
                SolveStatus.ALMOST_PRIMAL_INFEASIBLE, SolveStatus.ALMOST_DUAL_INFEASIBLE);
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
        return (gapAbs < tolGapAbs || gapRel < tolGapRel) && resPrimal < tolFeas && resDual < tolFeas;
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
    }
}
