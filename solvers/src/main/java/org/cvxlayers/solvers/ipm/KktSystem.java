package org.cvxlayers.solvers.ipm;

import java.util.Arrays;
import org.cvxlayers.solvers.ipm.cones.CompositeCone;
import org.cvxlayers.solvers.ipm.cones.IpmCone;
import org.cvxlayers.solvers.ipm.cones.SecondOrderConeIpm;
import org.cvxlayers.solvers.sparse.LdlFactorization;
import org.cvxlayers.solvers.sparse.SingularMatrixException;

/**
 * The numeric KKT system of one solver workspace on the fixed pattern of a {@link SolverStructure}:
 * assembly of {@code [[P, Aᵀ], [A, −Hs]]} (sparse second-order cones expanded), static and dynamic
 * regularization, LDLᵀ factorization and solves with iterative refinement against the unregularized
 * matrix. Allocation-free after construction.
 *
 * <p>Right-hand sides and solutions always have the full layout ({@link SolverStructure#fullDim()}). When the
 * structure eliminates PSD blocks, the factored matrix is the reduced one (their Schur complements added to
 * the x-x block, {@link SchurElimination}); a solve reduces the right-hand side, solves, and recovers the
 * eliminated {@code Δz_k = Hs_k⁻¹(A_k Δx − r_k)}. Iterative refinement measures the residual of every kept row
 * against the full matrix, computing the eliminated blocks' {@code A_kᵀ Δz_k} directly; their own rows hold
 * by construction of Δz_k (measuring them through {@code Hs_k}, whose condition number near the optimum
 * exceeds 1/eps, would only show rounding), and the solver takes their Δs from the primal equations
 * ({@link #eliminatedSlackStep}).
 */
final class KktSystem {
    private final SolverStructure st;
    private final int n;
    private final int m;
    private final int dim;
    /** Dimension of the factored (reduced) matrix; equals dim when nothing is eliminated. */
    private final int redDim;
    private final int[] fullOfReduced;
    private final SchurElimination schur;
    /** Σ_k M_k on the reduced pattern (zero outside the cliques). */
    private final double[] schurValues;
    /** Reduced right-hand side / solution. */
    private final double[] red;
    /** The cone blocks whose scalings the last {@link #updateHs} used (eliminated blocks are solved with them). */
    private CompositeCone cones;
    private double[] av = new double[0];
    private final int[] colPtr;
    private final int[] rowIdx;
    /**
     * Values of the unregularized KKT matrix without eliminated blocks (with their contributions, computed
     * directly, this is the matrix refinement aims at).
     */
    private final double[] values;
    /** Values handed to the factorization (static regularization added). */
    private final double[] regValues;
    private final LdlFactorization ldl;
    private final double[] hsWork;
    private final double[] residual;
    private final double[] correction;
    private final double[] trial;
    /** ‖rhs − K x‖∞ after the last solve's refinement, and ‖rhs‖∞ of that solve. */
    double lastError;
    double lastRhsNorm;
    /** Pivots the last factorization had to regularize dynamically (statistics). */
    int lastDynamicRegs;
    /** Number of numeric factorizations so far (statistics). */
    int factorizations;

    KktSystem(SolverStructure structure) {
        this.st = structure;
        this.n = structure.n();
        this.m = structure.m();
        this.dim = structure.fullDim();
        this.redDim = structure.kktDim();
        this.fullOfReduced = structure.fullOfReduced();
        this.schur = new SchurElimination(structure);
        this.schurValues = new double[schur.isEmpty() ? 0 : structure.kktNnz()];
        this.red = new double[redDim];
        this.colPtr = structure.kktColPtr();
        this.rowIdx = structure.kktRowIdx();
        this.values = new double[structure.kktNnz()];
        this.regValues = new double[structure.kktNnz()];
        this.ldl = new LdlFactorization(structure.symbolic());
        this.hsWork = new double[Math.max(1, structure.hsMaxLen())];
        this.residual = new double[dim];
        this.correction = new double[dim];
        this.trial = new double[dim];
    }

    int dim() {
        return dim;
    }

    /** Writes P and A (scaled) into the matrix; the Hs blocks are written by {@link #updateHs}. */
    void setData(ProblemData data) {
        Arrays.fill(values, 0.0);
        int[] pMap = st.pMap();
        double[] pv = data.p.values();
        for (int k = 0; k < pMap.length; k++) {
            values[pMap[k]] = pv[k];
        }
        int[] aMap = st.aMap();
        av = data.a.values();
        for (int k = 0; k < aMap.length; k++) {
            if (aMap[k] >= 0) { // entries of eliminated rows enter through the Schur complement
                values[aMap[k]] = av[k];
            }
        }
    }

