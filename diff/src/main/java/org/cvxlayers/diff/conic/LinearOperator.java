package org.cvxlayers.diff.conic;

/** A real linear map {@code R^cols → R^rows} given by its action and the action of its transpose. */
public interface LinearOperator {
    int rows();

    int cols();

    /** {@code y = Op · x} (y of length rows, overwritten). */
    void apply(double[] x, double[] y);

    /** {@code x = Opᵀ · y} (x of length cols, overwritten). */
    void applyTranspose(double[] y, double[] x);
}
