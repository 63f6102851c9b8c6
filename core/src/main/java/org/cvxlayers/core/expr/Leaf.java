package org.cvxlayers.core.expr;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cvxlayers.core.analysis.Sign;

/** A leaf of the expression tree: a variable, a parameter or a constant. */
public abstract class Leaf extends Expression {
    private static final AtomicLong IDS = new AtomicLong();

    private final long id;
    private final String name;
    private final Attributes attributes;

    protected Leaf(Shape shape, String name, Attributes attributes, String prefix) {
        super(shape, List.of());
        this.id = IDS.incrementAndGet();
        this.name = name != null ? name : prefix + id;
        this.attributes = attributes;
        attributes.validate(this.name, shape);
    }

    /** A unique, increasing id (creation order). */
    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Attributes attributes() {
        return attributes;
    }

    @Override
    public Sign sign() {
        if (attributes.nonneg() || attributes.pos()) {
            return Sign.NONNEG;
        }
        if (attributes.nonpos() || attributes.neg()) {
            return Sign.NONPOS;
        }
        return Sign.UNKNOWN;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Checks a row-major value against the shape and attributes; returns it column-major. */
    protected double[] checkValue(String kind, double[] rowMajor) {
        if (rowMajor.length != size()) {
            throw new ParameterValueException(kind + " '" + name + "' has shape " + shape() + " (" + size()
                    + " entries) but the value has " + rowMajor.length + " entries");
        }
        for (int k = 0; k < rowMajor.length; k++) {
            double v = rowMajor[k];
            if (!Double.isFinite(v)) {
                throw new ParameterValueException(kind + " '" + name + "': value entry " + k + " is " + v);
            }
            if ((attributes.nonneg() && v < 0) || (attributes.pos() && v <= 0) || (attributes.nonpos() && v > 0)
                    || (attributes.neg() && v >= 0)) {
                throw new ParameterValueException(kind + " '" + name + "'" + attributes + ": value entry " + k
                        + " = " + v + " violates the sign attribute");
            }
        }
        if (attributes.needsSymmetric()) {
            int n = shape().rows();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double a = rowMajor[i * n + j];
                    double b = rowMajor[j * n + i];
                    if (Math.abs(a - b) > 1e-10 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)))) {
                        throw new ParameterValueException(kind + " '" + name + "'" + attributes
                                + ": value is not symmetric at (" + i + ", " + j + ")");
                    }
                }
            }
            if (attributes.psd() || attributes.nsd()) {
                double minEig = Eigen.minEigenvalue(rowMajor, n, attributes.nsd() ? -1.0 : 1.0);
                if (minEig < -1e-8 * Math.max(1.0, Eigen.maxAbs(rowMajor))) {
                    throw new ParameterValueException(kind + " '" + name + "'" + attributes + ": value is not "
                            + (attributes.psd() ? "positive" : "negative") + " semidefinite (eigenvalue "
                            + (attributes.nsd() ? -minEig : minEig) + ")");
                }
            }
        }
        return shape().toColMajor(rowMajor);
    }

    /** Flattens a row-major matrix value, checking that it is rectangular and matches this leaf's shape. */
    protected double[] flatten(String kind, double[][] value) {
        int m = value.length;
        int n = m == 0 ? 0 : value[0].length;
        Shape s = shape();
        boolean ok = (s.isMatrix() && m == s.rows() && n == s.cols())
                || (s.isVector() && ((m == s.rows() && n == 1) || (m == 1 && n == s.rows())))
                || (s.isScalar() && m == 1 && n == 1);
        if (!ok) {
            throw new ParameterValueException(kind + " '" + name() + "' has shape " + s + " but the value is " + m
                    + "x" + n);
        }
        double[] flat = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (value[i].length != n) {
                throw new ParameterValueException(kind + " '" + name() + "': value row " + i + " has length "
                        + value[i].length + ", expected " + n);
            }
            System.arraycopy(value[i], 0, flat, i * n, n);
        }
        return flat;
    }
}
