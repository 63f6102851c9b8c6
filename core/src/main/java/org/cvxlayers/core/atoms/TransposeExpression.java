package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.expr.Expression;

/** Transpose {@code x.T} (the identity on scalars and vectors, as in NumPy). */
public final class TransposeExpression extends LinearAtom {

    public TransposeExpression(Expression x) {
        super(x.shape().transpose(), List.of(x), List.of(Maps.selection(x.size(), permutation(x))));
    }

    private static int[] permutation(Expression x) {
        int m = x.shape().rows();
        int n = x.shape().cols();
        int[] sel = new int[m * n];
        if (!x.shape().isMatrix()) {
            for (int k = 0; k < sel.length; k++) {
                sel[k] = k;
            }
            return sel;
        }
        // result is n×m: entry (j, i) at j + n·i comes from (i, j) at i + m·j
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                sel[j + n * i] = i + m * j;
            }
        }
        return sel;
    }

    @Override
    public String name() {
        return "transpose";
    }

    @Override
    public String toString() {
        return wrap(args().get(0), PREC_ATOM) + ".T";
    }
}
