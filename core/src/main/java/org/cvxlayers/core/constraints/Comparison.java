package org.cvxlayers.core.constraints;

import java.util.List;
import org.cvxlayers.core.atoms.AddExpression;
import org.cvxlayers.core.atoms.Affine;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.canon.ConeKind;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * What {@code lhs == rhs} and {@code lhs <= rhs} share: sides broadcast to a common shape, one cone row per
 * entry of {@code rhs − lhs} (zero cone or nonnegative orthant), and a dual of that shape read straight from
 * the cone rows. Each subclass keeps its own DCP and DGP rules.
 */
abstract class Comparison extends Constraint {
    private final Shape shape;
    private final ConeKind cone;
    private final String operator;

    Comparison(Expression lhs, Expression rhs, ConeKind cone, String operator) {
        super(List.of(lhs, rhs));
        this.shape = AddExpression.commonShape(List.of(lhs, rhs));
        this.cone = cone;
        this.operator = operator;
    }

    public Expression lhs() {
        return args().get(0);
    }

    public Expression rhs() {
        return args().get(1);
    }

    /** In a gp compilation the sides are replaced by their logs: {@code log lhs} against {@code log rhs}. */
    @Override
    public final void canonicalize(CanonContext ctx) {
        // s = rhs − lhs in the cone; with A = −F, b = g the solver's y is the multiplier of f + y·(lhs − rhs)
        Expression lo = ctx.isLogSpace() ? ctx.logSpace().of(lhs()) : lhs();
        Expression hi = ctx.isLogSpace() ? ctx.logSpace().of(rhs()) : rhs();
        Expression slack = Affine.promote(hi, shape).minus(Affine.promote(lo, shape));
        ctx.addBlock(cone, ctx.canonicalize(slack), 0, this);
    }

    @Override
    public final Shape dualShape() {
        return shape;
    }

    @Override
    protected final double[] dualFromCone(double[] y) {
        return y.clone();
    }

    @Override
    protected final double[] dualFromConeAdjoint(double[] dDual) {
        return dDual.clone();
    }

    @Override
    public final String toString() {
        return lhs() + " " + operator + " " + rhs();
    }
}
