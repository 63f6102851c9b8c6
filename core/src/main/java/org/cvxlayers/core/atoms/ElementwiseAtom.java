package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;

/** An atom applied entry by entry; the result has the argument's shape. */
public abstract class ElementwiseAtom extends Atom {

    protected ElementwiseAtom(Expression x) {
        super(x.shape(), List.of(x));
    }

    /** The scalar function. */
    protected abstract double apply(double v);

    @Override
    public double[] evaluate() {
        double[] v = args().get(0).evaluate();
        for (int k = 0; k < v.length; k++) {
            v[k] = apply(v[k]);
        }
        return v;
    }
}
