package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/** A scalar broadcast to a shape (printed as the scalar itself, as CVXPY does). */
public final class PromoteExpression extends LinearAtom {

    public PromoteExpression(Expression scalar, Shape shape) {
        super(shape, List.of(scalar), List.of(Maps.broadcast(shape.size())));
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
