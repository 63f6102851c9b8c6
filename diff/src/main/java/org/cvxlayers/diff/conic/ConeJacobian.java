package org.cvxlayers.diff.conic;

import org.cvxlayers.solvers.cones.projection.ConeProjection;
import org.cvxlayers.solvers.cones.projection.NonnegativeProjection;
import org.cvxlayers.solvers.cones.projection.ProductProjection;
import org.cvxlayers.solvers.cones.projection.ZeroProjection;

/**
 * The derivative {@code D = DΠ_{K*}(v)} of the dual-cone projection at {@code v = y − s}, block by block,
 * and its square root {@code S = D^{1/2}}: diagonal for the zero cone (dual: free, D = I) and the orthant,
 * dense row-major blocks for every other cone.
 */
final class ConeJacobian {
    private final ProductProjection proj;
    private final double[] diag;      // D (= S) on diagonal blocks; unused entries of dense blocks
    private final double[][] dense;   // D per block, null for diagonal blocks
    private final double[][] denseSqrt;

    private ConeJacobian(ProductProjection proj, double[] diag, double[][] dense, double[][] denseSqrt) {
        this.proj = proj;
        this.diag = diag;
        this.dense = dense;
        this.denseSqrt = denseSqrt;
    }

    static boolean isDiagonal(ConeProjection b) {
        return b instanceof ZeroProjection || b instanceof NonnegativeProjection;
    }

    static ConeJacobian at(ProductProjection proj, double[] v) {
        int p = proj.blockCount();
        double[] diag = new double[proj.dim()];
        double[][] dense = new double[p][];
        double[][] denseSqrt = new double[p][];
        for (int b = 0; b < p; b++) {
            ConeProjection blk = proj.block(b);
            int off = proj.offset(b);
            int k = blk.dim();
            if (blk instanceof ZeroProjection) {
                for (int i = off; i < off + k; i++) {
                    diag[i] = 1.0;
                }
            } else if (blk instanceof NonnegativeProjection) {
                for (int i = off; i < off + k; i++) {
                    diag[i] = v[i] > 0.0 ? 1.0 : 0.0;
                }
            } else {
                dense[b] = new double[k * k];
                denseSqrt[b] = new double[k * k];
                blk.jacobian(v, off, true, dense[b], denseSqrt[b]);
            }
        }
        return new ConeJacobian(proj, diag, dense, denseSqrt);
    }

    ProductProjection projection() {
        return proj;
    }

    /** Whether block b is diagonal. */
    boolean diagonal(int b) {
        return dense[b] == null;
    }

    /** Diagonal entry i of D (= of S) for a row in a diagonal block. */
    double diag(int i) {
        return diag[i];
    }

    /** Dense D of block b (row-major). */
    double[] denseD(int b) {
        return dense[b];
    }

    /** Dense S of block b (row-major). */
    double[] denseS(int b) {
        return denseSqrt[b];
    }

    /** out = D x. */
    void applyD(double[] x, double[] out) {
        apply(x, out, false);
    }

    /** out = S x. */
    void applyS(double[] x, double[] out) {
        apply(x, out, true);
    }

    private void apply(double[] x, double[] out, boolean sqrt) {
        for (int b = 0; b < proj.blockCount(); b++) {
            int off = proj.offset(b);
            int k = proj.block(b).dim();
            if (dense[b] == null) {
                for (int i = off; i < off + k; i++) {
                    out[i] = diag[i] * x[i];
                }
            } else {
                double[] d = sqrt ? denseSqrt[b] : dense[b];
                for (int i = 0; i < k; i++) {
                    double s = 0.0;
                    for (int j = 0; j < k; j++) {
                        s += d[i * k + j] * x[off + j];
                    }
                    out[off + i] = s;
                }
            }
        }
    }
}
