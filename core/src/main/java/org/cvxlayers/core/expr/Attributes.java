package org.cvxlayers.core.expr;

/**
 * Attributes of a variable or parameter, as in CVXPY. For variables they become constraints during
 * canonicalization; for parameters they are checked when a value is set and inform the sign analysis.
 */
public record Attributes(boolean nonneg, boolean nonpos, boolean pos, boolean neg, boolean symmetric,
        boolean psd, boolean nsd) {

    public static final Attributes NONE = new Attributes(false, false, false, false, false, false, false);

    public static Attributes nonnegative() {
        return NONE.withNonneg();
    }

    public Attributes withNonneg() {
        return new Attributes(true, nonpos, pos, neg, symmetric, psd, nsd);
    }

    public Attributes withNonpos() {
        return new Attributes(nonneg, true, pos, neg, symmetric, psd, nsd);
    }

    public Attributes withPos() {
        return new Attributes(nonneg, nonpos, true, neg, symmetric, psd, nsd);
    }

    public Attributes withNeg() {
        return new Attributes(nonneg, nonpos, pos, true, symmetric, psd, nsd);
    }

    public Attributes withSymmetric() {
        return new Attributes(nonneg, nonpos, pos, neg, true, psd, nsd);
    }

    public Attributes withPsd() {
        return new Attributes(nonneg, nonpos, pos, neg, symmetric, true, nsd);
    }

    public Attributes withNsd() {
        return new Attributes(nonneg, nonpos, pos, neg, symmetric, psd, true);
    }

    /** Whether the attributes require a symmetric (square) value. */
    public boolean needsSymmetric() {
        return symmetric || psd || nsd;
    }

    void validate(String name, Shape shape) {
        if ((nonneg || pos) && (nonpos || neg)) {
            throw new IllegalArgumentException(name + ": attributes nonneg/pos and nonpos/neg exclude each other");
        }
        if (psd && nsd) {
            throw new IllegalArgumentException(name + ": attributes PSD and NSD exclude each other");
        }
        if (needsSymmetric() && !(shape.isMatrix() && shape.rows() == shape.cols())) {
            throw new ShapeException(name + ": symmetric/PSD/NSD attributes need a square matrix shape, got " + shape);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (nonneg) sb.append(", nonneg=True");
        if (nonpos) sb.append(", nonpos=True");
        if (pos) sb.append(", pos=True");
        if (neg) sb.append(", neg=True");
        if (symmetric) sb.append(", symmetric=True");
        if (psd) sb.append(", PSD=True");
        if (nsd) sb.append(", NSD=True");
        return sb.toString();
    }
}
