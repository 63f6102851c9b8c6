package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * {@code rel_entr(x, y) = x·log(x/y)} elementwise (operands broadcast), and with {@code kl = true}
 * {@code kl_div(x, y) = x·log(x/y) − x + y}. Jointly convex; rel_entr is decreasing in y, kl_div is not
 * monotone. {@code t ≥ x log(x/y) ⟺ (−t, x, y) ∈ K_exp}.
 */
public final class RelEntr extends Atom {
    private final boolean kl;

    public RelEntr(Expression x, Expression y, boolean kl) {
        this(x, y, Broadcast.shape(List.of(x, y)), kl);
    }

    private RelEntr(Expression x, Expression y, Shape shape, boolean kl) {
        super(shape, List.of(Affine.promote(x, shape), Affine.promote(y, shape)));
        this.kl = kl;
    }

    @Override
    public String name() {
        return kl ? "kl_div" : "rel_entr";
    }

    @Override
    public Curvature functionCurvature() {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return i == 1 && !kl ? Monotonicity.DECREASING : Monotonicity.NONE;
    }

    @Override
    public Sign sign() {
        return kl ? Sign.NONNEG : Sign.UNKNOWN;
    }

    @Override
    public double[] evaluate() {
        double[] x = args().get(0).evaluate();
        double[] y = args().get(1).evaluate();
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double v;
            if (x[k] > 0 && y[k] > 0) {
                v = x[k] * Math.log(x[k] / y[k]);
            } else if (x[k] == 0 && y[k] >= 0) {
                v = 0;
            } else {
                v = Double.POSITIVE_INFINITY;
            }
            out[k] = kl ? v - x[k] + y[k] : v;
        }
        return out;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor y = args.get(1);
        AffineTensor t = ctx.newVariable(x.size());
        ctx.addExp(t.scale(-1.0), x, y);
        return kl ? t.minus(x).plus(y) : t;
    }
}