    /**
     * Writes −Hs of every cone block (and the sparse expansion columns) from the cones' current scalings, and
     * the Schur complements of the eliminated blocks.
     */
    void updateHs(CompositeCone cones) {
        this.cones = cones;
        if (!schur.isEmpty()) {
            schur.formComplement(cones, av, schurValues);
        }
        int[] hsPos = st.hsPos();
        for (int c = 0; c < cones.size(); c++) {
            IpmCone cone = cones.block(c);
            int start = st.hsStart(c);
            int d = cone.dim();
            switch (st.coneKind(c)) {
                case SolverStructure.HS_SPARSE_SOC -> {
                    SecondOrderConeIpm soc = (SecondOrderConeIpm) cone;
                    soc.sparseDiagonal(hsWork, 0);
                    for (int l = 0; l < d; l++) {
                        values[hsPos[start + l]] = -hsWork[l];
                    }
                    soc.sparseU(hsWork, 0);
                    for (int l = 0; l < d; l++) {
                        values[hsPos[start + d + l]] = hsWork[l];
                    }
                    soc.sparseV(hsWork, 0);
                    for (int l = 0; l < d; l++) {
                        values[hsPos[start + 2 * d + l]] = hsWork[l];
                    }
                    values[hsPos[start + 3 * d]] = 1.0;
                    values[hsPos[start + 3 * d + 1]] = -1.0;
                }
                case SolverStructure.HS_ELIMINATED -> {
                    // formed above as a Schur complement
                }
                case SolverStructure.HS_DIAGONAL -> {
                    cone.getHs(hsWork, 0);
                    for (int l = 0; l < d; l++) {
                        values[hsPos[start + l]] = -hsWork[l];
                    }
                }
                default -> {
                    cone.getHs(hsWork, 0);
                    int len = d * (d + 1) / 2;
                    for (int l = 0; l < len; l++) {
                        values[hsPos[start + l]] = -hsWork[l];
                    }
                }
            }
        }
    }

    /**
     * Adds static regularization {@code (constant·scale + proportional·max|diag|)} and factors. Returns false
     * if the factorization broke down (a pivot that dynamic regularization could not rescue).
     *
     * @param regScale factor on the static regularization constant (1 normally; the solver lowers it when
     *                 iterative refinement stalls because the regularization dominates small pivots)
     */
    boolean factor(SolverSettings settings, double regScale) {
        System.arraycopy(values, 0, regValues, 0, values.length);
        for (int q = 0; q < schurValues.length; q++) {
            regValues[q] += schurValues[q];
        }
        int[] diag = st.diagPos();
        double[] signs = st.signs();
        double maxDiag = 0.0;
        for (int i = 0; i < redDim; i++) {
            maxDiag = Math.max(maxDiag, Math.abs(regValues[diag[i]]));
        }
        double staticReg = settings.staticRegularizationConstant() * regScale
                + settings.staticRegularizationProportional() * maxDiag;
        for (int i = 0; i < redDim; i++) {
            regValues[diag[i]] += signs[i] * staticReg;
        }
        factorizations++;
        try {
            double regEps = settings.dynamicRegularizationEps();
            if (!schur.isEmpty()) {
                // the Schur complements reach 1e10 and more near the optimum: an x-pivot below
                // DYNAMIC_REG_EPS_REL·max|x-diagonal| is rounding noise of M, and eliminating with it lets the
                // dense block's entries grow (up to overflow) and the direction is lost (gpp124-*)
                double maxX = 0.0;
                for (int i = 0; i < n; i++) {
                    maxX = Math.max(maxX, Math.abs(regValues[diag[i]]));
                }
                regEps = Math.max(regEps, DYNAMIC_REG_EPS_REL * maxX);
                // static regularization of the x-pivots on M's own scale: the constant above (1e-8) is nothing
                // against a Schur complement of 1e10, so M — not PSD in floating point once its condition
                // number nears 1/eps — was factored unregularized; refinement (against the unregularized
                // system) removes the bias, and raising/lowering regScale scales it as the constant
                double xReg = X_STATIC_REG_REL * regScale * maxX;
                for (int i = 0; i < n; i++) {
                    regValues[diag[i]] += xReg;
                }
            }
            lastDynamicRegs = ldl.factor(regValues, signs, regEps, settings.dynamicRegularizationDelta());
        } catch (SingularMatrixException ex) {
            return false;
        }
        return true;
    }

    /**
     * With eliminated PSD blocks, pivots below this fraction of the largest x-diagonal entry of the reduced
     * matrix are regularized dynamically (about 5 machine epsilons; tuned on SDPLIB's gpp124-1..3, which it
     * turned from ALMOST_SOLVED into SOLVED before main's end-game refinement was merged; with it, gpp124-2
     * ended ALMOST_SOLVED again, see benchmarks/results/schur.md, until {@link #X_STATIC_REG_REL} was added).
     */
    static final double DYNAMIC_REG_EPS_REL = 1e-15;

