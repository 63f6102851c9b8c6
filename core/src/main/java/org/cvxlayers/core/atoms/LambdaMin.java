package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.BlockTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code lambda_min(X)}: the smallest eigenvalue of the symmetric part of a square X. Concave;
 * {@code X − t·I ⪰ 0}.
 */
public final class LambdaMin extends PsdScalarAtom {
    private final int n;

    public LambdaMin(Expression x) {
        super("lambda_min", Curvature.CONCAVE, Sign.UNKNOWN, List.of(x));
        n = Matrices.requireSquare("lambda_min", x);
    }

    @Override
    public double[] evaluate() {
        double[] ev = Matrices.eigenvalues(args().get(0).evaluate(), n);
        return new double[] {ev[n - 1]};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor t = ctx.newVariable(1);
        ctx.addPsd(new BlockTensor(n).diagonal(t.scale(-1.0), 0, n).place(args.get(0), n, n, 0, 0, false).build(), n, null);
        return t;
    }
}
