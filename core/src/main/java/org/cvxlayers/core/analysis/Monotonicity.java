package org.cvxlayers.core.analysis;

/** Monotonicity of an atom in one of its arguments (given the arguments' signs). */
public enum Monotonicity {
    INCREASING, DECREASING, NONE;

    /** Monotonicity of an absolute-value-like function: increasing for nonnegative, decreasing for nonpositive arguments. */
    public static Monotonicity ofEvenFunction(Sign argSign) {
        if (argSign.isNonneg()) {
            return INCREASING;
        }
        if (argSign.isNonpos()) {
            return DECREASING;
        }
        return NONE;
    }
}
