package org.cvxlayers.solvers.cones.projection;

/**
 * Euclidean projection onto one cone block {@code K} and onto its dual {@code K*}, with the derivative of
 * both projections.
 *
 * <p>All methods read the block {@code x[off .. off+dim)} and write the block {@code out[off .. off+dim)}
 * of the output array, so a whole stacked vector can be processed block by block with one offset.
 * The derivative {@code DΠ(x)} of a projection onto a closed convex set is symmetric with eigenvalues in
 * [0, 1], so {@link #jvp} is also the vector–Jacobian product. Where the projection is not differentiable
 * the methods return one element of the generalized (Clarke) Jacobian and {@link #isDifferentiableAt}
 * reports it.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface ConeProjection {

    /** Dimension of the block. */
    int dim();

    /** {@code out = Π_K(x)} on the block. {@code out} may be {@code x}. */
    void project(double[] x, int off, double[] out);

    /** {@code out = Π_{K*}(x)} on the block. {@code out} may be {@code x}. */
    void projectDual(double[] x, int off, double[] out);

    /** {@code out = DΠ_K(x) · dx} on the block; {@code out} must differ from {@code x} and {@code dx}. */
    void jvp(double[] x, int off, double[] dx, double[] out);

    /** {@code out = DΠ_{K*}(x) · dx} on the block; {@code out} must differ from {@code x} and {@code dx}. */
    void jvpDual(double[] x, int off, double[] dx, double[] out);

    /**
     * Whether the projection (onto {@code K*} if {@code dual}, else onto {@code K}) is differentiable at
     * the block of {@code x}, with points within {@code tol · max(1, ‖x‖)} of a kink counted as kinks.
     */
    boolean isDifferentiableAt(double[] x, int off, boolean dual, double tol);

    /**
     * The dense Jacobian {@code D = DΠ(x)} of the block (onto {@code K*} if {@code dual}) and its
     * symmetric square root {@code D^{1/2}}, both row-major {@code dim × dim} starting at index 0 of
     * {@code d} and {@code sqrtD}. The default builds {@code D} column by column with {@link #jvp} /
     * {@link #jvpDual} and takes the square root from a symmetric eigendecomposition (eigenvalues clipped
     * to [0, 1]); cones with a known spectral structure override it.
     */
    default void jacobian(double[] x, int off, boolean dual, double[] d, double[] sqrtD) {
        int k = dim();
        double[] xb = new double[k];
        System.arraycopy(x, off, xb, 0, k);
        double[] e = new double[k];
        double[] col = new double[k];
        for (int j = 0; j < k; j++) {
            e[j] = 1.0;
            if (dual) {
                jvpDual(xb, 0, e, col);
            } else {
                jvp(xb, 0, e, col);
            }
            e[j] = 0.0;
            for (int i = 0; i < k; i++) {
                d[i * k + j] = col[i];
            }
        }
        SymmetricEigen.symmetrize(d, k);
        SymmetricEigen.sqrtPsd(d, k, sqrtD, 0.0, 1.0);
    }
}
