package org.cvxlayers.solvers.sparse;

import org.ojalgo.matrix.decomposition.LU;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/** Dense reference solves by ojAlgo (LU with partial pivoting) for symmetric matrices given by their upper triangle. */
final class DenseReference {
    private DenseReference() {
    }

    static double[] solve(CscMatrix upper, double[] b) {
        int n = upper.cols();
        R064Store a = R064Store.FACTORY.make(n, n);
        int[] cp = upper.colPtr();
        int[] ri = upper.rowIdx();
        double[] v = upper.values();
        for (int j = 0; j < n; j++) {
            for (int p = cp[j]; p < cp[j + 1]; p++) {
                int i = ri[p];
                a.add(i, j, v[p]);
                if (i != j) {
                    a.add(j, i, v[p]);
                }
            }
        }
        R064Store rhs = R064Store.FACTORY.make(n, 1);
        for (int i = 0; i < n; i++) {
            rhs.set(i, 0, b[i]);
        }
        LU<Double> lu = LU.R064.make(a);
        if (!lu.decompose(a) || !lu.isSolvable()) {
            throw new IllegalStateException("dense reference: singular matrix");
        }
        MatrixStore<Double> x = lu.getSolution(rhs);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = x.doubleValue(i, 0);
        }
        return out;
    }
}
