package org.cvxlayers.solvers.ipm.cones;

import java.util.List;
import org.cvxlayers.solvers.cones.Cone;

/**
 * The product cone {@code K = K₁ × … × K_p} seen by the interior-point loop: every operation loops over the
 * blocks, each of which touches only its own range of the global vectors. A mutable workspace (it holds the
 * blocks' scalings); allocation-free after construction.
 */
public final class CompositeCone {
    private final IpmCone[] blocks;
    private final int dim;
    private final int degree;
    private final boolean symmetric;
    private final double[] pair = new double[2];

    /** Builds the blocks for a list of cone specifications covering rows 0..m-1 in order. */
    public CompositeCone(List<Cone> cones) {
        blocks = new IpmCone[cones.size()];
        int offset = 0;
        int deg = 0;
        boolean sym = true;
        for (int k = 0; k < blocks.length; k++) {
            Cone spec = cones.get(k);
            blocks[k] = IpmCones.create(spec, offset);
            offset += blocks[k].dim();
            deg += blocks[k].degree();
            sym &= blocks[k].isSymmetric();
        }
        dim = offset;
        degree = deg;
        symmetric = sym;
    }

    /** Number of blocks. */
    public int size() {
        return blocks.length;
    }

    /** Block k. */
    public IpmCone block(int k) {
        return blocks[k];
    }

    /** Total dimension m. */
    public int dim() {
        return dim;
    }

    /** Total barrier degree ν. */
    public int degree() {
        return degree;
    }

    /** Whether every block is symmetric. */
    public boolean isSymmetric() {
        return symmetric;
    }

    /** See {@link IpmCone#rectifyEquilibration}; returns true if any block changed a factor. */
    public boolean rectifyEquilibration(double[] delta, double[] e) {
        boolean any = false;
        for (IpmCone b : blocks) {
            any |= b.rectifyEquilibration(delta, e);
        }
        return any;
    }

    /** Unit initialization of every block. */
    public void unitInitialization(double[] z, double[] s) {
        for (IpmCone b : blocks) {
            b.unitInitialization(z, s);
        }
    }

    /**
     * The smallest margin over the blocks with positive degree (out[0], +∞ if there is none) and the sum of
     * the blocks' positive measures (out[1]).
     */
    public void margins(double[] z, boolean primal, double[] out) {
        double min = Double.POSITIVE_INFINITY;
        double sum = 0.0;
        for (IpmCone b : blocks) {
            if (b.degree() == 0) {
                continue;
            }
            b.margins(z, primal, pair);
            min = Math.min(min, pair[0]);
            sum += pair[1];
        }
        out[0] = min;
        out[1] = sum;
    }

    /** z ← z + alpha·e on every block. */
    public void scaledUnitShift(double[] z, double alpha, boolean primal) {
        for (IpmCone b : blocks) {
            b.scaledUnitShift(z, alpha, primal);
        }
    }

    /** Identity scalings everywhere. */
    public void setIdentityScaling() {
        for (IpmCone b : blocks) {
            b.setIdentityScaling();
        }
    }

    /** Updates every block's scaling; false if any block failed. */
    public boolean updateScaling(double[] s, double[] z, double mu, boolean dualOnly) {
        for (IpmCone b : blocks) {
            if (!b.updateScaling(s, z, mu, dualOnly)) {
                return false;
            }
        }
        return true;
    }

    /** y ← Hs x blockwise. */
    public void mulHs(double[] y, double[] x, double[] work) {
        for (IpmCone b : blocks) {
            b.mulHs(y, x, work);
        }
    }

    /** Affine complementarity right-hand side. */
    public void affineDs(double[] ds, double[] s) {
        for (IpmCone b : blocks) {
            b.affineDs(ds, s);
        }
    }

    /** Corrector shift. */
    public void combinedDsShift(double[] shift, double[] stepZ, double[] stepS, double sigmaMu) {
        for (IpmCone b : blocks) {
            b.combinedDsShift(shift, stepZ, stepS, sigmaMu);
        }
    }

    /** Δs offset from the complementarity right-hand side. */
    public void deltaSFromDeltaZOffset(double[] out, double[] ds, double[] work, double[] z) {
        for (IpmCone b : blocks) {
            b.deltaSFromDeltaZOffset(out, ds, work, z);
        }
    }

    /** Largest steps (out[0] for z, out[1] for s), each at most alphaMax. */
    public void stepLength(double[] dz, double[] ds, double[] z, double[] s, double alphaMax, double[] out) {
        double az = alphaMax;
        double as = alphaMax;
        for (IpmCone b : blocks) {
            b.stepLength(dz, ds, z, s, alphaMax, pair);
            az = Math.min(az, pair[0]);
            as = Math.min(as, pair[1]);
        }
        out[0] = az;
        out[1] = as;
    }

    /** Sum of the blocks' barrier values at (z + α dz, s + α ds). */
    public double computeBarrier(double[] z, double[] s, double[] dz, double[] ds, double alpha) {
        double sum = 0.0;
        for (IpmCone b : blocks) {
            sum += b.computeBarrier(z, s, dz, ds, alpha);
        }
        return sum;
    }
}
