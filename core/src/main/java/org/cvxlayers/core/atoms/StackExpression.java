package org.cvxlayers.core.atoms;

import java.util.ArrayList;
import java.util.List;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * {@code hstack} / {@code vstack} with NumPy's rules: hstack concatenates vectors, or matrices side by side;
 * vstack stacks vectors as rows of a matrix, or matrices on top of each other. Scalars count as length-1 vectors.
 */
public final class StackExpression extends LinearAtom {
    private final boolean horizontal;

    public StackExpression(List<Expression> args, boolean horizontal) {
        this(args, horizontal, shapeOf(args, horizontal));
    }

    private StackExpression(List<Expression> args, boolean horizontal, Shape shape) {
        super(shape, args, maps(args, horizontal, shape));
        this.horizontal = horizontal;
    }

    private static Shape shapeOf(List<Expression> args, boolean horizontal) {
        if (args.isEmpty()) {
            throw new ShapeException((horizontal ? "hstack" : "vstack") + " of no expressions");
        }
        boolean vectors = !args.get(0).shape().isMatrix();
        int total = 0;
        int other = -1;
        for (Expression a : args) {
            Shape s = a.shape();
            if (s.isMatrix() == vectors) {
                throw new ShapeException("cannot stack " + a + " of shape " + s + " with " + args.get(0).shape());
            }
            if (vectors) {
                if (horizontal) {
                    total += s.size();
                    continue;
                }
                int len = s.size();
                if (other >= 0 && other != len) {
                    throw new ShapeException("vstack of vectors of lengths " + other + " and " + len);
                }
                other = len;
                total += 1;
            } else {
                int along = horizontal ? s.cols() : s.rows();
                int across = horizontal ? s.rows() : s.cols();
                if (other >= 0 && other != across) {
                    throw new ShapeException((horizontal ? "hstack" : "vstack") + ": " + a + " has shape " + s
                            + ", incompatible with " + args.get(0).shape());
                }
                other = across;
                total += along;
            }
        }
        if (vectors) {
            return horizontal ? Shape.vector(total) : Shape.matrix(total, other);
        }
        return horizontal ? Shape.matrix(other, total) : Shape.matrix(total, other);
    }

    private static List<CscMatrix> maps(List<Expression> args, boolean horizontal, Shape shape) {
        List<CscMatrix> maps = new ArrayList<>();
        int offset = 0;
        int rows = shape.rows();
        for (Expression a : args) {
            int sz = a.size();
            int[] sel = new int[sz];
            int m = a.shape().isMatrix() ? a.shape().rows() : (horizontal ? sz : 1);
            int n = a.shape().isMatrix() ? a.shape().cols() : (horizontal ? 1 : sz);
            for (int k = 0; k < sz; k++) {
                int i = k % m;
                int j = k / m;
                if (!a.shape().isMatrix() && !horizontal) {
                    i = 0;
                    j = k; // a vector becomes one row
                }
                int r = horizontal ? i : offset + i;
                int c = horizontal ? offset + j : j;
                sel[k] = shape.isMatrix() ? r + rows * c : (horizontal ? offset + k : k);
            }
            int[] out = new int[sz];
            int[] in = new int[sz];
            double[] v = new double[sz];
            for (int k = 0; k < sz; k++) {
                out[k] = sel[k];
                in[k] = k;
                v[k] = 1.0;
            }
            maps.add(Maps.of(shape.size(), sz, out, in, v, sz));
            if (!a.shape().isMatrix()) {
                offset += horizontal ? sz : 1;
            } else {
                offset += horizontal ? n : m;
            }
        }
        return maps;
    }

    @Override
    public String name() {
        return horizontal ? "hstack" : "vstack";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name()).append("([");
        for (int i = 0; i < args().size(); i++) {
            sb.append(i > 0 ? ", " : "").append(args().get(i));
        }
        return sb.append("])").toString();
    }
}
