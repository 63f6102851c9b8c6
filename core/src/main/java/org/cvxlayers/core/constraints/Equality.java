package org.cvxlayers.core.constraints;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DgpException;
import org.cvxlayers.core.analysis.LogLogAnalyzer;
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
    public void checkDgp() {
        for (Expression side : args()) {
            Curvature c = LogLogAnalyzer.check(side);
            if (!c.isAffine()) {
                throw new DgpException(toString(), "both sides of an equality must be monomials (log-log affine), "
                        + "but " + side + " is " + LogLogAnalyzer.label(c));
            }
        }
    }

    /** In a gp compilation the sides are replaced by their logs: {@code log lhs == log rhs}. */
    @Override
    public void canonicalize(CanonContext ctx) {
        // s = rhs − lhs ∈ {0}; with A = −F, b = g the solver's y is ν of f + ν·(lhs − rhs)
        Expression lo = ctx.isLogSpace() ? ctx.logSpace().of(lhs()) : lhs();
        Expression hi = ctx.isLogSpace() ? ctx.logSpace().of(rhs()) : rhs();
        Expression diff = Affine.promote(hi, shape).minus(Affine.promote(lo, shape));
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
