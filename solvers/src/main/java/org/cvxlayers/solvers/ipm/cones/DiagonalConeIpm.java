package org.cvxlayers.solvers.ipm.cones;

import java.util.Arrays;

/**
 * What the zero cone and the nonnegative orthant share: a block {@code [offset, offset + dim)} of symmetric
 * cones whose {@code Hs} is diagonal, that keeps any equilibration ({@code δ = 1}) and has no barrier term
 * for the nonsymmetric line search.
 */
abstract class DiagonalConeIpm implements IpmCone {
    final int offset;
    final int dim;

    DiagonalConeIpm(int offset, int dim) {
        this.offset = offset;
        this.dim = dim;
    }

    @Override
    public final int offset() {
        return offset;
    }

    @Override
    public final int dim() {
        return dim;
    }

    @Override
    public final boolean isSymmetric() {
        return true;
    }

    @Override
    public final boolean rectifyEquilibration(double[] delta, double[] e) {
        fill(delta, 1.0);
        return false;
    }

    @Override
    public final boolean hsIsDiagonal() {
        return true;
    }

    @Override
    public final double computeBarrier(double[] z, double[] s, double[] dz, double[] ds, double alpha) {
        return 0.0;
    }

    /** Sets this block's entries of a full-length vector to {@code value}. */
    final void fill(double[] v, double value) {
        Arrays.fill(v, offset, offset + dim, value);
    }
}
