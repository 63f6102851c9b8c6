package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;
import org.cvxlayers.solvers.sparse.CscMatrix;

/** Sum of all entries ({@code axis = -1}) or along an axis (0: over rows, 1: over columns). */
public final class SumExpression extends LinearAtom {
    private final int axis;

    public SumExpression(Expression x, int axis) {
        super(shapeOf(x, axis), List.of(x), List.of(map(x, axis)));
        this.axis = axis;
    }

    /** -1 for the sum of all entries. */
    public int axis() {
        return axis;
    }

    private static Shape shapeOf(Expression x, int axis) {
        Shape s = x.shape();
        if (axis == -1 || (axis == 0 && !s.isMatrix())) {
            return Shape.scalar();
        }
        if (!s.isMatrix() || axis < -1 || axis > 1) {
            throw new ShapeException("sum along axis " + axis + " of " + x + " with shape " + s);
        }
        return axis == 0 ? Shape.vector(s.cols()) : Shape.vector(s.rows());
    }

    private static CscMatrix map(Expression x, int axis) {
        Shape s = x.shape();
        int m = s.rows();
        int n = x.size();
        int[] out = new int[n];
        int[] in = new int[n];
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            in[k] = k;
            v[k] = 1.0;
            out[k] = (axis == -1 || !s.isMatrix()) ? 0 : axis == 0 ? k / m : k % m;
        }
        return Maps.of(shapeOf(x, axis).size(), n, out, in, v, n);
    }

    @Override
    public String name() {
        return "sum";
    }

    @Override
    protected String extraArgs() {
        return axis == -1 || !args().get(0).shape().isMatrix() ? "" : ", axis=" + axis;
    }
}
