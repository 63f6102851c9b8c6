package org.cvxlayers.benchmarks.suite;

import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.vector.constrained.ADMMQPOptimizer;
import org.hipparchus.optim.nonlinear.vector.constrained.ADMMQPOption;
import org.hipparchus.optim.nonlinear.vector.constrained.LagrangeSolution;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearBoundedConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.QuadraticFunction;

/**
 * Hipparchus 3.1 {@link ADMMQPOptimizer} (an OSQP-like ADMM on dense matrices): all rows and bounds in one
 * {@code lb ≤ Ax ≤ ub} constraint, eps 1e-8, no polishing (its polishing step reported singular matrices on HS21, HS35, QAFIRO). Dense, so large instances are skipped.
 */
final class HipparchusPeer implements PeerSolver {
    static final long MAX_DENSE = 1_500_000L;

    @Override
    public String name() {
        return "Hipparchus-ADMM";
    }

    @Override
    public String skipReason(LinearQp qp) {
        long rows = qp.eq.size() + qp.ineq.size() + qp.finiteBounds();
        if ((long) qp.n * (qp.n + rows) > MAX_DENSE) {
            return "dense ADMM: n(n+m) > " + MAX_DENSE;
        }
        return null;
    }

    @Override
    public Outcome solve(LinearQp qp, double timeLimitSeconds) {
        int n = qp.n;
        int rows = qp.eq.size() + qp.ineq.size() + qp.finiteBounds();
        double[][] a = new double[rows][];
        double[] lo = new double[rows];
        double[] hi = new double[rows];
        int r = 0;
        for (LinearQp.Row row : qp.eq) {
            a[r] = denseRow(row, n);
            lo[r] = row.rhs();
            hi[r++] = row.rhs();
        }
        for (LinearQp.Row row : qp.ineq) {
            a[r] = denseRow(row, n);
            lo[r] = Double.NEGATIVE_INFINITY;
            hi[r++] = row.rhs();
        }
        for (int j = 0; j < n; j++) {
            boolean l = qp.lb[j] > Double.NEGATIVE_INFINITY;
            boolean u = qp.ub[j] < Double.POSITIVE_INFINITY;
            // one row per bounded variable carries both of its bounds
            if (l || u) {
                a[r] = new double[n];
                a[r][j] = 1.0;
                lo[r] = qp.lb[j];
                hi[r++] = qp.ub[j];
            }
        }
        int used = r;
        double[][] aa = java.util.Arrays.copyOf(a, used);
        ADMMQPOption option = new ADMMQPOption();
        option.setEps(1e-8);
        option.setEpsInfeasible(1e-9);
        option.setPolishing(false);
        ADMMQPOptimizer opt = new ADMMQPOptimizer();
        QuadraticFunction f = new QuadraticFunction(qp.denseP(), qp.c, 0.0);
        LagrangeSolution sol = used > 0
                ? opt.optimize(option, new ObjectiveFunction(f), new MaxIter(1_000_000),
                        new LinearBoundedConstraint(aa, java.util.Arrays.copyOf(lo, used), java.util.Arrays.copyOf(hi, used)))
                : opt.optimize(option, new ObjectiveFunction(f), new MaxIter(1_000_000));
        return new Outcome(opt.isConverged() ? "SOLVED" : "NOT_CONVERGED", sol.getX().toArray());
    }

    private static double[] denseRow(LinearQp.Row row, int n) {
        double[] d = new double[n];
        for (int k = 0; k < row.idx().length; k++) {
            d[row.idx()[k]] += row.val()[k];
        }
        return d;
    }

    /**
     * Hipparchus 3.1 optim has simplex LP, ADMM QP and SQP (smooth nonlinear constraints) optimizers, no cone
     * solver; a second-order cone is not smooth at its apex and an LMI is not a finite set of smooth
     * constraints, so it is not tried.
     */
    @Override
    public String skipReason(ConicInstance program) {
        return "unsupported: Hipparchus 3.1 has LP, ADMM QP and SQP optimizers, no cones";
    }
}
