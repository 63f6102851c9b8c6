package org.cvxlayers.core.expr;

/**
 * Shape of an expression: a scalar {@code ()}, a vector {@code (n,)} or a matrix {@code (m, n)}, as in NumPy.
 *
 * <p>Internally every expression is vectorized <em>column-major</em> (as in CVXPY): entry {@code (i, j)} of an
 * m×n matrix sits at position {@code i + m·j}; a vector's entry {@code i} at {@code i}. The public API (values
 * of variables, parameters, constants, duals) is row-major; {@link #rowMajorToColMajor} converts.
 * For matrix products a vector behaves as a column, except on the left of {@code @} where it is a row.
 *
 * @param ndim 0, 1 or 2
 * @param rows number of rows (1 for a scalar; the length for a vector)
 * @param cols number of columns (1 for a scalar or a vector)
 */
public record Shape(int ndim, int rows, int cols) {

    public Shape {
        if (ndim < 0 || ndim > 2 || rows < 0 || cols < 0 || (ndim == 0 && (rows != 1 || cols != 1))
                || (ndim == 1 && cols != 1)) {
            throw new ShapeException("invalid shape ndim=" + ndim + " rows=" + rows + " cols=" + cols);
        }
    }

    private static final Shape SCALAR = new Shape(0, 1, 1);

    public static Shape scalar() {
        return SCALAR;
    }

    public static Shape vector(int n) {
        return new Shape(1, n, 1);
    }

    public static Shape matrix(int m, int n) {
        return new Shape(2, m, n);
    }

    /** Number of entries. */
    public int size() {
        return rows * cols;
    }

    public boolean isScalar() {
        return ndim == 0;
    }

    public boolean isVector() {
        return ndim == 1;
    }

    public boolean isMatrix() {
        return ndim == 2;
    }

    /** Whether a matrix is square (scalars count as 1×1). */
    public boolean isSquare() {
        return ndim != 1 && rows == cols;
    }

    /** Shape of the transpose (vectors and scalars are their own transpose). */
    public Shape transpose() {
        return ndim == 2 ? matrix(cols, rows) : this;
    }

    /** Position in the row-major public layout of column-major position {@code k}. */
    public int colMajorToRowMajor(int k) {
        if (ndim < 2) {
            return k;
        }
        int i = k % rows;
        int j = k / rows;
        return i * cols + j;
    }

    /** Column-major position of row-major position {@code k}. */
    public int rowMajorToColMajor(int k) {
        if (ndim < 2) {
            return k;
        }
        int i = k / cols;
        int j = k % cols;
        return i + rows * j;
    }

    /** Reorders a row-major array into column-major order. */
    public double[] toColMajor(double[] rowMajor) {
        double[] out = new double[rowMajor.length];
        for (int k = 0; k < rowMajor.length; k++) {
            out[rowMajorToColMajor(k)] = rowMajor[k];
        }
        return out;
    }

    /** Reorders a column-major array into row-major order. */
    public double[] toRowMajor(double[] colMajor) {
        double[] out = new double[colMajor.length];
        for (int k = 0; k < colMajor.length; k++) {
            out[colMajorToRowMajor(k)] = colMajor[k];
        }
        return out;
    }

    @Override
    public String toString() {
        return switch (ndim) {
            case 0 -> "()";
            case 1 -> "(" + rows + ",)";
            default -> "(" + rows + ", " + cols + ")";
        };
    }
}
