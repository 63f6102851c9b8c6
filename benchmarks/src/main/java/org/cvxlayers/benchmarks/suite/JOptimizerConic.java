package org.cvxlayers.benchmarks.suite;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.impl.SparseDoubleMatrix2D;
import com.joptimizer.exception.JOptimizerException;
import com.joptimizer.functions.ConvexMultivariateRealFunction;
import com.joptimizer.functions.LinearMultivariateRealFunction;
import com.joptimizer.functions.LogarithmicBarrier;
import com.joptimizer.functions.PSDQuadraticMultivariateRealFunction;
import com.joptimizer.functions.SDPLogarithmicBarrier;
import com.joptimizer.functions.SOCPLogarithmicBarrier;
import com.joptimizer.optimizers.BarrierMethod;
import com.joptimizer.optimizers.OptimizationRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.cones.projection.SymmetricEigen;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * Our cone program {@code min ½xᵀPx + cᵀx s.t. A x + s = b, s ∈ K} in the form of JOptimizer 5.0.0's
 * {@link BarrierMethod} (Boyd and Vandenberghe, ch. 11): the objective as a linear (or PSD quadratic)
 * function, the zero-cone rows as the equalities {@code A_eq x = b_eq}, and one {@link SumBarrier} of
 * <ul>
 *   <li>a {@link LogarithmicBarrier} of the linear functions {@code aᵣᵀx − bᵣ ≤ 0} (nonnegative rows and
 *       second-order cones of dimension 1),</li>
 *   <li>a {@link SOCPLogarithmicBarrier} with, per cone {@code s = (t, u) = b − A x}, the constraint
 *       {@code ‖A' x + b'‖ ≤ c'ᵀx + d'} where {@code A' = −A_u, b' = b_u, c' = −a_t, d' = b_t},</li>
 *   <li>per PSD block, an {@link SDPLogarithmicBarrier} of the LMI {@code Σ xⱼFⱼ + G ≺ 0} (its value is
 *       {@code −log det(−G − Σ xⱼFⱼ)}) with {@code G = −mat(b_blk)} and {@code Fⱼ = mat(A_blk,j)}, so that
 *       {@code −G − Σ xⱼFⱼ = mat(b − A x)}; {@code mat} undoes the svec √2 scaling.</li>
 * </ul>
 * Exponential and power cones have no JOptimizer barrier: such programs are reported as unsupported.
 * JOptimizer works on dense matrices ({@code n × n} barrier Hessians, one dense {@code d × d} matrix per
 * variable and PSD block), so large instances run out of memory or time; they are run all the same.
 */
final class JOptimizerConic {
    /**
     * Stopping gap of the barrier method, Σ (barrier degree) / t ≤ this (absolute, in objective units): strict
     * enough for the suite's 1e-6 relative rule. JOptimizer's own default is 1e-5.
     */
    static final double GAP_TOLERANCE = 1e-8;
    /** Equality residual ‖A_eq x − b_eq‖₂ accepted for the starting point and in phase I (default 1e-6). */
    static final double FEAS_TOLERANCE = 1e-8;
    /** JOptimizer 5.0.0's default {@code tolerance} and {@code toleranceFeas} of an {@link OptimizationRequest}. */
    static final double DEFAULT_GAP_TOLERANCE = 1e-5;
    static final double DEFAULT_FEAS_TOLERANCE = 1e-6;

    private JOptimizerConic() {
    }

    /** Why JOptimizer cannot take the program (a cone without a JOptimizer barrier), or null. */
    static String unsupported(ConicInstance inst) {
        for (Cone k : inst.cones()) {
            if (!(k instanceof ZeroCone || k instanceof NonnegativeCone || k instanceof SecondOrderCone
                    || k instanceof PsdCone)) {
                return "unsupported: JOptimizer 5.0.0 has no barrier for " + k.getClass().getSimpleName();
            }
        }
        return null;
    }

    /**
     * Solves with {@link BarrierMethod}: SOLVED when it returns. When it throws after phase I (singular KKT
     * system or Newton iteration limit at a large barrier parameter, typically), the outcome is INACCURATE with
     * the last iterate (inside the barrier's domain as JOptimizer evaluates it; on badly scaled LMIs such as hinf1
     * our cone distance can still be ~1e-6), so readers see how far it got; it does not count as solved. An
     * exception before any iterate (phase I failed) propagates and means failure.
     */
    static PeerSolver.Outcome solve(ConicInstance inst) throws Exception {
        return solve(inst, GAP_TOLERANCE, FEAS_TOLERANCE);
    }

