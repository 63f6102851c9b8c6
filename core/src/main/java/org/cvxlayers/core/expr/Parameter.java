package org.cvxlayers.core.expr;

import java.util.List;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;

/**
 * A parameter: a constant whose value may change between solves without recompiling the problem.
 * Values are given row-major and checked against the shape and the attributes
 * ({@link ParameterValueException} names the parameter and both shapes).
 */
public final class Parameter extends Leaf {
    private double[] value; // column-major

    public Parameter(Shape shape, String name, Attributes attributes) {
        super(shape, name, attributes, "param");
    }

    public Parameter(Shape shape, String name) {
        this(shape, name, Attributes.NONE);
    }

    public Parameter(Shape shape) {
        this(shape, null, Attributes.NONE);
    }

    /** Sets the value of a scalar parameter. */
    public Parameter setValue(double v) {
        if (!shape().isScalar() && size() != 1) {
            throw new ParameterValueException("parameter '" + name() + "' has shape " + shape()
                    + " but a scalar value was given");
        }
        value = checkValue("parameter", new double[] {v});
        return this;
    }

    /** Sets the value from a row-major flat array (a vector, or a matrix flattened row by row). */
    public Parameter setValue(double[] rowMajor) {
        value = checkValue("parameter", rowMajor.clone());
        return this;
    }

    /** Sets the value of a matrix parameter (row-major rows). */
    public Parameter setValue(double[][] v) {
        value = checkValue("parameter", flatten("parameter", v));
        return this;
    }

    /** Whether a value has been set. */
    public boolean hasValue() {
        return value != null;
    }

    /** The value flattened row-major. */
    public double[] rowMajorValue() {
        return shape().toRowMajor(requireValue());
    }

    /** The value column-major (internal layout). */
    public double[] colMajorValue() {
        return requireValue().clone();
    }

    private double[] requireValue() {
        if (value == null) {
            throw new ParameterValueException("parameter '" + name() + "' with shape " + shape() + " has no value");
        }
        return value;
    }

    @Override
    public double[] evaluate() {
        return requireValue().clone();
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return ctx.parameter(this);
    }
}
