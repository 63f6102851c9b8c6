package org.cvxlayers.core.analysis;

/** Sign of an expression as DCP analysis knows it (CVXPY's sign lattice). */
public enum Sign {
    ZERO, NONNEG, NONPOS, UNKNOWN;

    public boolean isNonneg() {
        return this == ZERO || this == NONNEG;
    }

    public boolean isNonpos() {
        return this == ZERO || this == NONPOS;
    }

    /** Sign of the negation. */
    public Sign negate() {
        return switch (this) {
            case NONNEG -> NONPOS;
            case NONPOS -> NONNEG;
            default -> this;
        };
    }

    /** Sign of a sum. */
    public Sign plus(Sign o) {
        if (this == ZERO) {
            return o;
        }
        if (o == ZERO) {
            return this;
        }
        if (isNonneg() && o.isNonneg()) {
            return NONNEG;
        }
        if (isNonpos() && o.isNonpos()) {
            return NONPOS;
        }
        return UNKNOWN;
    }

    /** Sign of a product. */
    public Sign times(Sign o) {
        if (this == ZERO || o == ZERO) {
            return ZERO;
        }
        if (this == UNKNOWN || o == UNKNOWN) {
            return UNKNOWN;
        }
        return this == o ? NONNEG : NONPOS;
    }

    /** The sign of a number array (all entries). */
    public static Sign of(double[] values) {
        boolean nonneg = true;
        boolean nonpos = true;
        for (double v : values) {
            nonneg &= v >= 0;
            nonpos &= v <= 0;
        }
        if (nonneg && nonpos) {
            return ZERO;
        }
        return nonneg ? NONNEG : nonpos ? NONPOS : UNKNOWN;
    }

    /** Lower-case name as CVXPY prints it. */
    public String label() {
        return switch (this) {
            case ZERO -> "zero";
            case NONNEG -> "nonnegative";
            case NONPOS -> "nonpositive";
            case UNKNOWN -> "unknown sign";
        };
    }
}
