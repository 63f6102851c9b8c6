package org.cvxlayers.core.expr;

import java.util.ArrayList;
import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DcpAnalyzer;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.atoms.AddExpression;
import org.cvxlayers.core.atoms.Affine;
import org.cvxlayers.core.atoms.DivExpression;
import org.cvxlayers.core.atoms.MatMulExpression;
import org.cvxlayers.core.atoms.MultiplyExpression;
import org.cvxlayers.core.atoms.NegExpression;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.constraints.Equality;
import org.cvxlayers.core.constraints.Inequality;
import org.cvxlayers.core.constraints.PsdConstraint;

/**
 * A node of the expression tree: a leaf ({@link Variable}, {@link Parameter}, {@link Constant}) or an atom
 * applied to argument expressions. Expressions are immutable; the fluent methods build new nodes.
 *
 * <p>Values are column-major internally ({@link #evaluate()}) and row-major in the public accessors
 * ({@link #value()}, {@link #vectorValue()}, {@link #scalarValue()}).
 */
public abstract class Expression {
    /** Printing precedence of sums. */
    protected static final int PREC_ADD = 1;
    /** Printing precedence of products and quotients. */
    protected static final int PREC_MUL = 2;
    /** Printing precedence of a unary minus. */
    protected static final int PREC_NEG = 3;
    /** Printing precedence of atoms, leaves, indexing. */
    protected static final int PREC_ATOM = 4;

    private final Shape shape;
    private final List<Expression> args;
    private Boolean hasVariables;
    private Boolean hasParameters;

    protected Expression(Shape shape, List<Expression> args) {
        this.shape = shape;
        this.args = List.copyOf(args);
    }

    public final Shape shape() {
        return shape;
    }

    /** Number of entries. */
    public final int size() {
        return shape.size();
    }

    public final List<Expression> args() {
        return args;
    }

    // ---------------------------------------------------------------- analysis hooks

    /** Sign from the arguments' signs (or the attributes/values of a leaf). */
    public abstract Sign sign();

    /** Curvature under the DCP rules (parameters count as constants). */
    public Curvature curvature() {
        return DcpAnalyzer.curvature(this, false);
    }

    /** Whether this expression follows the DCP rules (any curvature except unknown). */
    public boolean isDcp() {
        return curvature() != Curvature.UNKNOWN;
    }

    /** Whether this expression is DPP: DCP when parameters are treated as affine, with DPP's product rule. */
    public boolean isDpp() {
        return DcpAnalyzer.curvature(this, true) != Curvature.UNKNOWN;
    }

    public boolean isConvex() {
        return curvature().isConvex();
    }

    public boolean isConcave() {
        return curvature().isConcave();
    }

    public boolean isAffine() {
        return curvature().isAffine();
    }

    /** Whether the tree contains neither variables nor parameters. */
    public boolean isConstant() {
        return !hasVariables() && !hasParameters();
    }

    public boolean hasVariables() {
        if (hasVariables == null) {
            boolean h = this instanceof Variable;
            for (Expression a : args) {
                h |= a.hasVariables();
            }
            hasVariables = h;
        }
        return hasVariables;
    }

    public boolean hasParameters() {
        if (hasParameters == null) {
            boolean h = this instanceof Parameter;
            for (Expression a : args) {
                h |= a.hasParameters();
            }
            hasParameters = h;
        }
        return hasParameters;
    }

    /** Variables of the tree, in order of first appearance (depth first, left to right). */
    public List<Variable> variables() {
        List<Variable> out = new ArrayList<>();
        collect(this, Variable.class, out);
        return out;
    }

    /** Parameters of the tree, in order of first appearance. */
    public List<Parameter> parameters() {
        List<Parameter> out = new ArrayList<>();
        collect(this, Parameter.class, out);
        return out;
    }

    private static <T> void collect(Expression e, Class<T> type, List<T> out) {
        if (type.isInstance(e)) {
            T t = type.cast(e);
            for (T o : out) {
                if (o == t) {
                    return;
                }
            }
            out.add(t);
        }
        for (Expression a : e.args) {
            collect(a, type, out);
        }
    }

    // ---------------------------------------------------------------- printing, numerics, canonicalization

    /** Precedence used to parenthesize when printing in CVXPY-like syntax. */
    public int precedence() {
        return PREC_ATOM;
    }

    /** Prints {@code e}, parenthesized if it binds less tightly than {@code prec}. */
    protected static String wrap(Expression e, int prec) {
        String s = e.toString();
        return e.precedence() < prec ? "(" + s + ")" : s;
    }

    /** CVXPY-like rendering, e.g. {@code square(A @ x - b)}. */
    @Override
    public abstract String toString();

    /**
     * The numeric value, column-major, from the current values of variables and parameters.
     *
     * @throws IllegalStateException if a variable or parameter has no value
     */
    public abstract double[] evaluate();

