package org.cvxlayers.benchmarks.suite;

import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.matrix.store.SparseStore;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.convex.ConvexSolver;
import org.ojalgo.optimisation.linear.LinearSolver;
import org.ojalgo.structure.Access1D;

/**
 * ojAlgo 56.2: {@link LinearSolver} (through {@link ExpressionsBasedModel}) for LPs and {@link ConvexSolver} for QPs
 * (bounds passed as inequality rows; ojAlgo minimises {@code ½xᵀQx − Cᵀx}, so C = −c).
 */
final class OjAlgoPeer implements PeerSolver {

    @Override
    public String name() {
        return "ojAlgo";
    }

    @Override
    public String skipReason(LinearQp qp) {
        return null;
    }

    @Override
    public Outcome solve(LinearQp qp, double timeLimitSeconds) {
        Optimisation.Options options = new Optimisation.Options();
        options.time_abort = (long) (1000 * timeLimitSeconds);
        Optimisation.Result result = qp.isLp() ? solveLp(qp, options) : solveQp(qp, options);
        double[] x = new double[qp.n];
        for (int j = 0; j < qp.n; j++) {
            x[j] = result.doubleValue(j);
        }
        return new Outcome(result.getState().isOptimal() ? "SOLVED" : result.getState().name(), x);
    }

    /**
     * LPs go through {@link ExpressionsBasedModel}, whose LP path is {@link LinearSolver}: the model passes
     * general bounds correctly, which the low-level general builder (standard form, x ≥ 0) does not.
     */
    private static Optimisation.Result solveLp(LinearQp qp, Optimisation.Options options) {
        ExpressionsBasedModel model = new ExpressionsBasedModel(options);
        Variable[] x = new Variable[qp.n];
        for (int j = 0; j < qp.n; j++) {
            x[j] = model.addVariable("x" + j).weight(qp.c[j]);
            if (qp.lb[j] > Double.NEGATIVE_INFINITY) {
                x[j].lower(qp.lb[j]);
            } else {
                x[j].lower(null);
            }
            if (qp.ub[j] < Double.POSITIVE_INFINITY) {
                x[j].upper(qp.ub[j]);
            }
        }
        int r = 0;
        for (LinearQp.Row row : qp.eq) {
            addRow(model, x, row, "e" + r++).level(row.rhs());
        }
        for (LinearQp.Row row : qp.ineq) {
            addRow(model, x, row, "i" + r++).upper(row.rhs());
        }
        return model.minimise();
    }

    private static Expression addRow(ExpressionsBasedModel model, Variable[] x, LinearQp.Row row, String name) {
        Expression e = model.addExpression(name);
        for (int k = 0; k < row.idx().length; k++) {
            e.set(x[row.idx()[k]], row.val()[k]);
        }
        return e;
    }

    private static Optimisation.Result solveQp(LinearQp qp, Optimisation.Options options) {
        int n = qp.n;
        R064Store q = R064Store.FACTORY.make(n, n);
        double[][] p = qp.denseP();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (p[i][j] != 0.0) {
                    q.set(i, j, p[i][j]);
                }
            }
        }
        R064Store cc = R064Store.FACTORY.make(n, 1);
        for (int j = 0; j < n; j++) {
            cc.set(j, 0, -qp.c[j]);
        }
        ConvexSolver.Builder b = ConvexSolver.newBuilder().objective(q, cc);
        if (!qp.eq.isEmpty()) {
            b.equalities(sparse(qp.eq, n), column(LinearQp.rhs(qp.eq)));
        }
        // inequality rows plus the finite bounds as rows
        int mi = qp.ineq.size() + qp.finiteBounds();
        if (mi > 0) {
            SparseStore<Double> g = SparseStore.R064.make(mi, n);
            R064Store h = R064Store.FACTORY.make(mi, 1);
            int r = 0;
            for (LinearQp.Row row : qp.ineq) {
                for (int k = 0; k < row.idx().length; k++) {
                    g.set(r, row.idx()[k], row.val()[k]);
                }
                h.set(r++, 0, row.rhs());
            }
            for (int j = 0; j < n; j++) {
                if (qp.ub[j] < Double.POSITIVE_INFINITY) {
                    g.set(r, j, 1.0);
                    h.set(r++, 0, qp.ub[j]);
                }
                if (qp.lb[j] > Double.NEGATIVE_INFINITY) {
                    g.set(r, j, -1.0);
                    h.set(r++, 0, -qp.lb[j]);
                }
            }
            b.inequalities(g, h);
        }
        return b.build(options).solve();
    }

    private static SparseStore<Double> sparse(java.util.List<LinearQp.Row> rows, int n) {
        SparseStore<Double> a = SparseStore.R064.make(rows.size(), n);
        for (int r = 0; r < rows.size(); r++) {
            LinearQp.Row row = rows.get(r);
            for (int k = 0; k < row.idx().length; k++) {
                a.set(r, row.idx()[k], row.val()[k]);
            }
        }
        return a;
    }

    private static Access1D<Double> column(double[] v) {
        R064Store s = R064Store.FACTORY.make(v.length, 1);
        for (int i = 0; i < v.length; i++) {
            s.set(i, 0, v[i]);
        }
        return s;
    }

    /** ojAlgo 56.2 has simplex LP, active-set convex QP and MIP solvers: no second-order, PSD or other cones. */
    @Override
    public String skipReason(ConicInstance program) {
        return "unsupported: ojAlgo 56.2.0 solves LPs (LinearSolver) and QPs (ConvexSolver), no cones";
    }
}
