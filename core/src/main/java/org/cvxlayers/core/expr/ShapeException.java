package org.cvxlayers.core.expr;

/** Operands or values have incompatible shapes; the message names the operation and both shapes. */
public class ShapeException extends IllegalArgumentException {
    public ShapeException(String message) {
        super(message);
    }
}
