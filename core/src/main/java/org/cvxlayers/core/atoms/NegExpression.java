package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;

/** Negation {@code -x}. */
public final class NegExpression extends LinearAtom {

    public NegExpression(Expression x) {
        super(x.shape(), List.of(x), List.of(Maps.scaledIdentity(x.size(), -1.0)));
    }

    @Override
    public String name() {
        return "neg";
    }

    @Override
    public int precedence() {
        return PREC_NEG;
    }

    @Override
    public String toString() {
        return "-" + wrap(args().get(0), PREC_NEG);
    }
}
