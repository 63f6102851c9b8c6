package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;

/**
 * Reshape. {@code rowMajor = true} reads and writes entries in C order (NumPy's default, our public
 * layout); {@code false} in Fortran order (CVXPY's {@code vec}).
 */
public final class ReshapeExpression extends LinearAtom {
    private final boolean rowMajor;

    public ReshapeExpression(Expression x, Shape shape, boolean rowMajor) {
        super(check(x, shape), List.of(x), List.of(Maps.selection(x.size(), permutation(x.shape(), shape, rowMajor))));
        this.rowMajor = rowMajor;
    }

    private static Shape check(Expression x, Shape shape) {
        if (x.size() != shape.size()) {
            throw new ShapeException("cannot reshape " + x + " of shape " + x.shape() + " into " + shape);
        }
        return shape;
    }

    private static int[] permutation(Shape from, Shape to, boolean rowMajor) {
        int[] sel = new int[to.size()];
        for (int k = 0; k < sel.length; k++) {
            // k is the column-major position in the result; find its flat position in the chosen order
            int flat = rowMajor ? to.colMajorToRowMajor(k) : k;
            sel[k] = rowMajor ? from.rowMajorToColMajor(flat) : flat;
        }
        return sel;
    }

    @Override
    public String name() {
        return "reshape";
    }

    @Override
    public String toString() {
        if (!rowMajor && shape().isVector()) {
            return "vec(" + args().get(0) + ")";
        }
        return "reshape(" + args().get(0) + ", " + shape() + (rowMajor ? ", order='C')" : ", order='F')");
    }
}
