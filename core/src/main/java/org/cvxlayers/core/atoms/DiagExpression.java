package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;
import org.cvxlayers.solvers.sparse.CscMatrix;

/** {@code diag}: a vector to a diagonal matrix, or a square matrix to its diagonal (as CVXPY). */
public final class DiagExpression extends LinearAtom {

    public DiagExpression(Expression x) {
        super(shapeOf(x), List.of(x), List.of(map(x)));
    }

    private static Shape shapeOf(Expression x) {
        Shape s = x.shape();
        if (s.isVector()) {
            return Shape.matrix(s.rows(), s.rows());
        }
        if (s.isMatrix() && s.isSquare()) {
            return Shape.vector(s.rows());
        }
        throw new ShapeException("diag needs a vector or a square matrix, got " + x + " with shape " + s);
    }

    private static CscMatrix map(Expression x) {
        int n = x.shape().rows();
        int[] out = new int[n];
        int[] in = new int[n];
        double[] v = new double[n];
        boolean toMatrix = x.shape().isVector();
        for (int i = 0; i < n; i++) {
            out[i] = toMatrix ? i + n * i : i;
            in[i] = toMatrix ? i : i + n * i;
            v[i] = 1.0;
        }
        return Maps.of(shapeOf(x).size(), x.size(), out, in, v, n);
    }

    @Override
    public String name() {
        return "diag";
    }
}
