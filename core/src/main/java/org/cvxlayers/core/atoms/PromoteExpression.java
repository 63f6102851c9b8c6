package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/** An expression broadcast to a larger shape (NumPy rules; printed as the expression itself, as CVXPY does). */
public final class PromoteExpression extends LinearAtom {

    public PromoteExpression(Expression x, Shape shape) {
        super(shape, List.of(x), List.of(Broadcast.map(x.shape(), shape)));
    }

    @Override
    public String name() {
        return "promote";
    }

    @Override
    public int precedence() {
        return args().get(0).precedence();
    }

    @Override
    public String toString() {
        return args().get(0).toString();
    }
}
