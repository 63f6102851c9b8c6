package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** Elementwise product {@code x * y} (CVXPY's {@code multiply}); a scalar factor is promoted. */
public final class MultiplyExpression extends Atom implements BilinearAtom {

    public MultiplyExpression(Expression x, Expression y) {
        super(AddExpression.commonShape(List.of(x, y)), List.of(x, y));
    }

    @Override
    public Expression lhs() {
        return args().get(0);
    }

    @Override
    public Expression rhs() {
        return args().get(1);
    }

    @Override
    public String name() {
        return "multiply";
    }

    @Override
    public Curvature functionCurvature() {
        return Curvature.AFFINE; // only when one side is constant; the analyzer checks that
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return Monotonicity.NONE;
    }

    @Override
    public Sign sign() {
        return lhs().sign().times(rhs().sign());
    }

    @Override
    public int precedence() {
        return PREC_MUL;
    }

    @Override
    public String toString() {
        return wrap(lhs(), PREC_MUL) + " * " + wrap(rhs(), PREC_MUL + 1);
    }

    @Override
    public double[] evaluate() {
        double[] a = lhs().evaluate();
        double[] b = rhs().evaluate();
        double[] out = new double[size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = a[a.length == 1 ? 0 : k] * b[b.length == 1 ? 0 : k];
        }
        return out;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor a = args.get(0);
        AffineTensor b = args.get(1);
        if (a.size() != size()) {
            a = a.broadcast(size());
        }
        if (b.size() != size()) {
            b = b.broadcast(size());
        }
        return AffineTensor.multiply(a, b);
    }
}
