package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.BlockTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code tr_inv(X) = tr(X⁻¹)} for a positive definite X (its symmetric part). Convex, nonnegative;
 * {@code [[X, I], [I, Y]] ⪰ 0} with a symmetric variable Y (so Y ⪰ X⁻¹) and value {@code tr Y}.
 */
public final class TrInv extends PsdScalarAtom {
    private final int n;

    public TrInv(Expression x) {
        super("tr_inv", Curvature.CONVEX, Sign.NONNEG, List.of(x));
        n = Matrices.requireSquare("tr_inv", x);
    }

    @Override
    public double[] evaluate() {
        double s = 0;
        for (double v : Matrices.eigenvalues(args().get(0).evaluate(), n)) {
            s += v > 0 ? 1 / v : Double.POSITIVE_INFINITY;
        }
        return new double[] {s};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        double[] eye = new double[n * n];
        for (int i = 0; i < n; i++) {
            eye[i + n * i] = 1.0;
        }
        AffineTensor y = BlockTensor.symmetricVariable(ctx, n);
        ctx.addPsd(new BlockTensor(2 * n).place(args.get(0), n, n, 0, 0, false)
                .place(AffineTensor.constant(eye), n, n, 0, n, true).place(y, n, n, n, n, false).build(), 2 * n, null);
        return BlockTensor.diagonalOf(y, n).sumAll();
    }
}
