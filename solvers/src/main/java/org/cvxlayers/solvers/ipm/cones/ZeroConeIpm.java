package org.cvxlayers.solvers.ipm.cones;

/**
 * The zero cone {@code s = 0} (equality rows). Its dual is the free cone, so it never limits a step, has
 * barrier degree 0, and its block of the KKT matrix is {@code Hs = 0} (regularization supplies the pivot).
 */
public final class ZeroConeIpm implements IpmCone {
    private final int offset;
    private final int dim;

    /** A zero cone covering entries {@code [offset, offset + dim)}. */
    public ZeroConeIpm(int offset, int dim) {
        this.offset = offset;
        this.dim = dim;
    }

    @Override
    public int offset() {
        return offset;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public int degree() {
        return 0;
    }

    @Override
    public boolean isSymmetric() {
        return true;
    }

    @Override
    public boolean rectifyEquilibration(double[] delta, double[] e) {
        for (int i = offset; i < offset + dim; i++) {
            delta[i] = 1.0;
        }
        return false;
    }

    @Override
    public void unitInitialization(double[] z, double[] s) {
        for (int i = offset; i < offset + dim; i++) {
            z[i] = 0.0;
            s[i] = 0.0;
        }
    }

    @Override
    public void margins(double[] z, boolean primal, double[] out) {
        // no interior to measure: never the binding block
        out[0] = Double.POSITIVE_INFINITY;
        out[1] = 0.0;
    }

    @Override
    public void scaledUnitShift(double[] z, double alpha, boolean primal) {
        // the primal zero cone has only the origin and the dual is free: keep s = 0, leave z alone
        if (primal) {
            for (int i = offset; i < offset + dim; i++) {
                z[i] = 0.0;
            }
        }
    }

    @Override
    public void setIdentityScaling() {
        // Hs = 0 always
    }

    @Override
    public boolean updateScaling(double[] s, double[] z, double mu) {
        return true;
    }

    @Override
    public boolean hsIsDiagonal() {
        return true;
    }

    @Override
    public void getHs(double[] out, int outOffset) {
        for (int i = 0; i < dim; i++) {
            out[outOffset + i] = 0.0;
        }
    }

    @Override
    public void mulHs(double[] y, double[] x, double[] work) {
        for (int i = offset; i < offset + dim; i++) {
            y[i] = 0.0;
        }
    }

    @Override
    public void affineDs(double[] ds, double[] s) {
        for (int i = offset; i < offset + dim; i++) {
            ds[i] = 0.0;
        }
    }

    @Override
    public void combinedDsShift(double[] shift, double[] stepZ, double[] stepS, double sigmaMu) {
        for (int i = offset; i < offset + dim; i++) {
            shift[i] = 0.0;
        }
    }

    @Override
    public void deltaSFromDeltaZOffset(double[] out, double[] ds, double[] work, double[] z) {
        for (int i = offset; i < offset + dim; i++) {
            out[i] = 0.0;
        }
    }

    @Override
    public void stepLength(double[] dz, double[] ds, double[] z, double[] s, double alphaMax, double[] out) {
        out[0] = alphaMax;
        out[1] = alphaMax;
    }

    @Override
    public double computeBarrier(double[] z, double[] s, double[] dz, double[] ds, double alpha) {
        return 0.0;
    }
}
