package org.cvxlayers.core.expr;

/** A parameter value is missing, has the wrong shape or violates the parameter's attributes. */
public class ParameterValueException extends IllegalArgumentException {
    public ParameterValueException(String message) {
        super(message);
    }
}
