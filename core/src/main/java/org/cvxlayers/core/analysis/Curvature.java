package org.cvxlayers.core.analysis;

/** Curvature of an expression in DCP analysis. CONSTANT ⊂ AFFINE ⊂ CONVEX, CONCAVE. */
public enum Curvature {
    CONSTANT, AFFINE, CONVEX, CONCAVE, UNKNOWN;

    public boolean isAffine() {
        return this == CONSTANT || this == AFFINE;
    }

    public boolean isConvex() {
        return isAffine() || this == CONVEX;
    }

    public boolean isConcave() {
        return isAffine() || this == CONCAVE;
    }

    /** Curvature of the negation. */
    public Curvature negate() {
        return switch (this) {
            case CONVEX -> CONCAVE;
            case CONCAVE -> CONVEX;
            default -> this;
        };
    }

    /** Curvature of a sum of an expression of this curvature and one of {@code o}. */
    public Curvature join(Curvature o) {
        if (this == UNKNOWN || o == UNKNOWN) {
            return UNKNOWN;
        }
        if (this == CONSTANT) {
            return o;
        }
        if (o == CONSTANT) {
            return this;
        }
        if (this == AFFINE) {
            return o;
        }
        if (o == AFFINE) {
            return this;
        }
        return this == o ? this : UNKNOWN;
    }

    /** Lower-case name as CVXPY prints it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
