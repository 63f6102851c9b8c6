package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.BlockTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code sigma_max(A)}: the largest singular value of an m×n matrix. Convex, nonnegative;
 * {@code [[t·I, A], [Aᵀ, t·I]] ⪰ 0}.
 */
public final class SigmaMax extends PsdScalarAtom {
    private final int m;
    private final int n;

    public SigmaMax(Expression a) {
        super("sigma_max", Curvature.CONVEX, Sign.NONNEG, List.of(a));
        m = Matrices.rows(a);
        n = Matrices.cols(a);
    }

    @Override
    public double[] evaluate() {
        return new double[] {Matrices.singularValues(args().get(0).evaluate(), m, n)[0]};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor t = ctx.newVariable(1);
        ctx.addPsd(new BlockTensor(m + n).diagonal(t, 0, m + n).place(args.get(0), m, n, 0, m, true).build(), m + n, null);
        return t;
    }
}
