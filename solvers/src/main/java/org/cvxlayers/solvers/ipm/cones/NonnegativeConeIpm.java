package org.cvxlayers.solvers.ipm.cones;

/**
 * The nonnegative orthant {@code s ≥ 0}, self-dual. NT scaling is diagonal: {@code W = diag(√(s/z))},
 * {@code λ = √(s∘z)}, {@code Hs = diag(s/z)}.
 */
public final class NonnegativeConeIpm extends DiagonalConeIpm {
    /** NT scaling w = √(s/z), local indexing. */
    private final double[] w;
    /** Scaled point λ = √(s z), local indexing. */
    private final double[] lambda;

    /** An orthant covering entries {@code [offset, offset + dim)}. */
    public NonnegativeConeIpm(int offset, int dim) {
        super(offset, dim);
        this.w = new double[dim];
        this.lambda = new double[dim];
    }

    @Override
    public int degree() {
        return dim;
    }

    @Override
    public void unitInitialization(double[] z, double[] s) {
        fill(z, 1.0);
        fill(s, 1.0);
    }

    @Override
    public void margins(double[] z, boolean primal, double[] out) {
        double min = Double.POSITIVE_INFINITY;
        double sumPos = 0.0;
        for (int i = offset; i < offset + dim; i++) {
            double v = z[i];
            min = Math.min(min, v);
            if (v > 0) {
                sumPos += v;
            }
        }
        out[0] = min;
        out[1] = sumPos;
    }

    @Override
    public void scaledUnitShift(double[] z, double alpha, boolean primal) {
        for (int i = offset; i < offset + dim; i++) {
            z[i] += alpha;
        }
    }

    @Override
    public void setIdentityScaling() {
        for (int i = 0; i < dim; i++) {
            w[i] = 1.0;
        }
    }

    @Override
    public boolean updateScaling(double[] s, double[] z, double mu) {
        for (int i = 0; i < dim; i++) {
            double si = s[offset + i];
            double zi = z[offset + i];
            if (!(si > 0) || !(zi > 0)) {
                return false;
            }
            w[i] = Math.sqrt(si / zi);
            lambda[i] = Math.sqrt(si * zi);
        }
        return true;
    }

    @Override
    public void getHs(double[] out, int outOffset) {
        for (int i = 0; i < dim; i++) {
            out[outOffset + i] = w[i] * w[i];
        }
    }

    @Override
    public void mulHs(double[] y, double[] x, double[] work) {
        for (int i = 0; i < dim; i++) {
            y[offset + i] = w[i] * w[i] * x[offset + i];
        }
    }

    @Override
    public void affineDs(double[] ds, double[] s) {
        for (int i = 0; i < dim; i++) {
            ds[offset + i] = lambda[i] * lambda[i];
        }
    }

    @Override
    public void combinedDsShift(double[] shift, double[] stepZ, double[] stepS, double sigmaMu) {
        // (W⁻¹Δs)∘(WΔz) = Δs∘Δz for a diagonal W
        for (int i = offset; i < offset + dim; i++) {
            shift[i] = stepS[i] * stepZ[i] - sigmaMu;
        }
    }

    @Override
    public void deltaSFromDeltaZOffset(double[] out, double[] ds, double[] work, double[] z) {
        // Wᵀ(λ \ ds) = w ds / λ = ds / z
        for (int i = 0; i < dim; i++) {
            out[offset + i] = w[i] * ds[offset + i] / lambda[i];
        }
    }

    @Override
    public void stepLength(double[] dz, double[] ds, double[] z, double[] s, double alphaMax, double[] out) {
        out[0] = ratioTest(dz, z, alphaMax);
        out[1] = ratioTest(ds, s, alphaMax);
    }

    private double ratioTest(double[] d, double[] v, double alphaMax) {
        double a = alphaMax;
        for (int i = offset; i < offset + dim; i++) {
            if (d[i] < 0) {
                a = Math.min(a, -v[i] / d[i]);
            }
        }
        return a;
    }
}
