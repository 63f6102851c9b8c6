package org.cvxlayers.core.atoms;

import java.util.ArrayList;
import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.solvers.sparse.CscMatrix;

/** A sum of expressions; operands of smaller shape are broadcast (NumPy rules) to the common shape. */
public final class AddExpression extends LinearAtom {

    public AddExpression(List<Expression> args) {
        this(args, commonShape(args));
    }

    private AddExpression(List<Expression> args, Shape shape) {
        super(shape, args, maps(args, shape));
    }

    /** The shape of a sum: the operands' NumPy broadcast shape (scalars, rows and columns are broadcast). */
    public static Shape commonShape(List<Expression> args) {
        return Broadcast.shape(args);
    }

    private static List<CscMatrix> maps(List<Expression> args, Shape shape) {
        List<CscMatrix> maps = new ArrayList<>();
        for (Expression a : args) {
            maps.add(a.shape().equals(shape) ? Maps.scaledIdentity(shape.size(), 1.0) : Broadcast.map(a.shape(), shape));
        }
        return maps;
    }

    @Override
    public String name() {
        return "add";
    }

    @Override
    public int precedence() {
        return PREC_ADD;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args().size(); i++) {
            Expression a = args().get(i);
            if (i == 0) {
                sb.append(wrap(a, PREC_ADD));
            } else if (a instanceof NegExpression n) {
                sb.append(" - ").append(wrap(n.args().get(0), PREC_MUL));
            } else {
                sb.append(" + ").append(wrap(a, PREC_ADD));
            }
        }
        return sb.toString();
    }
}
