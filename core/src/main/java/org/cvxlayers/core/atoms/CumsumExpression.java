package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.ShapeException;
import org.cvxlayers.solvers.sparse.CscMatrix;

/** Cumulative sum along an axis (0: down the rows, the default; 1: along the columns). */
public final class CumsumExpression extends LinearAtom {
    private final int axis;

    public CumsumExpression(Expression x, int axis) {
        super(x.shape(), List.of(x), List.of(map(x, axis)));
        this.axis = axis;
    }

    private static CscMatrix map(Expression x, int axis) {
        if (axis != 0 && axis != 1 || (axis == 1 && !x.shape().isMatrix())) {
            throw new ShapeException("cumsum along axis " + axis + " of " + x + " with shape " + x.shape());
        }
        int m = x.shape().rows();
        int n = x.shape().cols();
        int len = axis == 0 ? m : n;
        int count = n * m * (len + 1) / 2;
        int[] out = new int[count];
        int[] in = new int[count];
        double[] v = new double[count];
        int c = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                int o = i + m * j;
                int upto = axis == 0 ? i : j;
                for (int t = 0; t <= upto; t++) {
                    out[c] = o;
                    in[c] = axis == 0 ? t + m * j : i + m * t;
                    v[c++] = 1.0;
                }
            }
        }
        return Maps.of(x.size(), x.size(), out, in, v, c);
    }

    @Override
    public String name() {
        return "cumsum";
    }

    @Override
    protected String extraArgs() {
        return axis == 0 ? "" : ", axis=" + axis;
    }
}
