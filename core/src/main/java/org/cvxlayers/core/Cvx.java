package org.cvxlayers.core;

import java.util.Arrays;
import java.util.List;
import org.cvxlayers.core.atoms.Abs;
import org.cvxlayers.core.atoms.Affine;
import org.cvxlayers.core.atoms.CumsumExpression;
import org.cvxlayers.core.atoms.DiagExpression;
import org.cvxlayers.core.atoms.GeoMean;
import org.cvxlayers.core.atoms.Huber;
import org.cvxlayers.core.atoms.KronExpression;
import org.cvxlayers.core.atoms.MaxEntry;
import org.cvxlayers.core.atoms.Maximum;
import org.cvxlayers.core.atoms.NegPart;
import org.cvxlayers.core.atoms.Norm1;
import org.cvxlayers.core.atoms.NormInf;
import org.cvxlayers.core.atoms.Pnorm;
import org.cvxlayers.core.atoms.Pos;
import org.cvxlayers.core.atoms.Power;
import org.cvxlayers.core.atoms.QuadForm;
import org.cvxlayers.core.atoms.QuadOverLin;
import org.cvxlayers.core.atoms.SumLargest;
import org.cvxlayers.core.atoms.SumSquares;
import org.cvxlayers.core.atoms.TotalVariation;
import org.cvxlayers.core.atoms.TraceExpression;
import org.cvxlayers.core.constraints.PsdConstraint;
import org.cvxlayers.core.constraints.SocConstraint;
import org.cvxlayers.core.expr.Attributes;
import org.cvxlayers.core.expr.Constant;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;

/**
 * The static facade of the modelling language, so that user code reads like CVXPY:
 * <pre>{@code
 * import static org.cvxlayers.core.Cvx.*;
 * Variable x = variable(n, "x");
 * Parameter A = parameter(m, n, "A");
 * Problem p = Problem.minimize(sumSquares(A.matmul(x).minus(b)), x.ge(0));
 * }</pre>
 */
public final class Cvx {
    private Cvx() {
    }

    // ------------------------------------------------------------ leaves

    public static Variable variable() {
        return new Variable(Shape.scalar());
    }

    public static Variable variable(String name) {
        return new Variable(Shape.scalar(), name);
    }

    public static Variable variable(int n) {
        return new Variable(Shape.vector(n));
    }

    public static Variable variable(int n, String name) {
        return new Variable(Shape.vector(n), name);
    }

    public static Variable variable(int m, int n, String name) {
        return new Variable(Shape.matrix(m, n), name);
    }

    public static Variable variable(Shape shape, String name, Attributes attributes) {
        return new Variable(shape, name, attributes);
    }

    /** A nonnegative vector variable. */
    public static Variable nonnegVariable(int n, String name) {
        return new Variable(Shape.vector(n), name, Attributes.nonnegative());
    }

    public static Parameter parameter(String name) {
        return new Parameter(Shape.scalar(), name);
    }

    public static Parameter parameter(int n, String name) {
        return new Parameter(Shape.vector(n), name);
    }

    public static Parameter parameter(int m, int n, String name) {
        return new Parameter(Shape.matrix(m, n), name);
    }

    public static Parameter parameter(Shape shape, String name, Attributes attributes) {
        return new Parameter(shape, name, attributes);
    }

    public static Constant constant(double v) {
        return Constant.of(v);
    }

    public static Constant constant(double[] v) {
        return Constant.of(v);
    }

    public static Constant constant(double[][] v) {
        return Constant.of(v);
    }

    // ------------------------------------------------------------ affine

    public static Expression sum(Expression x) {
        return x.sum();
    }

    public static Expression sum(Expression x, int axis) {
        return x.sum(axis);
    }

    public static Expression trace(Expression x) {
        return new TraceExpression(x);
    }

    public static Expression diag(Expression x) {
        return new DiagExpression(x);
    }

    public static Expression cumsum(Expression x) {
        return new CumsumExpression(x, 0);
    }

    public static Expression cumsum(Expression x, int axis) {
        return new CumsumExpression(x, axis);
    }

    /** First differences {@code x[1:] - x[:-1]}. */
    public static Expression diff(Expression x) {
        return Affine.diff(x, 1, 0);
    }

    /** k-th differences along an axis. */
    public static Expression diff(Expression x, int k, int axis) {
        return Affine.diff(x, k, axis);
    }

    public static Expression kron(double[][] c, Expression x) {
        return new KronExpression(Constant.of(c), x, true);
    }

    public static Expression kron(Expression x, double[][] c) {
        return new KronExpression(Constant.of(c), x, false);
    }

    public static Expression hstack(Expression... xs) {
        return Affine.hstack(Arrays.asList(xs));
    }

    public static Expression vstack(Expression... xs) {
        return Affine.vstack(Arrays.asList(xs));
    }

    public static Expression reshape(Expression x, Shape shape) {
        return x.reshape(shape);
    }

    public static Expression vec(Expression x) {
        return x.vec();
    }

    public static Expression transpose(Expression x) {
        return x.T();
    }

    public static Expression multiply(Expression x, Expression y) {
        return x.mul(y);
    }

    public static Expression matmul(Expression x, Expression y) {
        return x.matmul(y);
    }

    // ------------------------------------------------------------ elementwise

    public static Expression abs(Expression x) {
        return new Abs(x);
    }

    public static Expression pos(Expression x) {
        return new Pos(x);
    }

    /** CVXPY's {@code neg(x) = max(−x, 0)} (not the negation, which is {@code x.neg()}). */
    public static Expression negPart(Expression x) {
        return new NegPart(x);
    }

    public static Expression maximum(Expression... xs) {
        return new Maximum(List.of(xs), true);
    }

