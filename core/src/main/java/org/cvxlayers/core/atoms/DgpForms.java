package org.cvxlayers.core.atoms;

import java.util.ArrayList;
import java.util.List;
import org.cvxlayers.core.canon.LogSpace;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/** Log-space forms shared by several DGP atoms. */
final class DgpForms {
    private DgpForms() {
    }

    /** {@code log Σₖ xₖ^e} as a scalar log-space posynomial of x's log form. */
    static Expression sumOfPowers(LogSpace ls, Expression x, double e) {
        LogPosynomial.Builder b = new LogPosynomial.Builder(Shape.scalar(), List.of(ls.of(x)));
        for (int k = 0; k < x.size(); k++) {
            b.term(0, 0.0).factor(0, k, e);
        }
        return b.build();
    }

    /**
     * The log-space form of {@code out = Σᵢ Mᵢ·argᵢ} with nonnegative maps: numeric constant arguments are
     * folded into the coefficients (zero products dropped), the others become factors.
     */
    static Expression linear(LogSpace ls, Shape shape, List<Expression> args, List<org.cvxlayers.solvers.sparse.CscMatrix> maps) {
        List<Expression> logArgs = new ArrayList<>();
        int[] logIndex = new int[args.size()];
        double[] constant = new double[shape.size()];
        for (int i = 0; i < args.size(); i++) {
            Expression a = args.get(i);
            if (LogLogAtom.isNonnegativeNumber(a)) {
                logIndex[i] = -1;
                maps.get(i).mulVec(1.0, a.evaluate(), 1.0, constant);
            } else {
                logIndex[i] = logArgs.size();
                logArgs.add(ls.of(a));
            }
        }
        LogPosynomial.Builder b = new LogPosynomial.Builder(shape, logArgs);
        for (int r = 0; r < constant.length; r++) {
            if (constant[r] > 0) {
                b.term(r, Math.log(constant[r]));
            }
        }
        for (int i = 0; i < args.size(); i++) {
            if (logIndex[i] < 0) {
                continue;
            }
            org.cvxlayers.solvers.sparse.CscMatrix m = maps.get(i);
            for (int k = 0; k < m.cols(); k++) {
                for (int p = m.colPtr()[k]; p < m.colPtr()[k + 1]; p++) {
                    double c = m.values()[p];
                    if (c > 0) {
                        b.term(m.rowIdx()[p], Math.log(c)).factor(logIndex[i], k, 1.0);
                    }
                }
            }
        }
        return b.build();
    }

    /** Number of terms of each output entry of {@code Σᵢ Mᵢ·argᵢ} (numeric constants count once per entry). */
    static int[] termCounts(Shape shape, List<Expression> args, List<org.cvxlayers.solvers.sparse.CscMatrix> maps) {
        int[] count = new int[shape.size()];
        double[] constant = new double[shape.size()];
        for (int i = 0; i < args.size(); i++) {
            Expression a = args.get(i);
            org.cvxlayers.solvers.sparse.CscMatrix m = maps.get(i);
            if (LogLogAtom.isNonnegativeNumber(a)) {
                m.mulVec(1.0, a.evaluate(), 1.0, constant);
                continue;
            }
            for (int p = 0; p < m.nnz(); p++) {
                if (m.values()[p] != 0) {
                    count[m.rowIdx()[p]]++;
                }
            }
        }
        for (int r = 0; r < count.length; r++) {
            if (constant[r] > 0) {
                count[r]++;
            }
        }
        return count;
    }
}
