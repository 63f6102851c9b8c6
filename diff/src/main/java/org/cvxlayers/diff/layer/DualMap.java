package org.cvxlayers.diff.layer;

import org.cvxlayers.core.constraints.Constraint;

/**
 * A constraint's dual output: the linear map from its slice {@code y[offset .. offset+length)} of the cone
 * program's dual to its user-facing dual value (row-major; {@link Constraint#dualValueFrom}) and the
 * adjoint of that map ({@link Constraint#dualValueAdjoint}), so the layer follows whatever convention the
 * constraint uses (sign, SOC reordering, PSD svec scaling). Both core methods are pure.
 */
final class DualMap {
    private final Constraint constraint;
    private final int offset;
    private final int sliceLength;
    private final int outLength;

    DualMap(Constraint c, int offset, int sliceLength) {
        this.constraint = c;
        this.offset = offset;
        this.sliceLength = sliceLength;
        this.outLength = c.dualShape().size();
    }

    /** Writes the dual value of y's slice to {@code out[outOff ..]}. */
    void apply(double[] y, double[] out, int outOff) {
        double[] slice = new double[sliceLength];
        System.arraycopy(y, offset, slice, 0, sliceLength);
        double[] d = constraint.dualValueFrom(slice);
        System.arraycopy(d, 0, out, outOff, outLength);
    }

    /** Adds the adjoint of {@code g[gOff .. gOff+outLength)} into {@code gy}'s slice. */
    void applyTransposeAdd(double[] g, int gOff, double[] gy) {
        double[] gd = new double[outLength];
        System.arraycopy(g, gOff, gd, 0, outLength);
        double[] gs = constraint.dualValueAdjoint(gd);
        for (int k = 0; k < sliceLength; k++) {
            gy[offset + k] += gs[k];
        }
    }
}
