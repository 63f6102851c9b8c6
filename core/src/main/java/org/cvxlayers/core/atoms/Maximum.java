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
 * Elementwise {@code maximum(x₁, …, x_k)} (convex) or {@code minimum} (concave), operands broadcast;
 * {@code t ≥ xᵢ} (resp. {@code t ≤ xᵢ}) for every i.
 */
public final class Maximum extends Atom {
    private final boolean max;

    public Maximum(List<Expression> args, boolean max) {
        this(args, Broadcast.shape(args), max);
    }

    private Maximum(List<Expression> args, Shape shape, boolean max) {
        super(shape, args.stream().map(a -> Affine.promote(a, shape)).toList());
        if (args.size() < 2) {
            throw new IllegalArgumentException((max ? "maximum" : "minimum") + " needs at least two arguments");
        }
        this.max = max;
    }

    @Override
    public String name() {
        return max ? "maximum" : "minimum";
    }

    @Override
    public Curvature functionCurvature() {
        return max ? Curvature.CONVEX : Curvature.CONCAVE;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return Monotonicity.INCREASING;
    }

    @Override
    public Sign sign() {
        boolean anyNonneg = false;
        boolean allNonneg = true;
        boolean anyNonpos = false;
        boolean allNonpos = true;
        for (Expression a : args()) {
            Sign s = a.sign();
            anyNonneg |= s.isNonneg();
            allNonneg &= s.isNonneg();
            anyNonpos |= s.isNonpos();
            allNonpos &= s.isNonpos();
        }
        if (max) {
            return anyNonneg ? Sign.NONNEG : allNonpos ? Sign.NONPOS : Sign.UNKNOWN;
        }
        return anyNonpos ? Sign.NONPOS : allNonneg ? Sign.NONNEG : Sign.UNKNOWN;
    }

    @Override
    public double[] evaluate() {
        double[] out = null;
        for (Expression a : args()) {
            double[] v = a.evaluate();
            if (out == null) {
                out = v;
                continue;
            }
            for (int k = 0; k < out.length; k++) {
                out[k] = max ? Math.max(out[k], v[k]) : Math.min(out[k], v[k]);
            }
        }
        return out;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor t = ctx.newVariable(size());
        for (AffineTensor a : args) {
            ctx.addNonneg(max ? t.minus(a) : a.minus(t));
        }
        return t;
    }
}
