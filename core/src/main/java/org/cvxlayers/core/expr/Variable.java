package org.cvxlayers.core.expr;

import java.util.List;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;

/**
 * An optimization variable. Its attributes (nonneg, PSD, …) become constraints when the problem is
 * canonicalized. After a solve its value is available through {@link #value()} (row-major).
 */
public final class Variable extends Leaf {
    private double[] value; // column-major, set by Problem after a solve

    public Variable(Shape shape, String name, Attributes attributes) {
        super(shape, name, attributes, "var");
    }

    public Variable(Shape shape, String name) {
        this(shape, name, Attributes.NONE);
    }

    public Variable(Shape shape) {
        this(shape, null, Attributes.NONE);
    }

    /** Whether a value is present (after a successful solve). */
    public boolean hasValue() {
        return value != null;
    }

    /** Sets the value (row-major); used after solves and for evaluating expressions by hand. */
    public void setValue(double... rowMajor) {
        if (rowMajor == null) {
            value = null;
            return;
        }
        if (rowMajor.length != size()) {
            throw new ShapeException("variable '" + name() + "' has shape " + shape() + " but the value has "
                    + rowMajor.length + " entries");
        }
        value = shape().toColMajor(rowMajor);
    }

    /** Sets the value from column-major data (internal use by the solve path). */
    public void setValueColMajor(double[] colMajor) {
        value = colMajor == null ? null : colMajor.clone();
    }

    @Override
    public double[] evaluate() {
        if (value == null) {
            throw new IllegalStateException("variable '" + name() + "' has no value (solve the problem first)");
        }
        return value.clone();
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return ctx.variable(this);
    }
}
