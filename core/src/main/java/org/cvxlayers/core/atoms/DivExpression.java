package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * Elementwise division {@code x / y} by a constant (DCP). Division by a parameter is DCP but not DPP (1/θ is
 * not affine in θ); such problems are solved by substituting the parameter's value at each solve.
 */
public final class DivExpression extends ProductAtom {

    public DivExpression(Expression x, Expression y) {
        super("div", "/", x, y);
    }

    @Override
    public boolean rhsMustBeConstant() {
        return true;
    }

    @Override
    public double[] evaluate() {
        return evaluateEntrywise((a, b) -> a / b);
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        double[] d = args.get(1).constantValue(); // DPP guarantees a numeric divisor here
        double[] inv = new double[size()];
        for (int k = 0; k < inv.length; k++) {
            double v = d[k];
            if (v == 0.0) {
                throw new ArithmeticException("division by zero in " + this + " (entry " + k + ")");
            }
            inv[k] = 1.0 / v;
        }
        return AffineTensor.multiply(AffineTensor.constant(inv), args.get(0));
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Curvature atomLogLogCurvature() {
        return Curvature.AFFINE;
    }

    @Override
    public Monotonicity logLogMonotonicity(int i) {
        return i == 0 ? Monotonicity.INCREASING : Monotonicity.DECREASING;
    }

    @Override
    public Expression logSpace(LogSpace ls) {
        return ls.of(lhs()).minus(ls.of(rhs()));
    }
}
