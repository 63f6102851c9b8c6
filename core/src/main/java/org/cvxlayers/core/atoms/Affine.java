package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;

/** Factories of the affine atoms with shape checks (used by the fluent methods and the facade). */
public final class Affine {
    private Affine() {
    }

    public static Expression index(Expression x, int i) {
        Shape s = x.shape();
        if (s.isMatrix()) {
            throw new ShapeException("single index [" + i + "] of a matrix " + x + " with shape " + s + "; use index(i, j) or row(i)");
        }
        checkRange(x, i, s.size(), "index");
        return new IndexExpression(x, Shape.scalar(), new int[] {i}, Integer.toString(i));
    }

    public static Expression index(Expression x, int i, int j) {
        Shape s = x.shape();
        if (!s.isMatrix()) {
            throw new ShapeException("index [" + i + ", " + j + "] of " + x + " with shape " + s);
        }
        checkRange(x, i, s.rows(), "row index");
        checkRange(x, j, s.cols(), "column index");
        return new IndexExpression(x, Shape.scalar(), new int[] {i + s.rows() * j}, i + ", " + j);
    }

    public static Expression slice(Expression x, int start, int stop) {
        Shape s = x.shape();
        if (!s.isVector()) {
            throw new ShapeException("slice [" + start + ":" + stop + "] of " + x + " with shape " + s);
        }
        checkSlice(x, start, stop, s.rows());
        int[] sel = new int[stop - start];
        for (int k = 0; k < sel.length; k++) {
            sel[k] = start + k;
        }
        return new IndexExpression(x, Shape.vector(sel.length), sel, start + ":" + stop);
    }

    public static Expression slice(Expression x, int r0, int r1, int c0, int c1) {
        Shape s = x.shape();
        if (!s.isMatrix()) {
            throw new ShapeException("slice [" + r0 + ":" + r1 + ", " + c0 + ":" + c1 + "] of " + x + " with shape " + s);
        }
        checkSlice(x, r0, r1, s.rows());
        checkSlice(x, c0, c1, s.cols());
        int m = r1 - r0;
        int n = c1 - c0;
        int[] sel = new int[m * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                sel[i + m * j] = (r0 + i) + s.rows() * (c0 + j);
            }
        }
        return new IndexExpression(x, Shape.matrix(m, n), sel, r0 + ":" + r1 + ", " + c0 + ":" + c1);
    }

    public static Expression row(Expression x, int i) {
        Shape s = x.shape();
        if (!s.isMatrix()) {
            throw new ShapeException("row(" + i + ") of " + x + " with shape " + s);
        }
        checkRange(x, i, s.rows(), "row index");
        int[] sel = new int[s.cols()];
        for (int j = 0; j < sel.length; j++) {
            sel[j] = i + s.rows() * j;
        }
        return new IndexExpression(x, Shape.vector(sel.length), sel, i + ", :");
    }

    public static Expression col(Expression x, int j) {
        Shape s = x.shape();
        if (!s.isMatrix()) {
            throw new ShapeException("col(" + j + ") of " + x + " with shape " + s);
        }
        checkRange(x, j, s.cols(), "column index");
        int[] sel = new int[s.rows()];
        for (int i = 0; i < sel.length; i++) {
            sel[i] = i + s.rows() * j;
        }
        return new IndexExpression(x, Shape.vector(sel.length), sel, ":, " + j);
    }

    public static Expression transpose(Expression x) {
        return x.shape().isMatrix() ? new TransposeExpression(x) : x;
    }

    public static Expression reshape(Expression x, Shape shape) {
        return new ReshapeExpression(x, shape, true);
    }

    public static Expression vec(Expression x) {
        return new ReshapeExpression(x, Shape.vector(x.size()), false);
    }

    public static Expression sum(Expression x) {
        return new SumExpression(x, -1);
    }

    public static Expression sum(Expression x, int axis) {
        return new SumExpression(x, axis);
    }

    /** {@code x} broadcast to {@code shape} (NumPy rules), or x itself when the shapes agree. */
    public static Expression promote(Expression x, Shape shape) {
        if (x.shape().equals(shape)) {
            return x;
        }
        if (!Broadcast.broadcastsTo(x.shape(), shape)) {
            throw new ShapeException("cannot broadcast " + x + " of shape " + x.shape() + " to " + shape);
        }
        return new PromoteExpression(x, shape);
    }

    /** {@code diff(x)}: {@code x[1:] - x[:-1]} (k times) along axis 0 of a vector or matrix, or axis 1. */
    public static Expression diff(Expression x, int k, int axis) {
        Expression e = x;
        for (int t = 0; t < k; t++) {
            Shape s = e.shape();
            if (s.isVector()) {
                e = slice(e, 1, s.rows()).minus(slice(e, 0, s.rows() - 1));
            } else if (s.isMatrix() && axis == 0) {
                e = slice(e, 1, s.rows(), 0, s.cols()).minus(slice(e, 0, s.rows() - 1, 0, s.cols()));
            } else if (s.isMatrix() && axis == 1) {
                e = slice(e, 0, s.rows(), 1, s.cols()).minus(slice(e, 0, s.rows(), 0, s.cols() - 1));
            } else {
                throw new ShapeException("diff of " + x + " with shape " + x.shape() + " along axis " + axis);
            }
        }
        return e;
    }

    public static Expression hstack(List<Expression> xs) {
        return new StackExpression(xs, true);
    }

    public static Expression vstack(List<Expression> xs) {
        return new StackExpression(xs, false);
    }

    private static void checkRange(Expression x, int i, int n, String what) {
        if (i < 0 || i >= n) {
            throw new ShapeException(what + " " + i + " out of range [0, " + n + ") for " + x + " with shape " + x.shape());
        }
    }

    private static void checkSlice(Expression x, int start, int stop, int n) {
        if (start < 0 || stop > n || start > stop) {
            throw new ShapeException("slice " + start + ":" + stop + " out of range for length " + n + " of " + x);
        }
    }
}
