package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.BlockTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code lambda_max(X)}: the largest eigenvalue of the symmetric part of a square X (CVXPY expects a
 * symmetric X; the PSD cone only sees the symmetric part). Convex; {@code t·I − X ⪰ 0}.
 */
public final class LambdaMax extends PsdScalarAtom {
    private final int n;

    public LambdaMax(Expression x) {
        super("lambda_max", Curvature.CONVEX, Sign.UNKNOWN, List.of(x));
        n = Matrices.requireSquare("lambda_max", x);
    }

    @Override
    public double[] evaluate() {
        return new double[] {Matrices.eigenvalues(args().get(0).evaluate(), n)[0]};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor t = ctx.newVariable(1);
        ctx.addPsd(new BlockTensor(n).diagonal(t, 0, n).place(args.get(0).scale(-1.0), n, n, 0, 0, false).build(), n, null);
        return t;
    }
}
