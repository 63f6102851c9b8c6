package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * Common traits of the spectral atoms canonicalized by a linear matrix inequality (lambda_max, log_det,
 * sigma_max, …): a scalar value, a fixed curvature and sign that each atom states in its constructor, and
 * no monotonicity in the matrix argument (the PSD order is not an entrywise order).
 */
abstract class PsdScalarAtom extends FixedTraitsAtom {
    PsdScalarAtom(String name, Curvature curvature, Sign sign, List<Expression> args) {
        super(Shape.scalar(), args, name, curvature, Monotonicity.NONE, sign);
    }
}
