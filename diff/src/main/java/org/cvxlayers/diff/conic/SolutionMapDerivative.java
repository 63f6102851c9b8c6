package org.cvxlayers.diff.conic;

import java.util.Arrays;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.cvxlayers.solvers.sparse.IterativeRefinement;
import org.cvxlayers.solvers.sparse.LdlFactorization;

/**
 * Derivative (JVP) and adjoint (VJP) of the solution map {@code (P, A, b, c) ↦ (x, y, s)} of the cone
 * program {@code min ½xᵀPx + cᵀx s.t. Ax + s = b, s ∈ K} at one primal–dual solution.
 *
 * <h2>Residual map (diffcp, extended with P)</h2>
 * Following Agrawal et al., "Differentiating through a cone program" (2019), take
 * {@code z = (u, v) ∈ R^n × R^m} with {@code u = x, v = y − s}. Moreau's decomposition gives back
 * {@code y = Π_{K*}(v)} and {@code s = Π_K(−v) = Π_{K*}(v) − v}. Let {@code Π(z) = (u, Π_{K*}(v))} and
 * <pre>
 *   Q = [  P   Aᵀ ]      q = [ c ]
 *       [ −A   0  ],         [ b ].
 * </pre>
 * The residual map {@code R(z; θ) = ((Q − I) Π + I)(z) + q = (P x + Aᵀ y + c, −A x + b − s)} is zero
 * exactly at a KKT point (stationarity and primal feasibility; complementarity and cone membership are
 * built into the projection). This is diffcp's homogeneous-embedding residual restricted to τ = 1: with a
 * quadratic objective the embedding's last row {@code −cᵀx − bᵀy − xᵀPx/τ} is not linear in (x, y, τ)
 * and at a solution it is implied by the other rows (it is the duality gap, zero by complementarity), so
 * the normalisation w = 1 is fixed instead of differentiated. Its Jacobian in z is
 * <pre>
 *   M = (Q − I) DΠ(z) + I = [  P   AᵀD   ]      D = DΠ_{K*}(v) (symmetric, eigenvalues in [0, 1]),
 *                           [ −A   I − D ]
 * </pre>
 * and in the data {@code dR = (dP x + dAᵀ y + dc, −dA x + db)}. The implicit function theorem gives
 * {@code M dz = −dR}, then {@code dx = du, dy = D dv, ds = dy − dv}.
 *
 * <h2>Linear solves</h2>
 * M is not symmetric. Writing {@code S = D^{1/2}} and {@code w = S dv} and multiplying the second block row
 * by −S turns {@code M dz = f} into the symmetric quasi-definite system
 * <pre>
 *   K [du; w] = [f₁; −S f₂],   K = [ P     AᵀS    ]
 *                                  [ SA  −(I − D) ]
 * </pre>
 * with {@code dy = S w} and {@code ds = −f₂ − A du} (from the second row of M); dv itself is never needed.
 * K is a KKT matrix: nonsingular whenever the solution is unique and strictly complementary (the
 * eigenvalue-1 directions of D are the active constraints, eigenvalue 0 the inactive ones). It is factored
 * once per solution by the quasi-definite sparse LDLᵀ ({@link DerivativeMethod#DIRECT}, default) with a small
 * static regularization, and every solve is polished by iterative refinement against the exact K. The
 * adjoint is the exact transpose of this chain of linear maps, so it reuses the same factorization. The
 * alternative {@link DerivativeMethod#LSQR} solves with M (and Mᵀ) matrix-free, as diffcp does; it also
 * returns a least-squares element when M is singular. The direct method falls back on it automatically:
 * when iterative refinement leaves a relative residual above 1e-8 (K singular or nearly so, e.g. at a
 * primal-degenerate vertex, where the dual is not unique and the solution map is not differentiable),
 * LSQR on M (Mᵀ for the adjoint) is run from zero and its least-squares answer returned (see
 * {@code polish}). A singular M shows in the results as {@code isSingular()} (relative residual above
 * 1e-6); the adjoint identity then holds only as far as LSQR converged.
 *
 * <h2>Non-differentiable points</h2>
 * At a kink of Π_{K*} (loss of strict complementarity, e.g. {@code y_i = s_i = 0} in an LP) the
 * projections return one element of the generalized Jacobian (as diffcp) and the results report the number
 * of such blocks (orthant: entries) in {@code nonDifferentiable()}.
 *
 * <h2>Accuracy</h2>
 * The derivative is exact at the given point; interior-point solutions at default tolerances may be 1e-5
 * away from the optimum (SOC, exponential, PSD cones), and so may the derivative.
 * {@link DiffOptions#newtonSteps()} polishes the point first by {@link SolutionRefinement}.
 *
 * <p>An instance is a mutable workspace (it owns the numeric factorization): use one per thread.
 */
