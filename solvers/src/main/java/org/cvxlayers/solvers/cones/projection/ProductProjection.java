package org.cvxlayers.solvers.cones.projection;

/**
 * Projection onto a product of cone blocks {@code K = K₁ × … × K_p} stacked in order; every method works
 * on the whole stacked vector (from index 0).
 */
public final class ProductProjection {
    private final ConeProjection[] blocks;
    private final int[] offsets;

    /** Stacks the given blocks in order. */
    public ProductProjection(ConeProjection[] blocks) {
        this.blocks = blocks.clone();
        this.offsets = new int[blocks.length + 1];
        for (int i = 0; i < blocks.length; i++) {
            offsets[i + 1] = offsets[i] + blocks[i].dim();
        }
    }

    /** Total dimension. */
    public int dim() {
        return offsets[blocks.length];
    }

    /** Number of blocks. */
    public int blockCount() {
        return blocks.length;
    }

    /** Block i. */
    public ConeProjection block(int i) {
        return blocks[i];
    }

    /** Offset of block i in the stacked vector ({@code i = blockCount()} gives the total dimension). */
    public int offset(int i) {
        return offsets[i];
    }

    /** out = Π_K(x). */
    public void project(double[] x, double[] out) {
        for (int i = 0; i < blocks.length; i++) {
            blocks[i].project(x, offsets[i], out);
        }
    }

    /** out = Π_{K*}(x). */
    public void projectDual(double[] x, double[] out) {
        for (int i = 0; i < blocks.length; i++) {
            blocks[i].projectDual(x, offsets[i], out);
        }
    }

    /** out = DΠ_K(x) dx. */
    public void jvp(double[] x, double[] dx, double[] out) {
        for (int i = 0; i < blocks.length; i++) {
            blocks[i].jvp(x, offsets[i], dx, out);
        }
    }

    /** out = DΠ_{K*}(x) dx. */
    public void jvpDual(double[] x, double[] dx, double[] out) {
        for (int i = 0; i < blocks.length; i++) {
            blocks[i].jvpDual(x, offsets[i], dx, out);
        }
    }

    /**
     * Number of blocks (and, for the nonnegative orthant, of entries) at which the projection (onto K* if
     * {@code dual}) is not differentiable within the relative tolerance {@code tol}.
     */
    public int nonDifferentiableCount(double[] x, boolean dual, double tol) {
        int count = 0;
        for (int i = 0; i < blocks.length; i++) {
            ConeProjection b = blocks[i];
            if (b instanceof NonnegativeProjection nn) {
                count += nn.kinkCount(x, offsets[i], tol);
            } else if (!b.isDifferentiableAt(x, offsets[i], dual, tol)) {
                count++;
            }
        }
        return count;
    }
}
