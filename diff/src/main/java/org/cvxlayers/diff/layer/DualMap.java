package org.cvxlayers.diff.layer;

import org.cvxlayers.core.constraints.Constraint;

/**
 * The linear map from a constraint's slice of the cone program's dual y to its user-facing dual value
 * (row-major), and its transpose, stored sparse. It is read off once, at layer construction, by applying
 * {@link Constraint#dualValueFromCone} to unit vectors, so it follows whatever convention the constraint
 * uses (sign, SOC reordering, PSD svec scaling).
 */
final class DualMap {
    private final int offset;
    private final int sliceLength;
    private final int outLength;
    // CSR over outputs: entries rowPtr[j] .. rowPtr[j+1]-1 have source col[q] (within the slice), value val[q]
    private final int[] rowPtr;
    private final int[] col;
    private final double[] val;

    DualMap(Constraint c, int offset, int sliceLength) {
        this.offset = offset;
        this.sliceLength = sliceLength;
        this.outLength = c.dualShape().size();
        int[] counts = new int[outLength + 1];
        double[] unit = new double[sliceLength];
        for (int k = 0; k < sliceLength; k++) {
            unit[k] = 1.0;
            double[] out = c.dualValueFromCone(unit);
            unit[k] = 0.0;
            if (out.length != outLength) {
                throw new IllegalStateException("dual of " + c + " has " + out.length + " entries, its shape says "
                        + outLength);
            }
            for (int j = 0; j < outLength; j++) {
                if (out[j] != 0.0) {
                    counts[j + 1]++;
                }
            }
        }
        rowPtr = new int[outLength + 1];
        for (int j = 0; j < outLength; j++) {
            rowPtr[j + 1] = rowPtr[j] + counts[j + 1];
        }
        col = new int[rowPtr[outLength]];
        val = new double[rowPtr[outLength]];
        int[] fill = rowPtr.clone();
        // second pass (probing again keeps the memory at one column)
        for (int k = 0; k < sliceLength; k++) {
            unit[k] = 1.0;
            double[] out = c.dualValueFromCone(unit);
            unit[k] = 0.0;
            for (int j = 0; j < outLength; j++) {
                if (out[j] != 0.0) {
                    col[fill[j]] = k;
                    val[fill[j]++] = out[j];
                }
            }
        }
    }

    int outLength() {
        return outLength;
    }

    /** {@code out[outOff + j] = Σ val · y[offset + col]} for every output entry j. */
    void apply(double[] y, double[] out, int outOff) {
        for (int j = 0; j < outLength; j++) {
            double s = 0.0;
            for (int q = rowPtr[j]; q < rowPtr[j + 1]; q++) {
                s += val[q] * y[offset + col[q]];
            }
            out[outOff + j] = s;
        }
    }

    /** {@code gy[offset + col] += val · g[gOff + j]}: the transpose, accumulated into a y-gradient. */
    void applyTransposeAdd(double[] g, int gOff, double[] gy) {
        for (int j = 0; j < outLength; j++) {
            double gj = g[gOff + j];
            if (gj == 0.0) {
                continue;
            }
            for (int q = rowPtr[j]; q < rowPtr[j + 1]; q++) {
                gy[offset + col[q]] += val[q] * gj;
            }
        }
    }

    int sliceLength() {
        return sliceLength;
    }
}