    /**
     * With eliminated PSD blocks, static regularization added to every x-pivot of the reduced matrix, as a
     * fraction of its largest x-diagonal entry (times the solver's regScale). Measured on SDPLIB: gpp124-2,
     * qap7 ALMOST_SOLVED → SOLVED, gpp124-3 81 → 38 iterations, qap6 68 → 31; 1e-12 … 1e-11 solve the gpp
     * instances too, but without the regScale factor (kept also when the solver lowers the regularization)
     * truss8 and qap6 end ALMOST_SOLVED. See benchmarks/results/sdpend.md.
     */
    static final double X_STATIC_REG_REL = 1e-13;

    /** A solve counts as inaccurate when refinement ends this far above its target. */
    static final double INACCURACY_FACTOR = 1e3;
    /** A refinement step is kept only if it lowers the error by at least this factor. */
    static final double IR_RATIO = 0.9;

    /** Whether the last solve's refinement ended far above its target accuracy. */
    boolean lastSolveInaccurate(SolverSettings settings) {
        double target = settings.iterativeRefinementAbsTol() + settings.iterativeRefinementRelTol() * lastRhsNorm;
        return !(lastError <= INACCURACY_FACTOR * target);
    }

    /**
     * Solves K x = rhs (K unregularized) with iterative refinement; {@code rhs} is not changed. Returns false
     * if the solution is not finite.
     */
    boolean solve(double[] rhs, double[] x, SolverSettings settings) {
        factoredSolve(rhs, x);
        double normRhs = normInf(rhs, dim);
        double tol = settings.iterativeRefinementAbsTol() + settings.iterativeRefinementRelTol() * normRhs;
        double err = residual(rhs, x, residual);
        for (int it = 0; it < settings.iterativeRefinementMaxSteps(); it++) {
            if (!(err > tol)) {
                break;
            }
            factoredSolve(residual, correction);
            for (int i = 0; i < dim; i++) {
                trial[i] = x[i] + correction[i];
            }
            double errTrial = residual(rhs, trial, correction);
            // keep a refinement step only if it clearly helps
            if (!(errTrial < err * IR_RATIO)) {
                break;
            }
            System.arraycopy(trial, 0, x, 0, dim);
            System.arraycopy(correction, 0, residual, 0, dim);
            err = errTrial;
        }
        lastError = err;
        lastRhsNorm = normRhs;
        for (int i = 0; i < dim; i++) {
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * x ← K̃⁻¹ b with the factored matrix (full layout; {@code b} is not changed): with eliminated blocks,
     * reduce the right-hand side, solve the reduced system, back-substitute the eliminated Δz_k.
     */
    private void factoredSolve(double[] b, double[] x) {
        if (schur.isEmpty()) {
            System.arraycopy(b, 0, x, 0, dim);
            ldl.solve(x);
            return;
        }
        for (int r = 0; r < redDim; r++) {
            red[r] = b[fullOfReduced[r]];
        }
        schur.reduceRhs(cones, av, b, red);
        ldl.solve(red);
        for (int r = 0; r < redDim; r++) {
            x[fullOfReduced[r]] = red[r];
        }
        schur.backSubstitute(cones, av, b, x);
    }

    /**
     * Rewrites the slack step of the eliminated blocks from their z-rows, {@code Δs_k = −η r_z + Δτ b − A_k Δx}
     * (what {@code −ds − Hs Δz} equals when the KKT equations hold): {@code Hs_k} of an eliminated block is
     * never factored, and near the optimum {@code Hs·(Hs⁻¹ w)} misses w by {@code eps·cond(Hs)} (up to
     * 1e18), while this form keeps the primal equations exact.
     */
    void eliminatedSlackStep(double[] ds, double[] dx, double dtau, double eta, double[] rz, double[] b) {
        if (!schur.isEmpty()) {
            schur.slackStep(av, ds, dx, dtau, eta, rz, b);
        }
    }

    /**
     * r ← rhs − K x for the full unregularized K; returns ‖r‖∞. Eliminated blocks contribute {@code A_kᵀ z_k}
     * to the x-rows and a zero residual in their own rows (see {@link SchurElimination#subtractProduct}), so
     * with eliminated blocks this is the residual of the reduced system.
     */
    private double residual(double[] rhs, double[] x, double[] r) {
        System.arraycopy(rhs, 0, r, 0, dim);
        int[] full = fullOfReduced;
        for (int jr = 0; jr < redDim; jr++) {
            int j = full[jr];
            double xj = x[j];
            double acc = 0.0;
            for (int p = colPtr[jr]; p < colPtr[jr + 1]; p++) {
                int ir = rowIdx[p];
                double v = values[p];
                if (ir == jr) {
                    acc += v * xj;
                } else {
                    int i = full[ir];
                    r[i] -= v * xj;
                    acc += v * x[i];
                }
            }
            r[j] -= acc;
        }
        if (!schur.isEmpty()) {
            schur.subtractProduct(av, x, r);
        }
        return normInf(r, dim);
    }

    private static double normInf(double[] v, int len) {
        double mx = 0.0;
        for (int i = 0; i < len; i++) {
            double a = Math.abs(v[i]);
            if (a > mx || a != a) {
                mx = a != a ? Double.POSITIVE_INFINITY : a;
            }
        }
        return mx;
    }
}