    /** {@link #solve(ConicInstance)} with the given stopping gap and equality tolerance. */
    static PeerSolver.Outcome solve(ConicInstance inst, double gapTolerance, double feasTolerance) throws Exception {
        String why = unsupported(inst);
        if (why != null) {
            throw new IllegalArgumentException(inst.file.name() + ": " + why);
        }
        OptimizationRequest req = request(inst);
        req.setTolerance(gapTolerance);
        req.setToleranceFeas(feasTolerance);
        TracedBarrierMethod opt = new TracedBarrierMethod(barrier(inst));
        opt.setOptimizationRequest(req);
        try {
            opt.optimize();
        } catch (JOptimizerException e) {
            if (opt.lastIterate == null) {
                throw e;
            }
            return new PeerSolver.Outcome("INACCURATE", opt.lastIterate, "last iterate; stopped by " + e, -1);
        }
        return new PeerSolver.Outcome("SOLVED", opt.getOptimizationResponse().getSolution());
    }

    /** JOptimizer's barrier method, remembering the last iterate of its main phase (phase I is another object). */
    private static final class TracedBarrierMethod extends BarrierMethod {
        double[] lastIterate;

        TracedBarrierMethod(SumBarrier barrier) {
            super(barrier);
        }

        /** Called by the outer loop and by every centering Newton step with the current x (barrier finite). */
        @Override
        protected boolean checkCustomExitConditions(DoubleMatrix1D x) {
            lastIterate = x.toArray();
            return false;
        }
    }

    /** Objective, equalities and tolerances. */
    static OptimizationRequest request(ConicInstance inst) {
        ConeProgram prog = inst.program;
        int n = prog.n();
        OptimizationRequest req = new OptimizationRequest();
        if (prog.p().nnz() == 0) {
            req.setF0(new LinearMultivariateRealFunction(prog.c().clone(), 0.0));
        } else {
            req.setF0(new PSDQuadraticMultivariateRealFunction(denseSymmetric(prog.p(), n), prog.c().clone(), 0.0));
        }
        CscMatrix at = prog.a().transpose(); // column r of Aᵀ = row r of A
        List<Integer> eqRows = new ArrayList<>();
        int off = 0;
        for (Cone k : prog.cones()) {
            if (k instanceof ZeroCone) {
                for (int r = off; r < off + k.dim(); r++) {
                    eqRows.add(r);
                }
            }
            off += k.dim();
        }
        if (!eqRows.isEmpty()) {
            SparseDoubleMatrix2D aeq = new SparseDoubleMatrix2D(eqRows.size(), n);
            double[] beq = new double[eqRows.size()];
            for (int q = 0; q < eqRows.size(); q++) {
                int r = eqRows.get(q);
                for (int p = at.colPtr()[r]; p < at.colPtr()[r + 1]; p++) {
                    aeq.setQuick(q, at.rowIdx()[p], aeq.getQuick(q, at.rowIdx()[p]) + at.values()[p]);
                }
                beq[q] = prog.b()[r];
            }
            req.setA(aeq);
            req.setB(beq);
        }
        req.setTolerance(GAP_TOLERANCE);
        req.setToleranceFeas(FEAS_TOLERANCE);
        return req;
    }

    /** The sum of the linear, second-order and LMI barriers of the program's cones. */
    static SumBarrier barrier(ConicInstance inst) {
        ConeProgram prog = inst.program;
        int n = prog.n();
        double[] b = prog.b();
        CscMatrix at = prog.a().transpose();
        List<SumBarrier.Part> parts = new ArrayList<>();
        List<double[]> linA = new ArrayList<>();
        List<Double> linB = new ArrayList<>();
        // the barrier keeps this list: the cones' parameters (an inner class of it) are added below
        List<SOCPLogarithmicBarrier.SOCPConstraintParameters> socs = new ArrayList<>();
        SOCPLogarithmicBarrier socp = new SOCPLogarithmicBarrier(socs, n);
        int off = 0;
        for (Cone k : prog.cones()) {
            if (k instanceof NonnegativeCone || (k instanceof SecondOrderCone && k.dim() == 1)) {
                for (int r = off; r < off + k.dim(); r++) {
                    linA.add(denseRow(at, r, n));
                    linB.add(b[r]);
                }
            } else if (k instanceof SecondOrderCone) {
                int len = k.dim() - 1;
                double[][] au = new double[len][];
                double[] bu = new double[len];
                for (int i = 0; i < len; i++) {
                    au[i] = denseRow(at, off + 1 + i, n);
                    scale(au[i], -1.0);
                    bu[i] = b[off + 1 + i];
                }
                double[] ct = denseRow(at, off, n);
                scale(ct, -1.0);
                socs.add(socp.new SOCPConstraintParameters(au, bu, ct, b[off]));
            } else if (k instanceof PsdCone psd) {
                parts.add(lmi(prog, off, psd.n()));
            }
            off += k.dim();
        }
        if (!linA.isEmpty()) {
            parts.add(linear(linA, linB, n));
        }
        if (!socs.isEmpty()) {
            parts.add(secondOrder(socp, socs));
        }
        return new SumBarrier(parts, n);
    }