public final class SolutionMapDerivative {
    /** Relative residual of the linear solve above which the system is reported singular. */
    static final double SINGULAR_RESIDUAL = 1e-6;
    /** min(y_i, s_i)/max(y_i, s_i) from which an orthant entry counts as not strictly complementary. */
    static final double COMPLEMENTARITY_RATIO = 1e-3;
    private final SolutionMapStructure st;
    private final DiffOptions options;
    private final double[] pValues;
    private final double[] aValues;
    private final CscMatrix pUpper;
    private final CscMatrix a;
    private final double[] x;
    private final double[] y;
    private final double[] s;
    private final double[] v;
    private final ConeJacobian jac;
    private final int nonDifferentiable;
    // DIRECT
    private final double[] kValues;
    private final LdlFactorization ldl;
    private final IterativeRefinement refinement;
    private final int regularizedPivots;

    /**
     * Linearizes the solution map at {@code solution} of {@code program} with default options, analysing
     * the patterns on the way.
     *
     * @throws IllegalArgumentException if the solution is not an optimal one of the program's shape
     */
    public static SolutionMapDerivative at(ConeProgram program, Solution solution) {
        return at(program, solution, DiffOptions.defaults());
    }

    /** As {@link #at(ConeProgram, Solution)} with the given options. */
    public static SolutionMapDerivative at(ConeProgram program, Solution solution, DiffOptions options) {
        if (!solution.status().isOptimal()) {
            throw new IllegalArgumentException("the solution map is differentiated at optimal solutions only, "
                    + "but the status is " + solution.status());
        }
        return new SolutionMapDerivative(SolutionMapStructure.of(program), program, solution.x(), solution.y(),
                solution.s(), options);
    }

    /**
     * Linearizes the solution map at the primal–dual point (x, y, s).
     *
     * @param structure analysis of the program's patterns (see {@link SolutionMapStructure#of})
     * @param program   the program (values are copied)
     * @param x         primal solution, length n
     * @param y         dual solution, length m
     * @param s         slack, length m
     * @param options   options
     * @throws IllegalArgumentException on shape mismatch, non-finite entries, or a program whose patterns
     *                                  differ from the structure's
     * @throws org.cvxlayers.solvers.sparse.SingularMatrixException if the system cannot be factored
     */
    public SolutionMapDerivative(SolutionMapStructure structure, ConeProgram program, double[] x, double[] y,
            double[] s, DiffOptions options) {
        if (structure == null || program == null || options == null) {
            throw new IllegalArgumentException("structure, program and options must not be null");
        }
        this.st = structure;
        this.options = options;
        if (!structure.matches(program)) {
            throw new IllegalArgumentException("program's sparsity patterns or cones differ from the analysed "
                    + "structure");
        }
        checkVector("x", x, st.n);
        checkVector("y", y, st.m);
        checkVector("s", s, st.m);
        if (options.newtonSteps() > 0) {
            SolutionRefinement.Result r = SolutionRefinement.refine(structure, program, x, y, s,
                    options.newtonSteps(), 0.0);
            x = r.x();
            y = r.y();
            s = r.s();
        }
        this.pValues = Arrays.copyOf(program.p().values(), st.nnzP);
        this.aValues = Arrays.copyOf(program.a().values(), st.nnzA);
        this.pUpper = program.p().withValues(pValues);
        this.a = program.a().withValues(aValues);
        this.x = x.clone();
        this.y = y.clone();
        this.s = s.clone();
        this.v = new double[st.m];
        for (int i = 0; i < st.m; i++) {
            v[i] = y[i] - s[i];
        }
        this.jac = ConeJacobian.at(st.projection, v);
        this.nonDifferentiable = countKinks(options.kinkTolerance());
        if (options.method() == DerivativeMethod.DIRECT) {
            kValues = new double[st.kPattern.nnz()];
            fillK(kValues);
            double kmax = 1.0;
            for (double val : kValues) {
                kmax = Math.max(kmax, Math.abs(val));
            }
            double delta = options.staticRegularization() * kmax;
            double[] reg = kValues.clone();
            double[] signs = new double[st.n + st.m];
            for (int j = 0; j < st.n + st.m; j++) {
                signs[j] = j < st.n ? 1.0 : -1.0;
                reg[st.diagPos[j]] += signs[j] * delta;
            }
            ldl = new LdlFactorization(st.symbolic);
            regularizedPivots = ldl.factor(reg, signs, 1e-13 * kmax, 1e-8 * kmax);
            refinement = new IterativeRefinement(st.kPattern.withValues(kValues), ldl);
        } else {
            kValues = null;
            ldl = null;
            refinement = null;
            regularizedPivots = 0;
        }
    }

