package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.List;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code sum_squares(x) = Σ xᵢ²}. As an objective term it goes to P (on x's columns, or on an auxiliary
 * v = x when x is not a plain selection of variables); elsewhere {@code ‖(2x, t − 1)‖ ≤ t + 1}.
 */
public final class SumSquares extends LogLogNormAtom implements QuadraticAtom {
    public SumSquares(Expression x) {
        super("sum_squares", List.of(x));
    }

    @Override
    public double[] evaluate() {
        double s = 0;
        for (double v : args().get(0).evaluate()) {
            s += v * v;
        }
        return new double[] {s};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return QuadOverLin.epigraph(ctx, args.get(0), AffineTensor.scalar(1.0));
    }

    @Override
    public boolean hasQuadraticForm() {
        return true;
    }

    @Override
    public AffineTensor canonicalizeQuadratic(CanonContext ctx, AffineTensor coef) {
        return quadraticTerm(ctx, args().get(0), coef);
    }

    /** Adds {@code coef · Σ xᵢ²} to the objective's P; no affine part remains (a scalar zero). */
    static AffineTensor quadraticTerm(CanonContext ctx, Expression x, AffineTensor coef) {
        int[] cols = ctx.asColumns(ctx.canonicalize(x));
        ctx.quadratic().addSumSquares(cols, coef);
        return AffineTensor.zeros(1);
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Expression logSpace(LogSpace ls) {
        return DgpForms.sumOfPowers(ls, args().get(0), 2.0);
    }
}
