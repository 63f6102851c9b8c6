package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * Elementwise division {@code x / y} by a constant (DCP). Division by a parameter is DCP but not DPP (1/θ is
 * not affine in θ); such problems are solved by substituting the parameter's value at each solve.
 */
public final class DivExpression extends Atom implements BilinearAtom {

    public DivExpression(Expression x, Expression y) {
        this(x, y, Broadcast.shape(List.of(x, y)));
    }

    private DivExpression(Expression x, Expression y, Shape shape) {
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
    public boolean rhsMustBeConstant() {
        return true;
    }

    @Override
    public String name() {
        return "div";
    }

    @Override
    public Curvature functionCurvature() {
        return Curvature.AFFINE;
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
        return wrap(lhs(), PREC_MUL) + " / " + wrap(rhs(), PREC_MUL + 1);
    }

    @Override
    public double[] evaluate() {
        double[] a = lhs().evaluate();
        double[] b = rhs().evaluate();
        double[] out = new double[size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = a[k] / b[k];
        }
        return out;
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
}
