package org.cvxlayers.core.atoms;

import org.cvxlayers.core.analysis.Curvature;

import org.cvxlayers.core.canon.LogSpace;

import java.util.List;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.ShapeException;

/**
 * {@code quad_over_lin(x, y) = Σ xᵢ² / y} for a scalar y &gt; 0: {@code ‖(2x, t − y)‖ ≤ t + y}. Convex,
 * decreasing in y. With a numeric constant y it is a quadratic objective term.
 */
public final class QuadOverLin extends ConvexScalarAtom implements QuadraticAtom, LogLogAtom {
    public QuadOverLin(Expression x, Expression y) {
        super(List.of(x, y));
        if (y.size() != 1) {
            throw new ShapeException("quad_over_lin(" + x + ", " + y + "): the denominator must be a scalar, got " + y.shape());
        }
    }

    @Override
    public String name() {
        return "quad_over_lin";
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return i == 1 ? Monotonicity.DECREASING : super.monotonicity(i);
    }

    @Override
    public double[] evaluate() {
        double s = 0;
        for (double v : args().get(0).evaluate()) {
            s += v * v;
        }
        return new double[] {s / args().get(1).evaluate()[0]};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        return epigraph(ctx, args.get(0), args.get(1));
    }

    /** A new scalar t with t ≥ ‖x‖²/y (and y ≥ 0). */
    static AffineTensor epigraph(CanonContext ctx, AffineTensor x, AffineTensor y) {
        AffineTensor t = ctx.newVariable(1);
        ctx.addSoc(t.plus(y), AffineTensor.concat(x.scale(2.0), t.minus(y)));
        return t;
    }

    @Override
    public boolean hasQuadraticForm() {
        Expression y = args().get(1);
        return y.isConstant() && y.evaluate()[0] > 0;
    }

    @Override
    public AffineTensor canonicalizeQuadratic(CanonContext ctx, AffineTensor coef) {
        double y = args().get(1).evaluate()[0];
        return SumSquares.quadraticTerm(ctx, args().get(0), coef.scale(1.0 / y));
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Curvature atomLogLogCurvature() {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity logLogMonotonicity(int i) {
        return i == 0 ? Monotonicity.INCREASING : Monotonicity.DECREASING;
    }

    @Override
    public Expression logSpace(LogSpace ls) {
        return DgpForms.sumOfPowers(ls, args().get(0), 2.0).minus(ls.of(args().get(1)));
    }
}
