package org.cvxlayers.core.constraints;

import java.util.List;
import org.cvxlayers.core.atoms.Affine;
import org.cvxlayers.core.atoms.AddExpression;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.canon.ConeKind;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/** {@code lhs == rhs} (affine sides, broadcast as in NumPy). Dual ν in {@code f + ν·(lhs − rhs)}. */
public final class Equality extends Constraint {
    private final Shape shape;

    public Equality(Expression lhs, Expression rhs) {
        super(List.of(lhs, rhs));
        shape = AddExpression.commonShape(List.of(lhs, rhs));
    }

    public Expression lhs() {
        return args().get(0);
    }

    public Expression rhs() {
        return args().get(1);
    }

    @Override
    public void checkDcp(boolean dpp) {
        requireAffine(lhs(), dpp, this);
        requireAffine(rhs(), dpp, this);
    }

    @Override
    public void canonicalize(CanonContext ctx) {
        // s = rhs − lhs ∈ {0}; with A = −F, b = g the solver's y is ν of f + ν·(lhs − rhs)
        Expression diff = Affine.promote(rhs(), shape).minus(Affine.promote(lhs(), shape));
        ctx.addBlock(ConeKind.ZERO, ctx.canonicalize(diff), 0, this);
    }

    @Override
    public Shape dualShape() {
        return shape;
    }

    @Override
    protected double[] dualFromCone(double[] y) {
        return y.clone();
    }

    @Override
    protected double[] dualFromConeAdjoint(double[] dDual) {
        return dDual.clone();
    }

    @Override
    public String toString() {
        return lhs() + " == " + rhs();
    }
}
