package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/** Common traits of norm-like atoms: scalar, convex, nonnegative, increasing in nonnegative arguments. */
abstract class ConvexScalarAtom extends Atom {
    ConvexScalarAtom(List<Expression> args) {
        super(Shape.scalar(), args);
    }

    @Override
    public Curvature functionCurvature() {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return Monotonicity.ofEvenFunction(args().get(i).sign());
    }

    @Override
    public Sign sign() {
        return Sign.NONNEG;
    }
}
