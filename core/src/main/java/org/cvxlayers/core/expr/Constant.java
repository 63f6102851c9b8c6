package org.cvxlayers.core.expr;

import java.util.List;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;

/** A numeric constant (scalar, vector or matrix). Values are given row-major. */
public final class Constant extends Leaf {
    private final double[] value; // column-major
    private final Sign sign;
    private final boolean named;

    private Constant(Shape shape, double[] colMajor, String name) {
        super(shape, name, Attributes.NONE, "const");
        this.value = colMajor;
        this.sign = Sign.of(colMajor);
        this.named = name != null;
    }

    public static Constant of(double v) {
        return new Constant(Shape.scalar(), new double[] {v}, null);
    }

    /** A vector constant. */
    public static Constant of(double[] v) {
        return new Constant(Shape.vector(v.length), v.clone(), null);
    }

    /** A matrix constant from row-major rows. */
    public static Constant of(double[][] rows) {
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        double[] cm = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new ShapeException("constant matrix row " + i + " has length " + rows[i].length + ", expected " + n);
            }
            for (int j = 0; j < n; j++) {
                cm[i + m * j] = rows[i][j];
            }
        }
        return new Constant(Shape.matrix(m, n), cm, null);
    }

    /** A constant of a given shape from column-major data (internal layout). */
    public static Constant ofColMajor(Shape shape, double[] colMajor, String name) {
        if (colMajor.length != shape.size()) {
            throw new ShapeException("constant of shape " + shape + " needs " + shape.size() + " values, got "
                    + colMajor.length);
        }
        return new Constant(shape, colMajor.clone(), name);
    }

    /** A named constant (printed by name in messages). */
    public static Constant named(String name, double[][] rows) {
        Constant c = of(rows);
        return new Constant(c.shape(), c.value, name);
    }

    @Override
    public Sign sign() {
        return sign;
    }

    @Override
    public double[] evaluate() {
        return value.clone();
    }

    /** The values column-major, not copied; do not modify. */
    public double[] colMajorValues() {
        return value;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return AffineTensor.constant(value);
    }

    @Override
    public String toString() {
        if (named) {
            return name();
        }
        if (shape().isScalar()) {
            return formatNumber(value[0]);
        }
        if (size() <= 6) {
            StringBuilder sb = new StringBuilder("[");
            double[] rm = shape().toRowMajor(value);
            for (int r = 0; r < shape().rows(); r++) {
                if (shape().isMatrix()) {
                    sb.append(r == 0 ? "[" : " [");
                }
                for (int c = 0; c < shape().cols(); c++) {
                    if (c > 0 || (!shape().isMatrix() && r > 0)) {
                        sb.append(' ');
                    }
                    sb.append(formatNumber(rm[r * shape().cols() + c]));
                }
                if (shape().isMatrix()) {
                    sb.append(']');
                }
            }
            return sb.append(']').toString();
        }
        return "Constant" + shape();
    }

    @Override
    public int precedence() {
        return value.length == 1 && value[0] < 0 ? PREC_NEG : PREC_ATOM;
    }
}
