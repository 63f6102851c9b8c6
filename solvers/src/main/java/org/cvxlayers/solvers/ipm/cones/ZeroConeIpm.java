package org.cvxlayers.solvers.ipm.cones;

import java.util.Arrays;

/**
 * The zero cone {@code s = 0} (equality rows). Its dual is the free cone, so it never limits a step, has
 * barrier degree 0, and its block of the KKT matrix is {@code Hs = 0} (regularization supplies the pivot).
 */
public final class ZeroConeIpm extends DiagonalConeIpm {
    /** A zero cone covering entries {@code [offset, offset + dim)}. */
    public ZeroConeIpm(int offset, int dim) {
        super(offset, dim);
    }

    @Override
    public int degree() {
        return 0;
    }

    @Override
    public void unitInitialization(double[] z, double[] s) {
        fill(z, 0.0);
        fill(s, 0.0);
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
            fill(z, 0.0);
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
    public void getHs(double[] out, int outOffset) {
        Arrays.fill(out, outOffset, outOffset + dim, 0.0);
    }

    @Override
    public void mulHs(double[] y, double[] x, double[] work) {
        fill(y, 0.0);
    }

    @Override
    public void affineDs(double[] ds, double[] s) {
        fill(ds, 0.0);
    }

    @Override
    public void combinedDsShift(double[] shift, double[] stepZ, double[] stepS, double sigmaMu) {
        fill(shift, 0.0);
    }

    @Override
    public void deltaSFromDeltaZOffset(double[] out, double[] ds, double[] work, double[] z) {
        fill(out, 0.0);
    }

    @Override
    public void stepLength(double[] dz, double[] ds, double[] z, double[] s, double alphaMax, double[] out) {
        out[0] = alphaMax;
        out[1] = alphaMax;
    }
}
