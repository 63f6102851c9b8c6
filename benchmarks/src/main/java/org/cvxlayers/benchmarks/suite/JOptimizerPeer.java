package org.cvxlayers.benchmarks.suite;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.SparseDoubleMatrix2D;
import com.joptimizer.functions.ConvexMultivariateRealFunction;
import com.joptimizer.functions.LinearMultivariateRealFunction;
import com.joptimizer.functions.PDQuadraticMultivariateRealFunction;
import com.joptimizer.optimizers.LPOptimizationRequest;
import com.joptimizer.optimizers.LPPrimalDualMethod;
import com.joptimizer.optimizers.OptimizationRequest;
import com.joptimizer.optimizers.PrimalDualMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * JOptimizer 5.0.0: {@link LPPrimalDualMethod} (sparse colt matrices, bounds) for LPs and the dense
 * {@link PrimalDualMethod} with a quadratic objective for QPs (inequalities and bounds as linear functions).
 * Cone programs with second-order and PSD cones go to its {@code BarrierMethod} through
 * {@link JOptimizerConic}. JOptimizer has no time limit of its own; the suite runs it in a child process and
 * stops it.
 */
final class JOptimizerPeer implements PeerSolver {
    private final boolean defaultConicTolerances;

    /** The peer with the suite's strict tolerances (conic gap 1e-8). */
    JOptimizerPeer() {
        this(false);
    }

    /**
     * @param defaultConicTolerances whether cone programs are solved with JOptimizer's default tolerances
     *                               (gap 1e-5, equalities 1e-6) instead of 1e-8; LPs and QPs are unaffected
     */
    JOptimizerPeer(boolean defaultConicTolerances) {
        this.defaultConicTolerances = defaultConicTolerances;
    }

    /** Dense QP method: skip instances whose dense KKT data would exceed this many entries. */
    static final long MAX_DENSE_QP = 1_500_000L;
    /** Stand-in for infinite LP bounds. */
    static final double BIG = 1e9;

    @Override
    public String name() {
        return defaultConicTolerances ? "JOptimizer-default-tol" : "JOptimizer";
    }

    @Override
    public String skipReason(LinearQp qp) {
        if (!qp.isLp()) {
            long rows = qp.eq.size() + qp.ineq.size() + qp.finiteBounds();
            if ((long) qp.n * (qp.n + rows) > MAX_DENSE_QP) {
                return "dense QP method: n(n+m) > " + MAX_DENSE_QP;
            }
        }
        return null;
    }

    @Override
    public Outcome solve(LinearQp qp, double timeLimitSeconds) throws Exception {
        return qp.isLp() ? solveLp(qp) : solveQp(qp);
    }

    private static Outcome solveLp(LinearQp qp) throws Exception {
        LPOptimizationRequest req = new LPOptimizationRequest();
        req.setC(qp.c);
        if (!qp.ineq.isEmpty()) {
            req.setG(sparse(qp.ineq, qp.n));
            req.setH(LinearQp.rhs(qp.ineq));
        }
        if (!qp.eq.isEmpty()) {
            req.setA(sparse(qp.eq, qp.n));
            req.setB(LinearQp.rhs(qp.eq));
        }
        double[] lb = qp.lb.clone();
        double[] ub = qp.ub.clone();
        // JOptimizer's LP method needs finite bounds: infinite ones become ±BIG (and the method is told so)
        for (int j = 0; j < qp.n; j++) {
            if (lb[j] == Double.NEGATIVE_INFINITY) {
                lb[j] = -BIG;
            }
            if (ub[j] == Double.POSITIVE_INFINITY) {
                ub[j] = BIG;
            }
        }
        req.setLb(lb);
        req.setUb(ub);
        req.setTolerance(1e-9);
        req.setToleranceFeas(1e-9);
        LPPrimalDualMethod opt = new LPPrimalDualMethod(-BIG, BIG);
        opt.setLPOptimizationRequest(req);
        opt.optimize();
        return new Outcome("SOLVED", opt.getLPOptimizationResponse().getSolution());
    }

    private static Outcome solveQp(LinearQp qp) throws Exception {
        int n = qp.n;
        OptimizationRequest req = new OptimizationRequest();
        req.setF0(new PDQuadraticMultivariateRealFunction(qp.denseP(), qp.c, 0.0));
        List<ConvexMultivariateRealFunction> fi = new ArrayList<>();
        for (LinearQp.Row row : qp.ineq) {
            double[] a = new double[n];
            for (int k = 0; k < row.idx().length; k++) {
                a[row.idx()[k]] += row.val()[k];
            }
            fi.add(new LinearMultivariateRealFunction(a, -row.rhs())); // aᵀx − b ≤ 0
        }
        for (int j = 0; j < n; j++) {
            if (qp.ub[j] < Double.POSITIVE_INFINITY) {
                double[] a = new double[n];
                a[j] = 1.0;
                fi.add(new LinearMultivariateRealFunction(a, -qp.ub[j]));
            }
            if (qp.lb[j] > Double.NEGATIVE_INFINITY) {
                double[] a = new double[n];
                a[j] = -1.0;
                fi.add(new LinearMultivariateRealFunction(a, qp.lb[j]));
            }
        }
        if (!fi.isEmpty()) {
            req.setFi(fi.toArray(new ConvexMultivariateRealFunction[0]));
        }
        if (!qp.eq.isEmpty()) {
            req.setA(LinearQp.dense(qp.eq, n));
            req.setB(LinearQp.rhs(qp.eq));
        }
        req.setTolerance(1e-9);
        req.setToleranceFeas(1e-9);
        PrimalDualMethod opt = new PrimalDualMethod();
        opt.setOptimizationRequest(req);
        opt.optimize();
        return new Outcome("SOLVED", opt.getOptimizationResponse().getSolution());
    }

    private static DoubleMatrix2D sparse(List<LinearQp.Row> rows, int n) {
        SparseDoubleMatrix2D a = new SparseDoubleMatrix2D(rows.size(), n);
        for (int r = 0; r < rows.size(); r++) {
            LinearQp.Row row = rows.get(r);
            for (int k = 0; k < row.idx().length; k++) {
                a.setQuick(r, row.idx()[k], a.getQuick(r, row.idx()[k]) + row.val()[k]);
            }
        }
        return a;
    }

    @Override
    public String skipReason(ConicInstance program) {
        return JOptimizerConic.unsupported(program);
    }

    @Override
    public Outcome solve(ConicInstance program, double timeLimitSeconds) throws Exception {
        return defaultConicTolerances
                ? JOptimizerConic.solve(program, JOptimizerConic.DEFAULT_GAP_TOLERANCE,
                        JOptimizerConic.DEFAULT_FEAS_TOLERANCE)
                : JOptimizerConic.solve(program);
    }
}
