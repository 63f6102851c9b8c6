package org.cvxlayers.solvers.cones.projection;

import java.util.Optional;
import org.ojalgo.matrix.decomposition.Eigenvalue;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/** Dense symmetric eigendecomposition (through ojAlgo) and the spectral functions built on it. */
public final class SymmetricEigen {
    private SymmetricEigen() {
    }

    /**
     * Decomposes the symmetric row-major {@code n × n} matrix {@code a = V diag(w) Vᵀ}; {@code v} receives V
     * row-major (column j is the eigenvector of {@code w[j]}). Eigenvalues come in ascending order.
     *
     * @throws ArithmeticException if the decomposition fails (non-finite input)
     */
    public static void decompose(double[] a, int n, double[] w, double[] v) {
        if (n == 1) {
            w[0] = a[0];
            v[0] = 1.0;
            return;
        }
        for (int i = 0; i < n * n; i++) {
            if (!Double.isFinite(a[i])) {
                throw new ArithmeticException("non-finite entry in symmetric eigendecomposition input");
            }
        }
        // row-major symmetric == column-major symmetric
        R064Store store = R064Store.wrap(a.clone(), n);
        Eigenvalue<Double> evd = Eigenvalue.R064.make(n, true);
        if (!evd.decompose(store)) {
            throw new ArithmeticException("symmetric eigendecomposition failed for a " + n + "x" + n + " matrix");
        }
        double[] vals = new double[n];
        evd.getEigenvalues(vals, Optional.empty());
        MatrixStore<Double> vv = evd.getV();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(vals[p], vals[q]));
        for (int jj = 0; jj < n; jj++) {
            int j = order[jj];
            w[jj] = vals[j];
            for (int i = 0; i < n; i++) {
                v[i * n + jj] = vv.doubleValue(i, j);
            }
        }
    }

    /** Replaces a row-major square matrix by its symmetric part. */
    public static void symmetrize(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0.5 * (a[i * n + j] + a[j * n + i]);
                a[i * n + j] = s;
                a[j * n + i] = s;
            }
        }
    }

    /**
     * {@code out = a^{1/2}} for a symmetric row-major matrix whose eigenvalues are first clipped to
     * {@code [lo, hi]} (with {@code lo ≥ 0}).
     */
    public static void sqrtPsd(double[] a, int n, double[] out, double lo, double hi) {
        double[] w = new double[n];
        double[] v = new double[n * n];
        decompose(a, n, w, v);
        java.util.Arrays.fill(out, 0, n * n, 0.0);
        for (int k = 0; k < n; k++) {
            double r = Math.sqrt(Math.min(hi, Math.max(lo, w[k])));
            if (r == 0.0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                double vik = r * v[i * n + k];
                if (vik == 0.0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += vik * v[j * n + k];
                }
            }
        }
    }
}
