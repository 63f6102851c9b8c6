package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * NumPy broadcasting for shapes of at most two dimensions: shapes are aligned on the right (a vector
 * {@code (n,)} acts as a row {@code (1, n)} next to a matrix, a scalar as {@code (1, 1)}) and each dimension
 * must agree or be 1.
 */
public final class Broadcast {
    private Broadcast() {
    }

    /** The broadcast shape of the operands, or a {@link ShapeException} naming them. */
    public static Shape shape(List<Expression> args) {
        int ndim = 0;
        for (Expression a : args) {
            ndim = Math.max(ndim, a.shape().ndim());
        }
        if (ndim == 0) {
            return Shape.scalar();
        }
        int rows = 1;
        int cols = 1;
        for (Expression a : args) {
            Shape s = a.shape();
            int r = ndim == 2 && s.isMatrix() ? s.rows() : 1;
            int c = s.isMatrix() ? s.cols() : s.isVector() ? s.rows() : 1;
            if (ndim == 1) {
                r = 1;
            }
            rows = merge(rows, r, args);
            cols = merge(cols, c, args);
        }
        return ndim == 1 ? Shape.vector(cols) : Shape.matrix(rows, cols);
    }

    private static int merge(int have, int d, List<Expression> args) {
        if (have == d || d == 1) {
            return have;
        }
        if (have == 1) {
            return d;
        }
        StringBuilder sb = new StringBuilder("operands could not be broadcast together with shapes");
        for (Expression a : args) {
            sb.append(' ').append(a.shape());
        }
        sb.append(':');
        for (Expression a : args) {
            sb.append(' ').append(a);
        }
        throw new ShapeException(sb.toString());
    }

    /** Whether {@code from} broadcasts to {@code to}. */
    public static boolean broadcastsTo(Shape from, Shape to) {
        if (from.ndim() > to.ndim()) {
            return false;
        }
        int fr = from.isMatrix() ? from.rows() : 1;
        int fc = from.isMatrix() ? from.cols() : from.isVector() ? from.rows() : 1;
        int tr = to.isMatrix() ? to.rows() : 1;
        int tc = to.isMatrix() ? to.cols() : to.isVector() ? to.rows() : 1;
        return (fr == tr || fr == 1) && (fc == tc || fc == 1);
    }

    /** The map (to.size × from.size) copying each entry of {@code from} to the entries it broadcasts to. */
    public static CscMatrix map(Shape from, Shape to) {
        int n = to.size();
        int[] out = new int[n];
        int[] in = new int[n];
        double[] v = new double[n];
        int fr = from.isMatrix() ? from.rows() : 1;
        int fc = from.isMatrix() ? from.cols() : from.isVector() ? from.rows() : 1;
        for (int k = 0; k < n; k++) {
            int i;
            int j;
            if (to.isMatrix()) {
                i = k % to.rows();
                j = k / to.rows();
            } else {
                i = 0;
                j = k;
            }
            int fi = fr == 1 ? 0 : i;
            int fj = fc == 1 ? 0 : j;
            out[k] = k;
            in[k] = from.isMatrix() ? fi + fr * fj : fj;
            v[k] = 1.0;
        }
        return Maps.of(n, from.size(), out, in, v, n);
    }
}
