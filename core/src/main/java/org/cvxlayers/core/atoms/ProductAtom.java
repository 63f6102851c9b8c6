package org.cvxlayers.core.atoms;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * Common traits of the binary products {@code x * y}, {@code x / y} and {@code A @ B}: affine as a function
 * (valid only when one factor is constant; the analyzer checks that through {@link BilinearAtom}), not
 * monotone, the sign of the product (a sum of same-signed products keeps it), printed as an infix operator.
 */
abstract class ProductAtom extends Atom implements BilinearAtom, LogLogAtom {
    private final String name;
    private final String operator;

    /** An entry-by-entry product: the operands are broadcast (NumPy rules) to their common shape up front. */
    ProductAtom(String name, String operator, Expression x, Expression y) {
        this(name, operator, Broadcast.shape(List.of(x, y)), x, y, true);
    }

    /** A product of the given result shape whose operands are kept as they are. */
    ProductAtom(String name, String operator, Shape shape, Expression a, Expression b) {
        this(name, operator, shape, a, b, false);
    }

    private ProductAtom(String name, String operator, Shape shape, Expression a, Expression b, boolean broadcast) {
        super(shape, broadcast ? List.of(Affine.promote(a, shape), Affine.promote(b, shape)) : List.of(a, b));
        this.name = name;
        this.operator = operator;
    }

    @Override
    public final Expression lhs() {
        return args().get(0);
    }

    @Override
    public final Expression rhs() {
        return args().get(1);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Curvature functionCurvature() {
        return Curvature.AFFINE;
    }

    @Override
    public final Monotonicity monotonicity(int i) {
        return Monotonicity.NONE;
    }

    @Override
    public final Sign sign() {
        return lhs().sign().times(rhs().sign());
    }

    @Override
    public final int precedence() {
        return PREC_MUL;
    }

    @Override
    public final String toString() {
        return wrap(lhs(), PREC_MUL) + " " + operator + " " + wrap(rhs(), PREC_MUL + 1);
    }

    /** {@code op(lhs[k], rhs[k])} for every entry k of the (broadcast) operands. */
    final double[] evaluateEntrywise(DoubleBinaryOperator op) {
        double[] a = lhs().evaluate();
        double[] b = rhs().evaluate();
        double[] out = new double[size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = op.applyAsDouble(a[k], b[k]);
        }
        return out;
    }
}
