package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** Elementwise product {@code x * y} (CVXPY's {@code multiply}); operands are broadcast (NumPy rules). */
public final class MultiplyExpression extends ProductAtom {

    public MultiplyExpression(Expression x, Expression y) {
        super("multiply", "*", x, y);
    }

    @Override
    public double[] evaluate() {
        return evaluateEntrywise((a, b) -> a * b);
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return AffineTensor.multiply(args.get(0), args.get(1));
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Curvature atomLogLogCurvature() {
        return Curvature.AFFINE;
    }

    @Override
    public Monotonicity logLogMonotonicity(int i) {
        return Monotonicity.INCREASING;
    }

    @Override
    public Expression logSpace(LogSpace ls) {
        return ls.of(lhs()).plus(ls.of(rhs()));
    }
}
