package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.BlockTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code matrix_frac(X, P) = tr(Xᵀ P⁻¹ X)} ({@code xᵀP⁻¹x} for a vector x) for a positive definite P.
 * Convex, nonnegative; {@code [[P, X], [Xᵀ, T]] ⪰ 0} with a symmetric k×k variable T and value {@code tr T}.
 */
public final class MatrixFrac extends PsdScalarAtom {
    private final int n;
    private final int k;

    public MatrixFrac(Expression x, Expression p) {
        super("matrix_frac", Curvature.CONVEX, Sign.NONNEG, List.of(x, p));
        n = Matrices.requireSquare("matrix_frac", p);
        k = Matrices.cols(x);
        if (Matrices.rows(x) != n) {
            throw new org.cvxlayers.core.expr.ShapeException("matrix_frac(" + x + ", " + p + "): " + x.shape()
                    + " does not match " + p.shape());
        }
    }

    @Override
    public double[] evaluate() {
        double[] xv = args().get(0).evaluate();
        org.apache.commons.math3.linear.RealMatrix pm = Matrices.symmetricPart(args().get(1).evaluate(), n);
        org.apache.commons.math3.linear.DecompositionSolver s =
                new org.apache.commons.math3.linear.LUDecomposition(pm).getSolver();
        double tr = 0;
        for (int j = 0; j < k; j++) {
            double[] col = java.util.Arrays.copyOfRange(xv, j * n, (j + 1) * n);
            double[] sol = s.solve(new org.apache.commons.math3.linear.ArrayRealVector(col)).toArray();
            for (int i = 0; i < n; i++) {
                tr += col[i] * sol[i];
            }
        }
        return new double[] {tr};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor t = BlockTensor.symmetricVariable(ctx, k);
        ctx.addPsd(new BlockTensor(n + k).place(args.get(1), n, n, 0, 0, false).place(args.get(0), n, k, 0, n, true)
                .place(t, k, k, n, n, false).build(), n + k, null);
        return BlockTensor.diagonalOf(t, k).sumAll();
    }
}