    public static Expression minimum(Expression... xs) {
        return new Maximum(List.of(xs), false);
    }

    public static Expression square(Expression x) {
        return new Power(x, 2);
    }

    public static Expression sqrt(Expression x) {
        return new Power(x, 0.5);
    }

    public static Expression invPos(Expression x) {
        return new Power(x, -1);
    }

    /** {@code power(x, p)}; p = 1 returns x and p = 0 a constant 1 of x's shape. */
    public static Expression power(Expression x, double p) {
        if (p == 1) {
            return x;
        }
        if (p == 0) {
            double[] ones = new double[x.size()];
            Arrays.fill(ones, 1.0);
            return Constant.ofColMajor(x.shape(), ones, null);
        }
        return new Power(x, p);
    }

    public static Expression huber(Expression x) {
        return new Huber(x, 1.0);
    }

    public static Expression huber(Expression x, double m) {
        return new Huber(x, m);
    }

    // ------------------------------------------------------------ reductions

    public static Expression max(Expression x) {
        return new MaxEntry(x, true);
    }

    public static Expression min(Expression x) {
        return new MaxEntry(x, false);
    }

    public static Expression sumLargest(Expression x, double k) {
        return new SumLargest(x, k);
    }

    public static Expression sumSmallest(Expression x, double k) {
        return new SumLargest(x.neg(), k).neg();
    }

    public static Expression norm1(Expression x) {
        return new Norm1(x);
    }

    /** Euclidean norm of all entries (Frobenius for a matrix). */
    public static Expression norm2(Expression x) {
        return new Pnorm(x, 2);
    }

    public static Expression normInf(Expression x) {
        return new NormInf(x);
    }

    /** {@code pnorm(x, p)}, p ≥ 1 (∞ allowed). */
    public static Expression pnorm(Expression x, double p) {
        if (p == 1) {
            return new Norm1(x);
        }
        if (Double.isInfinite(p)) {
            return new NormInf(x);
        }
        return new Pnorm(x, p);
    }

    /** Same as {@link #pnorm}. */
    public static Expression norm(Expression x, double p) {
        return pnorm(x, p);
    }

    public static Expression sumSquares(Expression x) {
        return new SumSquares(x);
    }

    public static Expression quadForm(Expression x, Expression p) {
        return new QuadForm(x, p);
    }

    public static Expression quadForm(Expression x, double[][] p) {
        return new QuadForm(x, Constant.of(p));
    }

    public static Expression quadOverLin(Expression x, Expression y) {
        return new QuadOverLin(x, y);
    }

    public static Expression geoMean(Expression x) {
        return new GeoMean(x, null);
    }

    public static Expression geoMean(Expression x, double[] weights) {
        return new GeoMean(x, weights);
    }

    public static Expression tv(Expression x) {
        return new TotalVariation(x);
    }

    // ------------------------------------------------------------ reductions along an axis

    /**
     * Applies a scalar reduction to each column (axis 0) or each row (axis 1) of a matrix, giving a vector;
     * for a vector (axis 0) the reduction itself. The result is a stack of the per-slice atoms, so the DCP
     * analysis and canonicalization are those of the atom.
     */
    private static Expression alongAxis(Expression x, int axis, java.util.function.UnaryOperator<Expression> f) {
        Shape s = x.shape();
        if (!s.isMatrix()) {
            if (axis != 0) {
                throw new org.cvxlayers.core.expr.ShapeException("axis " + axis + " of " + x + " with shape " + s);
            }
            return f.apply(x);
        }
        if (axis != 0 && axis != 1) {
            throw new org.cvxlayers.core.expr.ShapeException("axis " + axis + " of " + x + " with shape " + s);
        }
        int k = axis == 0 ? s.cols() : s.rows();
        Expression[] parts = new Expression[k];
        for (int i = 0; i < k; i++) {
            parts[i] = f.apply(axis == 0 ? x.col(i) : x.row(i));
        }
        return hstack(parts);
    }

    /** Largest entry of each column (axis 0) or row (axis 1). */
    public static Expression max(Expression x, int axis) {
        return alongAxis(x, axis, Cvx::max);
    }

    /** Smallest entry of each column (axis 0) or row (axis 1). */
    public static Expression min(Expression x, int axis) {
        return alongAxis(x, axis, Cvx::min);
    }

    public static Expression norm1(Expression x, int axis) {
        return alongAxis(x, axis, Cvx::norm1);
    }

    /** Euclidean norms of the columns (axis 0) or rows (axis 1), e.g. for group lasso. */
    public static Expression norm2(Expression x, int axis) {
        return alongAxis(x, axis, Cvx::norm2);
    }

    public static Expression normInf(Expression x, int axis) {
        return alongAxis(x, axis, Cvx::normInf);
    }

    public static Expression pnorm(Expression x, double p, int axis) {
        return alongAxis(x, axis, e -> pnorm(e, p));
    }

    /** Mean of all entries. */
    public static Expression mean(Expression x) {
        return x.sum().div(x.size());
    }

    /** Means of the columns (axis 0) or rows (axis 1). */
    public static Expression mean(Expression x, int axis) {
        Shape s = x.shape();
        int len = !s.isMatrix() ? s.size() : axis == 0 ? s.rows() : s.cols();
        return x.sum(axis).div(len);
    }

    // ------------------------------------------------------------ constraints

    /** {@code X >> 0}. */
    public static PsdConstraint psd(Expression x) {
        return new PsdConstraint(x);
    }

    /** {@code ‖x‖₂ ≤ t}. */
    public static SocConstraint soc(Expression t, Expression x) {
        return new SocConstraint(t, x);
    }
}
