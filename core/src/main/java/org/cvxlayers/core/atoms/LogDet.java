package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.BlockTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code log_det(X)}: log of the determinant of the symmetric part of a positive definite X. Concave.
 * The standard construction (Ben-Tal &amp; Nemirovski; as CVXPY): {@code [[X, Z], [Zᵀ, diag(Z)]] ⪰ 0} with Z lower
 * triangular and {@code tᵢ ≤ log Zᵢᵢ} ({@code (tᵢ, 1, Zᵢᵢ) ∈ K_exp}); the value is {@code Σ tᵢ}.
 */
public final class LogDet extends PsdScalarAtom {
    private final int n;

    public LogDet(Expression x) {
        super("log_det", Curvature.CONCAVE, Sign.UNKNOWN, List.of(x));
        n = Matrices.requireSquare("log_det", x);
    }

    @Override
    public double[] evaluate() {
        double s = 0;
        for (double v : Matrices.eigenvalues(args().get(0).evaluate(), n)) {
            s += v > 0 ? Math.log(v) : Double.NEGATIVE_INFINITY;
        }
        return new double[] {s};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor z = BlockTensor.lowerTriangularVariable(ctx, n);
        AffineTensor d = BlockTensor.diagonalOf(z, n);
        ctx.addPsd(new BlockTensor(2 * n).place(args.get(0), n, n, 0, 0, false).place(z, n, n, 0, n, true)
                .diagonal(d, n, n).build(), 2 * n, null);
        AffineTensor t = ctx.newVariable(n);
        ctx.addExp(t, AffineTensor.scalar(1.0), d);
        return t.sumAll();
    }
}
