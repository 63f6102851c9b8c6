package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;

/**
 * Matrix product {@code A @ B} with NumPy's rules for vectors (a vector on the left is a row, on the right
 * a column; the result drops that dimension). Scalars are rejected as in CVXPY (use {@code mul}).
 */
public final class MatMulExpression extends ProductAtom {
    private final int m;
    private final int k;
    private final int n;

    public MatMulExpression(Expression a, Expression b) {
        super("matmul", "@", shapeOf(a, b), a, b);
        m = a.shape().isMatrix() ? a.shape().rows() : 1;
        k = a.shape().isMatrix() ? a.shape().cols() : a.size();
        n = b.shape().isMatrix() ? b.shape().cols() : 1;
    }

    private static Shape shapeOf(Expression a, Expression b) {
        Shape sa = a.shape();
        Shape sb = b.shape();
        if (sa.isScalar() || sb.isScalar()) {
            throw new ShapeException("scalar operands are not allowed in " + a + " @ " + b + ", use mul instead");
        }
        int inner = sa.isMatrix() ? sa.cols() : sa.size();
        int innerB = sb.rows();
        if (inner != innerB) {
            throw new ShapeException("matmul of shapes " + sa + " and " + sb + " in " + a + " @ " + b);
        }
        if (sa.isMatrix() && sb.isMatrix()) {
            return Shape.matrix(sa.rows(), sb.cols());
        }
        if (sa.isMatrix()) {
            return Shape.vector(sa.rows());
        }
        if (sb.isMatrix()) {
            return Shape.vector(sb.cols());
        }
        return Shape.scalar();
    }

    @Override
    public double[] evaluate() {
        double[] a = lhs().evaluate();
        double[] b = rhs().evaluate();
        double[] out = new double[m * n];
        for (int j = 0; j < n; j++) {
            for (int t = 0; t < k; t++) {
                double btj = b[t + k * j];
                if (btj == 0.0) {
                    continue;
                }
                for (int i = 0; i < m; i++) {
                    out[i + m * j] += a[i + m * t] * btj;
                }
            }
        }
        return out;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return AffineTensor.matmul(args.get(0), m, k, args.get(1), n);
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Curvature atomLogLogCurvature() {
        return k == 1 ? Curvature.AFFINE : Curvature.CONVEX;
    }

    @Override
    public Monotonicity logLogMonotonicity(int i) {
        return Monotonicity.INCREASING;
    }

    @Override
    public boolean acceptsNonnegativeConstant(int i) {
        return true;
    }

    @Override
    public Expression logSpace(LogSpace ls) {
        // (A B)_ij = Σ_t A_it B_tj: one term per t; numeric constant factors fold into the coefficients
        Expression a = lhs();
        Expression b = rhs();
        boolean ca = LogLogAtom.isNonnegativeNumber(a);
        boolean cb = LogLogAtom.isNonnegativeNumber(b);
        double[] av = ca ? a.evaluate() : null;
        double[] bv = cb ? b.evaluate() : null;
        List<Expression> logArgs = new java.util.ArrayList<>();
        int ia = -1;
        int ib = -1;
        if (!ca) {
            ia = logArgs.size();
            logArgs.add(ls.of(a));
        }
        if (!cb) {
            ib = logArgs.size();
            logArgs.add(ls.of(b));
        }
        LogPosynomial.Builder builder = new LogPosynomial.Builder(shape(), logArgs);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                for (int t = 0; t < k; t++) {
                    double c = (ca ? av[i + m * t] : 1.0) * (cb ? bv[t + k * j] : 1.0);
                    if (c == 0) {
                        continue;
                    }
                    builder.term(i + m * j, Math.log(c));
                    if (!ca) {
                        builder.factor(ia, i + m * t, 1.0);
                    }
                    if (!cb) {
                        builder.factor(ib, t + k * j, 1.0);
                    }
                }
            }
        }
        return builder.build();
    }
}
