package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/** Elementwise product {@code x * y} (CVXPY's {@code multiply}); operands are broadcast (NumPy rules). */
public final class MultiplyExpression extends Atom implements BilinearAtom {

    public MultiplyExpression(Expression x, Expression y) {
        this(x, y, Broadcast.shape(List.of(x, y)));
    }

    private MultiplyExpression(Expression x, Expression y, Shape shape) {
        // operands are broadcast to the common shape up front, so the product is entry by entry
        super(shape, List.of(Affine.promote(x, shape), Affine.promote(y, shape)));
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
            out[k] = a[k] * b[k];
        }
        return out;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return AffineTensor.multiply(args.get(0), args.get(1));
    }
}