    private static void checkVector(String name, double[] v, int len) {
        if (v == null || v.length != len) {
            throw new IllegalArgumentException(name + " must have length " + len + ", got "
                    + (v == null ? "null" : String.valueOf(v.length)));
        }
        for (int i = 0; i < len; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + v[i]);
            }
        }
    }

    /** Fills K's upper-triangle values (unregularized). */
    private void fillK(double[] k) {
        Arrays.fill(k, 0.0);
        for (int q = 0; q < st.nnzP; q++) {
            k[st.pToK[q]] += pValues[q];
        }
        var proj = st.projection;
        for (int b = 0; b < proj.blockCount(); b++) {
            int o = proj.offset(b);
            int e = proj.offset(b + 1);
            if (st.diagonalBlock[b]) {
                for (int i = o; i < e; i++) {
                    double sii = jac.diag(i);
                    for (int q = st.rowPtr[i]; q < st.rowPtr[i + 1]; q++) {
                        k[st.saStart[i] + st.rowUnion[q]] = sii * aValues[st.rowSrc[q]];
                    }
                    k[st.blockStart[i]] = -(1.0 - sii);
                }
            } else {
                int d = e - o;
                double[] dd = jac.denseD(b);
                double[] ss = jac.denseS(b);
                for (int i = o; i < e; i++) {
                    for (int kk = o; kk < e; kk++) {
                        double sik = ss[(i - o) * d + (kk - o)];
                        if (sik == 0.0) {
                            continue;
                        }
                        for (int q = st.rowPtr[kk]; q < st.rowPtr[kk + 1]; q++) {
                            k[st.saStart[i] + st.rowUnion[q]] += sik * aValues[st.rowSrc[q]];
                        }
                    }
                    for (int kk = o; kk <= i; kk++) {
                        double dik = dd[(i - o) * d + (kk - o)];
                        k[st.blockStart[i] + (kk - o)] = -((i == kk ? 1.0 : 0.0) - dik);
                    }
                }
            }
        }
    }

    /** The primal solution at which the map is linearized (after Newton steps, if any were asked for). */
    public double[] x() {
        return x.clone();
    }

    /** The dual solution at which the map is linearized. */
    public double[] y() {
        return y.clone();
    }

    /** The slack at which the map is linearized. */
    public double[] s() {
        return s.clone();
    }

    /** Number of cone blocks (orthant: entries) at a kink of the projection. */
    public int nonDifferentiableCount() {
        return nonDifferentiable;
    }

    /** Whether the solution map is differentiable here (no kinks within the tolerance). */
    public boolean isDifferentiable() {
        return nonDifferentiable == 0;
    }

    /** Pivots the LDLᵀ factorization had to regularize dynamically (a sign of a singular system). */
    public int regularizedPivots() {
        return regularizedPivots;
    }

    /** The structure this derivative was built on. */
    public SolutionMapStructure structure() {
        return st;
    }

    // ------------------------------------------------------------------ JVP

    /** JVP with a perturbation record; null arrays mean zero. */
    public SolutionDerivative derivative(DataPerturbation d) {
        return derivative(d.pValues(), d.aValues(), d.b(), d.c());
    }

    /**
     * The first-order change of (x, y, s) for the data change (dP, dA, db, dc), each on its pattern; a null
     * argument means zero.
     *
     * @throws IllegalArgumentException if an array has the wrong length
     */
    public SolutionDerivative derivative(double[] dP, double[] dA, double[] db, double[] dc) {
        int n = st.n;
        int m = st.m;
        checkOptional("dP", dP, st.nnzP);
        checkOptional("dA", dA, st.nnzA);
        checkOptional("db", db, m);
        checkOptional("dc", dc, n);
        // dR = (dP x + dAᵀ y + dc, −dA x + db);  f = −dR
        double[] r1 = new double[n];
        double[] r2 = new double[m];
        if (dP != null) {
            pUpper.withValues(dP).mulSymUpperVec(1.0, x, 0.0, r1);
        }
        if (dA != null) {
            CscMatrix dAm = a.withValues(dA);
            dAm.mulTransVec(1.0, y, 1.0, r1);
            dAm.mulVec(-1.0, x, 0.0, r2);
        }
        if (dc != null) {
            for (int j = 0; j < n; j++) {
                r1[j] += dc[j];
            }
        }
        if (db != null) {
            for (int i = 0; i < m; i++) {
                r2[i] += db[i];
            }
        }
        return solveLinearized(r1, r2);
    }

    /**
     * Solves {@code M dz = −(r1, r2)} and maps dz to {@code (dx, dy, ds)}: the first-order change of the
     * solution when the residual map moves by {@code (r1, r2)}.
     */
    SolutionDerivative solveLinearized(double[] r1, double[] r2) {
        int n = st.n;
        int m = st.m;
        double[] dx = new double[n];
        double[] dy = new double[m];
        double[] ds = new double[m];
        double res;
        if (options.method() == DerivativeMethod.DIRECT) {
            // K [du; w] = [f1; −S f2] = [−r1; S r2]
            double[] rhs = new double[n + m];
            double[] sr2 = new double[m];
            jac.applyS(r2, sr2);
            for (int j = 0; j < n; j++) {
                rhs[j] = -r1[j];
            }
            System.arraycopy(sr2, 0, rhs, n, m);
            double[] sol = solveK(rhs);
            res = relativeResidualK(rhs, sol);
            System.arraycopy(sol, 0, dx, 0, n);
            double[] w = Arrays.copyOfRange(sol, n, n + m);
            jac.applyS(w, dy);
            // ds = −f2 − A du = r2 − A du
            a.mulVec(-1.0, dx, 0.0, ds);
            for (int i = 0; i < m; i++) {
                ds[i] += r2[i];
            }
            if (needsFallback(res)) {
                // singular or badly conditioned K (e.g. a degenerate LP): let LSQR on M improve the answer
                double[] f = new double[n + m];
                double[] z0 = new double[n + m];
                for (int j = 0; j < n; j++) {
                    f[j] = -r1[j];
                    z0[j] = dx[j];
                }
                for (int i = 0; i < m; i++) {
                    f[n + i] = -r2[i];
                    z0[n + i] = dy[i] - ds[i];
                }
                double[] z = polish(new ResidualJacobian(), f, z0);
                System.arraycopy(z, 0, dx, 0, n);
                double[] dv = Arrays.copyOfRange(z, n, n + m);
                jac.applyD(dv, dy);
                for (int i = 0; i < m; i++) {
                    ds[i] = dy[i] - dv[i];
                }
                res = relativeResidual(new ResidualJacobian(), f, z);
            }
        } else {
            double[] f = new double[n + m];
            for (int j = 0; j < n; j++) {
                f[j] = -r1[j];
            }
            for (int i = 0; i < m; i++) {
                f[n + i] = -r2[i];
            }
            Lsqr.Result lr = Lsqr.solve(new ResidualJacobian(), f, options.lsqrTolerance(), options.lsqrTolerance(),
                    lsqrIterations());
            double[] z = lr.x();
            System.arraycopy(z, 0, dx, 0, n);
            double[] dv = Arrays.copyOfRange(z, n, n + m);
            jac.applyD(dv, dy);
            for (int i = 0; i < m; i++) {
                ds[i] = dy[i] - dv[i];
            }
            res = lr.residual() / Math.max(norm(f), Double.MIN_NORMAL);
        }
        return new SolutionDerivative(dx, dy, ds, nonDifferentiable, res);
    }

    // ------------------------------------------------------------------ VJP

    /** VJP with a perturbation-shaped gradient; null arrays mean zero. */
    public DataGradient adjoint(SolutionDerivative g) {
        return adjoint(g.dx(), g.dy(), g.ds());
    }

    /**
     * The gradient of a loss L with respect to (P, A, b, c) on their patterns, given
     * {@code (∂L/∂x, ∂L/∂y, ∂L/∂s)}; a null argument means zero. The P gradient is per stored upper
     * value, an off-diagonal value standing for both symmetric entries, so that
     * {@code ⟨adjoint(g), d⟩ = ⟨g, derivative(d)⟩} with the plain dot product on value arrays.
     *
     * @throws IllegalArgumentException if an array has the wrong length
     */
    public DataGradient adjoint(double[] gx, double[] gy, double[] gs) {
        int n = st.n;
        int m = st.m;
        checkOptional("dx", gx, n);
        checkOptional("dy", gy, m);
        checkOptional("ds", gs, m);
        double[] zx = gx == null ? new double[n] : gx;
        double[] zy = gy == null ? new double[m] : gy;
        double[] zs = gs == null ? new double[m] : gs;
        double[] gr1 = new double[n];
        double[] gr2 = new double[m];
        double res;
        if (options.method() == DerivativeMethod.DIRECT) {
            // transpose of: rhs = (−r1, S r2); (du, w) = K⁻¹ rhs; dx = du, dy = S w, ds = r2 − A du
            double[] rhs = new double[n + m];
            System.arraycopy(zx, 0, rhs, 0, n);
            a.mulTransVec(-1.0, zs, 1.0, rhs); // g_du = gx − Aᵀ gs (first n entries)
            double[] sgy = new double[m];
            jac.applyS(zy, sgy);
            System.arraycopy(sgy, 0, rhs, n, m);
            double[] sol = solveK(rhs);
            res = relativeResidualK(rhs, sol);
            for (int j = 0; j < n; j++) {
                gr1[j] = -sol[j];
            }
            double[] t = Arrays.copyOfRange(sol, n, n + m);
            jac.applyS(t, gr2);
            for (int i = 0; i < m; i++) {
                gr2[i] += zs[i];
            }
            if (needsFallback(res)) {
                // (gr1, gr2) = −M⁻ᵀ g_z; let LSQR on Mᵀ improve it when K was singular or ill-conditioned
                double[] h = adjointRhs(zx, zy, zs);
                double[] r0 = new double[n + m];
                System.arraycopy(gr1, 0, r0, 0, n);
                System.arraycopy(gr2, 0, r0, n, m);
                LinearOperator mt = transposeOf(new ResidualJacobian());
                double[] r = polish(mt, h, r0);
                System.arraycopy(r, 0, gr1, 0, n);
                System.arraycopy(r, n, gr2, 0, m);
                res = relativeResidual(mt, h, r);
            }
        } else {
            double[] h = adjointRhs(zx, zy, zs);
            LinearOperator mt = transposeOf(new ResidualJacobian());
            Lsqr.Result lr = Lsqr.solve(mt, h, options.lsqrTolerance(), options.lsqrTolerance(), lsqrIterations());
            double[] r = lr.x();
            System.arraycopy(r, 0, gr1, 0, n);
            System.arraycopy(r, n, gr2, 0, m);
            res = lr.residual() / Math.max(norm(h), Double.MIN_NORMAL);
        }
        return new DataGradient(dataGradientFrom(gr1, gr2), nonDifferentiable, res);
    }

    /** {@code −g_z} with {@code g_z = (gx, D gy + (D − I) gs)}: the right-hand side of {@code Mᵀ r = −g_z}. */
    private double[] adjointRhs(double[] gx, double[] gy, double[] gs) {
        int n = st.n;
        int m = st.m;
        double[] h = new double[n + m];
        for (int j = 0; j < n; j++) {
            h[j] = -gx[j];
        }
        double[] t = new double[m];
        double[] dt = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = gy[i] + gs[i];
        }
        jac.applyD(t, dt);
        for (int i = 0; i < m; i++) {
            h[n + i] = -(dt[i] - gs[i]);
        }
        return h;
    }

    /** The direct answer is suspect: pivots were regularized or refinement left a visible residual. */
    private boolean needsFallback(double relRes) {
        return !(relRes <= 1e-8);
    }

    /**
     * Fallback for a suspect direct answer z0: LSQR on {@code op z = rhs} from zero (for a singular op the
     * minimum-norm least-squares element, as diffcp returns). If z0 is still decent (relative residual
     * ≤ 1e-6) the smaller residual wins; otherwise the system is singular and LSQR's answer is returned
     * unless it failed to get within 10× of z0's residual.
     */
    private double[] polish(LinearOperator op, double[] rhs, double[] z0) {
        Lsqr.Result lr = Lsqr.solve(op, rhs, options.lsqrTolerance(), options.lsqrTolerance(), lsqrIterations());
        double r0 = relativeResidual(op, rhs, z0);
        double r1 = relativeResidual(op, rhs, lr.x());
        if (r0 <= SINGULAR_RESIDUAL) {
            return r1 < r0 ? lr.x() : z0;
        }
        return r1 <= 10.0 * r0 ? lr.x() : z0;
    }

    /**
     * Kinks of Π_{K*} at v = y − s. Orthant entries are judged from y and s themselves, which suits
     * interior-point output (only approximately complementary): entry i is a kink if both are negligible or
     * if neither dominates ({@code min(y_i, s_i) ≥ 1e-3 · max(y_i, s_i)}, y_i·s_i ≈ μ with both ≈ √μ is
     * the interior-point picture of y_i = s_i = 0); second-order blocks likewise (see socKink). Other blocks
     * ask their projection at v.
     */
    private int countKinks(double tol) {
        var proj = st.projection;
        int count = 0;
        double[] s = this.s;
        for (int b = 0; b < proj.blockCount(); b++) {
            int o = proj.offset(b);
            int e = proj.offset(b + 1);
            var blk = proj.block(b);
            if (blk instanceof org.cvxlayers.solvers.cones.projection.ZeroProjection) {
                continue;
            }
            if (blk instanceof org.cvxlayers.solvers.cones.projection.NonnegativeProjection) {
                double scale = 1.0;
                for (int i = o; i < e; i++) {
                    scale = Math.max(scale, Math.max(Math.abs(y[i]), Math.abs(s[i])));
                }
                for (int i = o; i < e; i++) {
                    double hi = Math.max(y[i], s[i]);
                    double lo = Math.min(y[i], s[i]);
                    if (hi <= tol * scale || lo >= COMPLEMENTARITY_RATIO * hi) {
                        count++;
                    }
                }
            } else if (blk instanceof org.cvxlayers.solvers.cones.projection.SecondOrderProjection) {
                if (socKink(o, e, tol)) {
                    count++;
                }
            } else if (!blk.isDifferentiableAt(v, o, true, tol)) {
                count++;
            }
        }
        return count;
    }

    /**
     * A second-order block loses strict complementarity when one of y, s vanishes while the other lies on
     * the boundary (or both vanish). With interior-point output "vanishes" and "on the boundary" are
     * judged relative to the block's scale by {@link #COMPLEMENTARITY_RATIO}, as for the orthant.
     */
    private boolean socKink(int o, int e, double tol) {
        double ny = 0.0;
        double ns = 0.0;
        double ty = 0.0;
        double ts = 0.0;
        for (int i = o + 1; i < e; i++) {
            ty += y[i] * y[i];
            ts += s[i] * s[i];
        }
        ty = Math.sqrt(ty);
        ts = Math.sqrt(ts);
        ny = Math.hypot(y[o], ty);
        ns = Math.hypot(s[o], ts);
        double big = Math.max(ny, ns);
        if (big <= tol) {
            return true;
        }
        double r = COMPLEMENTARITY_RATIO;
        boolean yZero = ny <= r * big;
        boolean sZero = ns <= r * big;
        boolean yBoundary = y[o] - ty <= r * ny;
        boolean sBoundary = s[o] - ts <= r * ns;
        return (yZero && sBoundary) || (sZero && yBoundary);
    }

    /** ‖rhs − op z‖ / ‖rhs‖. */
    private static double relativeResidual(LinearOperator op, double[] rhs, double[] z) {
        double[] t = new double[rhs.length];
        op.apply(z, t);
        double r = 0.0;
        for (int i = 0; i < rhs.length; i++) {
            double d = rhs[i] - t[i];
            r += d * d;
        }
        double b = norm(rhs);
        return b == 0.0 ? Math.sqrt(r) : Math.sqrt(r) / b;
    }

    /**
     * Data gradient of {@code L = g1ᵀ r1 + g2ᵀ r2} with {@code r1 = dP x + dAᵀ y + dc, r2 = −dA x + db}:
     * dc = g1, db = g2, dA_ij = y_i g1_j − g2_i x_j, dP (upper) = g1_i x_j + g1_j x_i (i ≠ j), g1_i x_i.
     */
    private DataPerturbation dataGradientFrom(double[] g1, double[] g2) {
        double[] gP = new double[st.nnzP];
        for (int j = 0; j < st.n; j++) {
            for (int q = st.pColPtr[j]; q < st.pColPtr[j + 1]; q++) {
                int i = st.pRowIdx[q];
                gP[q] = i == j ? g1[i] * x[i] : g1[i] * x[j] + g1[j] * x[i];
            }
        }
        double[] gA = new double[st.nnzA];
        for (int j = 0; j < st.n; j++) {
            for (int q = st.aColPtr[j]; q < st.aColPtr[j + 1]; q++) {
                int i = st.aRowIdx[q];
                gA[q] = y[i] * g1[j] - g2[i] * x[j];
            }
        }
        return new DataPerturbation(gP, gA, g2, g1);
    }

    // ------------------------------------------------------------------ optimal value

    /**
     * Derivative of the optimal value {@code p* = ½xᵀPx + cᵀx} (without the program's constant) along a
     * data change, by the envelope theorem: {@code dp* = ½xᵀdPx + dcᵀx + yᵀ(dA x − db)}. Needs no solve.
     */
    public double objectiveDerivative(double[] dP, double[] dA, double[] db, double[] dc) {
        DataPerturbation g = objectiveGradient();
        checkOptional("dP", dP, st.nnzP);
        checkOptional("dA", dA, st.nnzA);
        checkOptional("db", db, st.m);
        checkOptional("dc", dc, st.n);
        return dot(g.pValues(), dP) + dot(g.aValues(), dA) + dot(g.b(), db) + dot(g.c(), dc);
    }

    /**
     * Gradient of the optimal value on the patterns: P (upper values) {@code x_i x_j} off the diagonal and
     * {@code ½x_i²} on it, A {@code y_i x_j}, b {@code −y}, c {@code x}.
     */
    public DataPerturbation objectiveGradient() {
        double[] gP = new double[st.nnzP];
        for (int j = 0; j < st.n; j++) {
            for (int q = st.pColPtr[j]; q < st.pColPtr[j + 1]; q++) {
                int i = st.pRowIdx[q];
                gP[q] = i == j ? 0.5 * x[i] * x[i] : x[i] * x[j];
            }
        }
        double[] gA = new double[st.nnzA];
        for (int j = 0; j < st.n; j++) {
            for (int q = st.aColPtr[j]; q < st.aColPtr[j + 1]; q++) {
                gA[q] = y[st.aRowIdx[q]] * x[j];
            }
        }
        double[] gb = new double[st.m];
        for (int i = 0; i < st.m; i++) {
            gb[i] = -y[i];
        }
        return new DataPerturbation(gP, gA, gb, x.clone());
    }

    // ------------------------------------------------------------------ linear algebra

    private double[] solveK(double[] rhs) {
        double[] sol = new double[rhs.length];
        ldl.solve(rhs, sol);
        refinement.refine(rhs, sol, options.refinementSteps(), 1e-14, 1e-300);
        return sol;
    }

    private double relativeResidualK(double[] rhs, double[] sol) {
        double[] kx = new double[rhs.length];
        st.kPattern.withValues(kValues).mulSymUpperVec(1.0, sol, 0.0, kx);
        double r = 0.0;
        double b = 0.0;
        for (int i = 0; i < rhs.length; i++) {
            r = Math.max(r, Math.abs(rhs[i] - kx[i]));
            b = Math.max(b, Math.abs(rhs[i]));
        }
        return b == 0.0 ? 0.0 : r / b;
    }

    private int lsqrIterations() {
        return options.lsqrMaxIterations() > 0 ? options.lsqrMaxIterations() : 20 * (st.n + st.m);
    }

    private static void checkOptional(String name, double[] v, int len) {
        if (v != null && v.length != len) {
            throw new IllegalArgumentException(name + " must have length " + len + ", got " + v.length);
        }
    }

    private static double dot(double[] a, double[] b) {
        if (a == null || b == null) {
            return 0.0;
        }
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static LinearOperator transposeOf(LinearOperator op) {
        return new LinearOperator() {
            @Override
            public int rows() {
                return op.cols();
            }

            @Override
            public int cols() {
                return op.rows();
            }

            @Override
            public void apply(double[] in, double[] out) {
                op.applyTranspose(in, out);
            }

            @Override
            public void applyTranspose(double[] in, double[] out) {
                op.apply(in, out);
            }
        };
    }

    /** {@code M = [[P, AᵀD], [−A, I − D]]} and its transpose, matrix-free. */
    private final class ResidualJacobian implements LinearOperator {
        private final double[] t1 = new double[st.m];
        private final double[] t2 = new double[st.m];
        private final double[] t3 = new double[st.m];

        @Override
        public int rows() {
            return st.n + st.m;
        }

        @Override
        public int cols() {
            return st.n + st.m;
        }

        @Override
        public void apply(double[] z, double[] out) {
            int n = st.n;
            int m = st.m;
            double[] du = Arrays.copyOf(z, n);
            System.arraycopy(z, n, t1, 0, m);
            jac.applyD(t1, t2); // D dv
            double[] top = new double[n];
            pUpper.mulSymUpperVec(1.0, du, 0.0, top);
            a.mulTransVec(1.0, t2, 1.0, top);
            a.mulVec(-1.0, du, 0.0, t3);
            System.arraycopy(top, 0, out, 0, n);
            for (int i = 0; i < m; i++) {
                out[n + i] = t3[i] + t1[i] - t2[i];
            }
        }

        @Override
        public void applyTranspose(double[] r, double[] out) {
            // Mᵀ = [[P, −Aᵀ], [D A, I − D]]
            int n = st.n;
            int m = st.m;
            double[] ra = Arrays.copyOf(r, n);
            System.arraycopy(r, n, t1, 0, m);
            double[] top = new double[n];
            pUpper.mulSymUpperVec(1.0, ra, 0.0, top);
            a.mulTransVec(-1.0, t1, 1.0, top);
            a.mulVec(1.0, ra, 0.0, t3);
            for (int i = 0; i < m; i++) {
                t3[i] -= t1[i]; // A a − b ; D(A a − b) + b
            }
            jac.applyD(t3, t2);
            System.arraycopy(top, 0, out, 0, n);
            for (int i = 0; i < m; i++) {
                out[n + i] = t2[i] + t1[i];
            }
        }
    }
}
