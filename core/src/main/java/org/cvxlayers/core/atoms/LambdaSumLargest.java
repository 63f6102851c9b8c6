package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.BlockTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code lambda_sum_largest(X, k)}: the sum of the k largest eigenvalues of the symmetric part of X. Convex.
 * As CVXPY: {@code k·t + tr Z} with {@code Z ⪰ 0, Z + t·I − X ⪰ 0} (Z a symmetric matrix variable).
 */
public final class LambdaSumLargest extends PsdScalarAtom {
    private final int n;
    private final int k;

    public LambdaSumLargest(Expression x, int k) {
        super("lambda_sum_largest", Curvature.CONVEX, Sign.UNKNOWN, List.of(x));
        n = Matrices.requireSquare("lambda_sum_largest", x);
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("lambda_sum_largest(" + x + ", " + k + "): k must lie in 1.." + n);
        }
        this.k = k;
    }

    @Override
    public double[] evaluate() {
        double[] ev = Matrices.eigenvalues(args().get(0).evaluate(), n);
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += ev[i];
        }
        return new double[] {s};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor t = ctx.newVariable(1);
        AffineTensor z = BlockTensor.symmetricVariable(ctx, n);
        ctx.addPsd(z, n, null);
        ctx.addPsd(new BlockTensor(n).place(z, n, n, 0, 0, false).diagonal(t, 0, n)
                .place(args.get(0).scale(-1.0), n, n, 0, 0, false).build(), n, null);
        return t.scale(k).plus(BlockTensor.diagonalOf(z, n).sumAll());
    }

    @Override
    protected String extraArgs() {
        return ", " + k;
    }
}
