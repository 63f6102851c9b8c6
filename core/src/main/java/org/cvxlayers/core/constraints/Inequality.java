package org.cvxlayers.core.constraints;

import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DcpAnalyzer;
import org.cvxlayers.core.analysis.DcpException;
import org.cvxlayers.core.analysis.DgpException;
import org.cvxlayers.core.analysis.LogLogAnalyzer;
import org.cvxlayers.core.canon.ConeKind;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code lhs <= rhs} entrywise with lhs convex and rhs concave (sides broadcast as in NumPy). Dual λ ≥ 0 in
 * {@code f + λ·(lhs − rhs)}; e.g. the dual of {@code x >= 0} is nonnegative.
 */
public final class Inequality extends Comparison {
    public Inequality(Expression lhs, Expression rhs) {
        super(lhs, rhs, ConeKind.NONNEG, "<=");
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
    public void checkDgp() {
        Curvature l = LogLogAnalyzer.check(lhs());
        Curvature r = LogLogAnalyzer.check(rhs());
        if (!l.isConvex()) {
            throw new DgpException(toString(), "the left side of <= must be log-log convex, but " + lhs() + " is "
                    + LogLogAnalyzer.label(l));
        }
        if (!r.isConcave()) {
            throw new DgpException(toString(), "the right side of <= must be log-log concave, but " + rhs() + " is "
                    + LogLogAnalyzer.label(r));
        }
    }
}