    /**
     * Canonicalization: given the affine tensors of the arguments, returns this expression's affine tensor,
     * adding auxiliary variables and cone constraints to {@code ctx} as needed. Called by the canonicalizer
     * (bottom-up, once per node); not part of the user API.
     */
    public abstract AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args);

    // ---------------------------------------------------------------- public values (row-major)

    /** The value as a row-major matrix ({@code 1×1} for a scalar, {@code n×1} for a vector). */
    public double[][] value() {
        double[] v = evaluate();
        double[][] out = new double[shape.rows()][shape.cols()];
        for (int i = 0; i < shape.rows(); i++) {
            for (int j = 0; j < shape.cols(); j++) {
                out[i][j] = v[i + shape.rows() * j];
            }
        }
        return out;
    }

    /** The value flattened row-major. */
    public double[] vectorValue() {
        return shape.toRowMajor(evaluate());
    }

    /** The value of a scalar expression. */
    public double scalarValue() {
        if (size() != 1) {
            throw new ShapeException("scalarValue() of " + this + " with shape " + shape);
        }
        return evaluate()[0];
    }

    // ---------------------------------------------------------------- fluent operators

    public Expression plus(Expression o) {
        return new AddExpression(List.of(this, o));
    }

    public Expression plus(double c) {
        return plus(Constant.of(c));
    }

    public Expression minus(Expression o) {
        return new AddExpression(List.of(this, o.neg()));
    }

    public Expression minus(double c) {
        return minus(Constant.of(c));
    }

    public Expression neg() {
        return new NegExpression(this);
    }

    /** Elementwise product (operands broadcast as in NumPy), CVXPY's {@code multiply} / scalar {@code *}. */
    public Expression mul(Expression o) {
        return new MultiplyExpression(this, o);
    }

    public Expression mul(double c) {
        return mul(Constant.of(c));
    }

    /** Matrix product {@code this @ o}. */
    public Expression matmul(Expression o) {
        return new MatMulExpression(this, o);
    }

    public Expression matmul(double[][] c) {
        return matmul(Constant.of(c));
    }

    /** Division by a constant or parameter expression (elementwise, operands broadcast as in NumPy). */
    public Expression div(Expression o) {
        return new DivExpression(this, o);
    }

    public Expression div(double c) {
        return div(Constant.of(c));
    }

    /** Entry {@code i} of a vector (or of the column-major vectorization of a scalar). */
    public Expression index(int i) {
        return Affine.index(this, i);
    }

    /** Entry {@code (i, j)} of a matrix. */
    public Expression index(int i, int j) {
        return Affine.index(this, i, j);
    }

    /** Slice {@code [start:stop]} of a vector. */
    public Expression slice(int start, int stop) {
        return Affine.slice(this, start, stop);
    }

    /** Slice {@code [r0:r1, c0:c1]} of a matrix. */
    public Expression slice(int r0, int r1, int c0, int c1) {
        return Affine.slice(this, r0, r1, c0, c1);
    }

    /** Row {@code i} of a matrix, as a vector. */
    public Expression row(int i) {
        return Affine.row(this, i);
    }

    /** Column {@code j} of a matrix, as a vector. */
    public Expression col(int j) {
        return Affine.col(this, j);
    }

    /** Transpose. */
    public Expression T() {
        return Affine.transpose(this);
    }

    /** Reshape in row-major (C) order, like NumPy's default. */
    public Expression reshape(Shape newShape) {
        return Affine.reshape(this, newShape);
    }

    /** Vectorization stacking the columns (column-major, as CVXPY's {@code vec}). */
    public Expression vec() {
        return Affine.vec(this);
    }

    /** Sum of all entries. */
    public Expression sum() {
        return Affine.sum(this);
    }

    /** Sum along an axis (0: over rows, giving one entry per column; 1: over columns). */
    public Expression sum(int axis) {
        return Affine.sum(this, axis);
    }

    // ---------------------------------------------------------------- constraints

    /** The constraint {@code this == o}. */
    public Equality eq(Expression o) {
        return new Equality(this, o);
    }

    public Equality eq(double c) {
        return eq(Constant.of(c));
    }

    /** The constraint {@code this <= o}. */
    public Inequality le(Expression o) {
        return new Inequality(this, o);
    }

    public Inequality le(double c) {
        return le(Constant.of(c));
    }

    /** The constraint {@code this >= o}. */
    public Inequality ge(Expression o) {
        return new Inequality(o, this);
    }

    public Inequality ge(double c) {
        return ge(Constant.of(c));
    }

    /** The constraint that (the symmetric part of) this square matrix is positive semidefinite ({@code >> 0}). */
    public PsdConstraint psd() {
        return new PsdConstraint(this);
    }

    /** {@code this >> o}: {@code this - o} positive semidefinite. */
    public PsdConstraint psdGe(Expression o) {
        return new PsdConstraint(minus(o));
    }

    /** Helper for subclasses and tests: a short rendering of a numeric array. */
    protected static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v) + ".0";
        }
        return Double.toString(v);
    }
}