    private static SumBarrier.Part linear(List<double[]> rows, List<Double> rhs, int n) {
        ConvexMultivariateRealFunction[] fi = new ConvexMultivariateRealFunction[rows.size()];
        for (int r = 0; r < fi.length; r++) {
            fi[r] = new LinearMultivariateRealFunction(rows.get(r), -rhs.get(r)); // aᵀx − b ≤ 0
        }
        double[][] a = rows.toArray(new double[0][]);
        return new SumBarrier.Part(new LogarithmicBarrier(fi, n), x -> {
            double worst = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < a.length; r++) {
                worst = Math.max(worst, dot(a[r], x) - rhs.get(r));
            }
            return worst;
        });
    }

    private static SumBarrier.Part secondOrder(SOCPLogarithmicBarrier barrier,
            List<SOCPLogarithmicBarrier.SOCPConstraintParameters> socs) {
        return new SumBarrier.Part(barrier, x -> {
            double worst = Double.NEGATIVE_INFINITY;
            for (SOCPLogarithmicBarrier.SOCPConstraintParameters p : socs) {
                // ‖A'x + b'‖ − (c'ᵀx + d')
                double norm = p.getA().operate(new ArrayRealVector(x, false)).add(p.getB()).getNorm();
                double t = p.getC().dotProduct(new ArrayRealVector(x, false)) + p.getD();
                worst = Math.max(worst, norm - t);
            }
            return worst;
        });
    }

    /** The LMI of the PSD block of order d at rows [off, off + d(d+1)/2). */
    private static SumBarrier.Part lmi(ConeProgram prog, int off, int d) {
        int n = prog.n();
        int len = d * (d + 1) / 2;
        double[][] g = unsvec(prog.b(), off, d);
        for (double[] row : g) {
            scale(row, -1.0);
        }
        List<double[][]> f = new ArrayList<>(n);
        CscMatrix a = prog.a();
        double[] col = new double[len];
        for (int j = 0; j < n; j++) {
            Arrays.fill(col, 0.0);
            for (int p = a.colPtr()[j]; p < a.colPtr()[j + 1]; p++) {
                int r = a.rowIdx()[p];
                if (r >= off && r < off + len) {
                    col[r - off] += a.values()[p];
                }
            }
            f.add(unsvec(col, 0, d));
        }
        double[] bBlock = Arrays.copyOfRange(prog.b(), off, off + len);
        return new SumBarrier.Part(new SDPLogarithmicBarrier(f, g), x -> {
            // S(x) = mat(b − A x) on the block; phase I needs s > −λmin(S)
            double[] s = bBlock.clone();
            for (int j = 0; j < n; j++) {
                if (x[j] == 0.0) {
                    continue;
                }
                for (int p = a.colPtr()[j]; p < a.colPtr()[j + 1]; p++) {
                    int r = a.rowIdx()[p];
                    if (r >= off && r < off + len) {
                        s[r - off] -= a.values()[p] * x[j];
                    }
                }
            }
            double[][] m = unsvec(s, 0, d);
            double[] rowMajor = new double[d * d];
            for (int i = 0; i < d; i++) {
                System.arraycopy(m[i], 0, rowMajor, i * d, d);
            }
            double[] w = new double[d];
            SymmetricEigen.decompose(rowMajor, d, w, new double[d * d]);
            return -w[0];
        });
    }

    /** The symmetric d × d matrix of the svec block v[off ..]: off-diagonal entries divided by √2. */
    static double[][] unsvec(double[] v, int off, int d) {
        double[][] m = new double[d][d];
        double inv = 1.0 / Math.sqrt(2.0);
        int k = off;
        for (int j = 0; j < d; j++) {
            for (int i = 0; i <= j; i++) {
                double e = i == j ? v[k] : v[k] * inv;
                m[i][j] = e;
                m[j][i] = e;
                k++;
            }
        }
        return m;
    }

    private static double[] denseRow(CscMatrix at, int r, int n) {
        double[] row = new double[n];
        for (int p = at.colPtr()[r]; p < at.colPtr()[r + 1]; p++) {
            row[at.rowIdx()[p]] += at.values()[p];
        }
        return row;
    }

    private static double[][] denseSymmetric(CscMatrix upper, int n) {
        double[][] m = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int p = upper.colPtr()[j]; p < upper.colPtr()[j + 1]; p++) {
                int i = upper.rowIdx()[p];
                m[i][j] += upper.values()[p];
                if (i != j) {
                    m[j][i] += upper.values()[p];
                }
            }
        }
        return m;
    }

    private static void scale(double[] v, double a) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= a;
        }
    }

    private static double dot(double[] a, double[] x) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * x[i];
        }
        return s;
    }
}
