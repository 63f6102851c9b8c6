package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.List;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/** {@code max(x)} (convex) or {@code min(x)} (concave): the largest or smallest entry, a scalar. */
public final class MaxEntry extends ExtremumAtom {
    public MaxEntry(Expression x, boolean max) {
        super(Shape.scalar(), List.of(x), max, "max", "min");
    }

    @Override
    public Sign sign() {
        return args().get(0).sign();
    }

    @Override
    public double[] evaluate() {
        double best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        for (double v : args().get(0).evaluate()) {
            best = pick(best, v);
        }
        return new double[] {best};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor t = ctx.newVariable(1);
        AffineTensor tb = t.broadcast(x.size());
        ctx.addNonneg(max ? tb.minus(x) : x.minus(tb));
        return t;
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Expression logSpace(LogSpace ls) {
        return new MaxEntry(ls.of(args().get(0)), max);
    }
}
