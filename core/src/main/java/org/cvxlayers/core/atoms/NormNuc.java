package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.BlockTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code normNuc(A)}: the nuclear norm (sum of singular values) of an m×n matrix. Convex, nonnegative.
 * As CVXPY: {@code (tr U + tr V)/2} with {@code [[U, A], [Aᵀ, V]] ⪰ 0} (U, V symmetric matrix variables).
 */
public final class NormNuc extends PsdScalarAtom {
    private final int m;
    private final int n;

    public NormNuc(Expression a) {
        super("normNuc", Curvature.CONVEX, Sign.NONNEG, List.of(a));
        m = Matrices.rows(a);
        n = Matrices.cols(a);
    }

    @Override
    public double[] evaluate() {
        double s = 0;
        for (double v : Matrices.singularValues(args().get(0).evaluate(), m, n)) {
            s += v;
        }
        return new double[] {s};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor u = BlockTensor.symmetricVariable(ctx, m);
        AffineTensor v = BlockTensor.symmetricVariable(ctx, n);
        ctx.addPsd(new BlockTensor(m + n).place(u, m, m, 0, 0, false).place(args.get(0), m, n, 0, m, true)
                .place(v, n, n, m, m, false).build(), m + n, null);
        return BlockTensor.diagonalOf(u, m).sumAll().plus(BlockTensor.diagonalOf(v, n).sumAll()).scale(0.5);
    }
}
