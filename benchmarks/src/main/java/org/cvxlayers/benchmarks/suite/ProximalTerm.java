package org.cvxlayers.benchmarks.suite;

import cern.colt.matrix.DoubleFactory1D;
import cern.colt.matrix.DoubleFactory2D;
import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import com.joptimizer.functions.BarrierFunction;

/**
 * {@code (μ/2)‖x − x₀‖²} over the first {@code x₀.length} of {@code dim} variables, added to JOptimizer's
 * phase-I barrier by {@link SumBarrier}. JOptimizer's phase I minimises the relaxation {@code s} of
 * {@code −G − Σxⱼfⱼ + sI ≻ 0}; when the identity lies in the span of the LMI matrices (SDPLIB's control,
 * theta, max-cut… and the 2×2 test LMI) {@code s} can decrease along a direction in which the barrier is flat,
 * its Newton matrix is singular and 5.0.0 stops with "KKT solution failed". This strongly convex term keeps
 * that matrix nonsingular; phase I still stops as soon as x is strictly feasible for the original constraints.
 * It is not a barrier: its duality-gap share is 0 and it has no phase I of its own.
 */
final class ProximalTerm implements BarrierFunction {
    private final double[] center;
    private final int dim;
    private final double mu;

    ProximalTerm(double[] center, int dim, double mu) {
        if (center.length > dim || !(mu > 0)) {
            throw new IllegalArgumentException("proximal term: center of length " + center.length
                    + " in dimension " + dim + ", mu " + mu);
        }
        this.center = center.clone();
        this.dim = dim;
        this.mu = mu;
    }

    @Override
    public int getDim() {
        return dim;
    }

    @Override
    public double value(DoubleMatrix1D x) {
        double v = 0.0;
        for (int i = 0; i < center.length; i++) {
            double d = x.getQuick(i) - center[i];
            v += d * d;
        }
        return 0.5 * mu * v;
    }

    @Override
    public DoubleMatrix1D gradient(DoubleMatrix1D x) {
        DoubleMatrix1D g = DoubleFactory1D.dense.make(dim);
        for (int i = 0; i < center.length; i++) {
            g.setQuick(i, mu * (x.getQuick(i) - center[i]));
        }
        return g;
    }

    @Override
    public DoubleMatrix2D hessian(DoubleMatrix1D x) {
        DoubleMatrix2D h = DoubleFactory2D.sparse.make(dim, dim);
        for (int i = 0; i < center.length; i++) {
            h.setQuick(i, i, mu);
        }
        return h;
    }

    @Override
    public double getDualityGap(double t) {
        return 0.0;
    }

    @Override
    public BarrierFunction createPhase1BarrierFunction() {
        throw new UnsupportedOperationException("a proximal term has no phase I");
    }

    @Override
    public double calculatePhase1InitialFeasiblePoint(DoubleMatrix1D x, double tolerance) {
        throw new UnsupportedOperationException("a proximal term has no phase I");
    }
}
