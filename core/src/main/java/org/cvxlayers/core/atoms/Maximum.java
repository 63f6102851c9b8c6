package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.List;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * Elementwise {@code maximum(x₁, …, x_k)} (convex) or {@code minimum} (concave), operands broadcast;
 * {@code t ≥ xᵢ} (resp. {@code t ≤ xᵢ}) for every i.
 */
public final class Maximum extends ExtremumAtom {
    public Maximum(List<Expression> args, boolean max) {
        this(args, Broadcast.shape(args), max);
    }

    private Maximum(List<Expression> args, Shape shape, boolean max) {
        super(shape, args.stream().map(a -> Affine.promote(a, shape)).toList(), max, "maximum", "minimum");
        if (args.size() < 2) {
            throw new IllegalArgumentException(name() + " needs at least two arguments");
        }
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
                out[k] = pick(out[k], v[k]);
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

    // ---------------------------------------------------------------- DGP

    @Override
    public Expression logSpace(LogSpace ls) {
        return new Maximum(args().stream().map(ls::of).toList(), max);
    }
}
