package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.List;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** {@code norm1(x) = Σ|xᵢ|} over all entries; {@code Σ tᵢ} with {@code t ≥ ±x}. */
public final class Norm1 extends LogLogNormAtom {
    public Norm1(Expression x) {
        super("norm1", List.of(x));
    }

    @Override
    public double[] evaluate() {
        double s = 0;
        for (double v : args().get(0).evaluate()) {
            s += Math.abs(v);
        }
        return new double[] {s};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return Abs.epigraph(ctx, args.get(0)).sumAll();
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Expression logSpace(LogSpace ls) {
        return DgpForms.sumOfPowers(ls, args().get(0), 1.0);
    }
}
