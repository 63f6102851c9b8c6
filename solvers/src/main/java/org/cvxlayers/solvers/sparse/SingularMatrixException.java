package org.cvxlayers.solvers.sparse;

/**
 * Thrown by {@link LdlFactorization#factor} when a pivot is exactly zero or not finite and no dynamic
 * regularization was requested. The factorization object stays usable: a later {@code factor} call with
 * other values starts afresh.
 */
public final class SingularMatrixException extends ArithmeticException {
    private final int column;
    private final int position;
    private final double pivot;

    public SingularMatrixException(int column, int position, double pivot) {
        super("LDL^T pivot " + pivot + " at column " + column + " of the original matrix (position " + position
                + " in the permuted order): matrix is singular or not quasi-definite");
        this.column = column;
        this.position = position;
        this.pivot = pivot;
    }

    /** The column (= row) of the original matrix whose pivot failed. */
    public int column() {
        return column;
    }

    /** The position of that column in the permuted (factorization) order. */
    public int position() {
        return position;
    }

    /** The failed pivot value (zero, infinite or NaN). */
    public double pivot() {
        return pivot;
    }
}
