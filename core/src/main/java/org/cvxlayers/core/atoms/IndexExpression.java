package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/** Indexing or slicing: selected entries of the argument, printed with NumPy's bracket syntax. */
public final class IndexExpression extends LinearAtom {
    private final String key;

    /**
     * @param x       the argument
     * @param shape   shape of the result
     * @param select  for each result entry (column-major), the argument's entry (column-major)
     * @param key     bracket text for printing, e.g. {@code "0:3"} or {@code "1, 2"}
     */
    public IndexExpression(Expression x, Shape shape, int[] select, String key) {
        super(shape, List.of(x), List.of(Maps.selection(x.size(), select)));
        this.key = key;
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public String toString() {
        return wrap(args().get(0), PREC_ATOM) + "[" + key + "]";
    }
}
