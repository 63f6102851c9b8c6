package org.cvxlayers.core.constraints;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DcpAnalyzer;
import org.cvxlayers.core.analysis.DcpException;
import org.cvxlayers.core.atoms.AddExpression;
import org.cvxlayers.core.atoms.Affine;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.canon.ConeKind;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * {@code lhs <= rhs} entrywise with lhs convex and rhs concave (sides broadcast as in NumPy). Dual λ ≥ 0 in
 * {@code f + λ·(lhs − rhs)}; e.g. the dual of {@code x >= 0} is nonnegative.
 */
public final class Inequality extends Constraint {
    private final Shape shape;

    public Inequality(Expression lhs, Expression rhs) {
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
        Curvature l = DcpAnalyzer.check(lhs(), dpp);
        Curvature r = DcpAnalyzer.check(rhs(), dpp);
        if (!l.isConvex()) {
            throw new DcpException(toString(), "the left side of <= must be convex, but " + lhs() + " is " + l.label());
        }
        if (!r.isConcave()) {
            throw new DcpException(toString(), "the right side of <= must be concave, but " + rhs() + " is " + r.label());
        }
    }

    @Override
    public void canonicalize(CanonContext ctx) {
        Expression slack = Affine.promote(rhs(), shape).minus(Affine.promote(lhs(), shape));
        ctx.addBlock(ConeKind.NONNEG, ctx.canonicalize(slack), 0, this);
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
        return lhs() + " <= " + rhs();
    }
}
