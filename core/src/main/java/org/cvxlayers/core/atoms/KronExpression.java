package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Constant;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * Kronecker product of a constant matrix with an expression, {@code kron(C, X)} or {@code kron(X, C)}; a
 * linear map of X built entry by entry from C's nonzeros (never a dense Kronecker product of maps).
 */
public final class KronExpression extends LinearAtom {
    private final Constant constant;
    private final boolean constantFirst;

    public KronExpression(Constant c, Expression x, boolean constantFirst) {
        super(shapeOf(c, x), List.of(x), List.of(map(c, x, constantFirst)));
        this.constant = c;
        this.constantFirst = constantFirst;
    }

    private static Shape shapeOf(Constant c, Expression x) {
        return Shape.matrix(c.shape().rows() * x.shape().rows(), c.shape().cols() * x.shape().cols());
    }

    private static CscMatrix map(Constant c, Expression x, boolean constantFirst) {
        int p = c.shape().rows();
        int q = c.shape().cols();
        int m = x.shape().rows();
        int n = x.shape().cols();
        int rows = p * m;
        double[] cv = c.colMajorValues();
        int nnzC = 0;
        for (double v : cv) {
            if (v != 0) {
                nnzC++;
            }
        }
        int count = nnzC * m * n;
        int[] out = new int[count];
        int[] in = new int[count];
        double[] v = new double[count];
        int t = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < q; b++) {
                double cab = cv[a + p * b];
                if (cab == 0) {
                    continue;
                }
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        // kron(C, X)[(a·m + i), (b·n + j)] = C[a,b]·X[i,j]; kron(X, C) swaps the roles
                        int r = constantFirst ? a * m + i : i * p + a;
                        int s = constantFirst ? b * n + j : j * q + b;
                        out[t] = r + rows * s;
                        in[t] = i + m * j;
                        v[t++] = cab;
                    }
                }
            }
        }
        return Maps.of(rows * q * n, x.size(), out, in, v, t);
    }

    @Override
    public String name() {
        return "kron";
    }

    @Override
    public String toString() {
        return constantFirst ? "kron(" + constant + ", " + args().get(0) + ")"
                : "kron(" + args().get(0) + ", " + constant + ")";
    }
}
