package org.cvxlayers.core.constraints;

import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DgpException;
import org.cvxlayers.core.analysis.LogLogAnalyzer;
import org.cvxlayers.core.canon.ConeKind;
import org.cvxlayers.core.expr.Expression;

/** {@code lhs == rhs} (affine sides, broadcast as in NumPy). Dual ν in {@code f + ν·(lhs − rhs)}. */
public final class Equality extends Comparison {
    public Equality(Expression lhs, Expression rhs) {
        super(lhs, rhs, ConeKind.ZERO, "==");
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
}
