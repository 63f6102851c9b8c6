package org.cvxlayers.benchmarks.suite;

import cern.colt.matrix.DoubleFactory1D;
import cern.colt.matrix.DoubleFactory2D;
import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.jet.math.Functions;
import com.joptimizer.functions.BarrierFunction;
import com.joptimizer.functions.FunctionsUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The sum of several JOptimizer barrier functions over the same variables, so that one {@code BarrierMethod}
 * can take linear inequalities ({@code LogarithmicBarrier}), second-order cones ({@code SOCPLogarithmicBarrier})
 * and several PSD blocks ({@code SDPLogarithmicBarrier}, one per block) together: JOptimizer's barrier method
 * accepts exactly one barrier function.
 *
 * <p>Phase I: every JOptimizer barrier's phase-I form appends one variable {@code s} that relaxes its
 * constraints ({@code f(x) ≤ s}, {@code ‖Ax+b‖ ≤ cᵀx+d+s}, {@code −G−Σxᵢfᵢ + sI ≻ 0}), so the sum of the phase-I
 * forms is the phase-I form of the sum. The starting {@code s} is computed here from each part's exact
 * infeasibility (the {@code slack} functions) instead of by the parts' own
 * {@code calculatePhase1InitialFeasiblePoint}, which in 5.0.0 uses {@code ‖Ax−b‖} for the SOC and the largest
 * instead of the smallest eigenvalue for the LMI. The phase-I sum also gets a small {@link ProximalTerm}
 * (weight {@value #PHASE1_PROXIMAL_WEIGHT}) around the starting point, without which phase I fails on LMIs whose
 * matrices span the identity; the main phase is JOptimizer's barrier method unchanged.
 */
final class SumBarrier implements BarrierFunction {

    /**
     * One summand and the smallest {@code s} that makes its phase-I form feasible at a point ({@code < 0}:
     * the point is strictly feasible); {@code slack} is null for phase-I sums.
     */
    record Part(BarrierFunction barrier, ToDoubleFunction<double[]> slack) {
    }

    /** Weight of the phase-I {@link ProximalTerm}. */
    static final double PHASE1_PROXIMAL_WEIGHT = 1e-4;

    private final List<Part> parts;
    private final int dim;
    /** The point phase I starts from (set by {@link #calculatePhase1InitialFeasiblePoint}), the proximal center. */
    private double[] phase1Start;

    SumBarrier(List<Part> parts, int dim) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a barrier sum needs at least one part");
        }
        for (Part p : parts) {
            if (p.barrier().getDim() != dim) {
                throw new IllegalArgumentException("barrier part of dimension " + p.barrier().getDim()
                        + " in a sum of dimension " + dim);
            }
        }
        this.parts = List.copyOf(parts);
        this.dim = dim;
    }

    @Override
    public int getDim() {
        return dim;
    }

    @Override
    public double value(DoubleMatrix1D x) {
        double v = 0.0;
        for (Part p : parts) {
            double vi = p.barrier().value(x);
            if (Double.isNaN(vi)) {
                return Double.NaN; // outside the domain of one part
            }
            v += vi;
        }
        return v;
    }

    @Override
    public DoubleMatrix1D gradient(DoubleMatrix1D x) {
        DoubleMatrix1D g = DoubleFactory1D.dense.make(dim);
        for (Part p : parts) {
            g.assign(p.barrier().gradient(x), Functions.plus);
        }
        return g;
    }

    @Override
    public DoubleMatrix2D hessian(DoubleMatrix1D x) {
        DoubleMatrix2D h = DoubleFactory2D.dense.make(dim, dim);
        for (Part p : parts) {
            DoubleMatrix2D hi = p.barrier().hessian(x);
            if (hi != FunctionsUtils.ZEROES_MATRIX_PLACEHOLDER) {
                h.assign(hi, Functions.plus);
            }
        }
        return h;
    }

    @Override
    public double getDualityGap(double t) {
        double gap = 0.0;
        for (Part p : parts) {
            gap += p.barrier().getDualityGap(t);
        }
        return gap;
    }

    @Override
    public BarrierFunction createPhase1BarrierFunction() {
        List<Part> phase1 = new ArrayList<>(parts.size());
        for (Part p : parts) {
            phase1.add(new Part(p.barrier().createPhase1BarrierFunction(), null));
        }
        // BasicPhaseIBM asks for the starting s (and so sets phase1Start) before it builds the phase-I barrier
        double[] center = phase1Start != null ? phase1Start : new double[dim];
        phase1.add(new Part(new ProximalTerm(center, dim + 1, PHASE1_PROXIMAL_WEIGHT), null));
        return new SumBarrier(phase1, dim + 1);
    }

    /**
     * The starting {@code s} of phase I: negative if x is strictly feasible already, else the largest
     * infeasibility of the parts plus a margin, so that {@code (x, s)} lies inside every phase-I domain.
     */
    @Override
    public double calculatePhase1InitialFeasiblePoint(DoubleMatrix1D x, double tolerance) {
        double[] xa = x.toArray();
        phase1Start = xa.clone();
        double s = Double.NEGATIVE_INFINITY;
        for (Part p : parts) {
            if (p.slack() == null) {
                throw new UnsupportedOperationException("phase I of a phase-I barrier");
            }
            s = Math.max(s, p.slack().applyAsDouble(xa));
        }
        return s < 0 ? s : s + Math.max(1.0, s);
    }
}
