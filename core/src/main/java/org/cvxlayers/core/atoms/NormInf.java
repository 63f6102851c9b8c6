package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.List;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/** {@code norm_inf(x) = max |xᵢ|} over all entries; scalar t with {@code t ≥ ±xᵢ}. */
public final class NormInf extends LogLogNormAtom {
    public NormInf(Expression x) {
        super("norm_inf", List.of(x));
    }

    @Override
    public double[] evaluate() {
        double s = 0;
        for (double v : args().get(0).evaluate()) {
            s = Math.max(s, Math.abs(v));
        }
        return new double[] {s};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor t = ctx.newVariable(1);
        AffineTensor tb = t.broadcast(x.size());
        ctx.addNonneg(tb.minus(x));
        ctx.addNonneg(tb.plus(x));
        return t;
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Expression logSpace(LogSpace ls) {
        return new MaxEntry(ls.of(args().get(0)), true);
    }
}
