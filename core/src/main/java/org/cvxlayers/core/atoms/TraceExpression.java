package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;
import org.cvxlayers.solvers.sparse.CscMatrix;

/** Trace of a square matrix. */
public final class TraceExpression extends LinearAtom {

    public TraceExpression(Expression x) {
        super(Shape.scalar(), List.of(x), List.of(map(x)));
    }

    private static CscMatrix map(Expression x) {
        if (!x.shape().isSquare()) {
            throw new ShapeException("trace of a non-square expression " + x + " with shape " + x.shape());
        }
        int n = x.shape().rows();
        int[] out = new int[n];
        int[] in = new int[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = i + n * i;
            v[i] = 1.0;
        }
        return Maps.of(1, x.size(), out, in, v, n);
    }

    @Override
    public String name() {
        return "trace";
    }
}
