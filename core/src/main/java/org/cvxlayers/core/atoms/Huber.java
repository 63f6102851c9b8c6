package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code huber(x, M)} elementwise: x² for |x| ≤ M, 2M|x| − M² otherwise. Canonicalized as in CVXPY,
 * {@code huber(x) = min s² + 2M|n| s.t. x = s + n}; the s² part goes to P when huber is an objective term.
 */
public final class Huber extends ElementwiseAtom implements QuadraticAtom {
    private final double m;

    public Huber(Expression x, double m) {
        super(x);
        if (!(m > 0)) {
            throw new IllegalArgumentException("huber(" + x + ", " + m + "): M must be positive");
        }
        this.m = m;
    }

    @Override
    public String name() {
        return "huber";
    }

    @Override
    protected String extraArgs() {
        return m == 1.0 ? "" : ", " + formatNumber(m);
    }

    @Override
    protected double apply(double v) {
        double a = Math.abs(v);
        return a <= m ? v * v : 2 * m * a - m * m;
    }

    @Override
    public Curvature functionCurvature() {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return Monotonicity.ofEvenFunction(args().get(0).sign());
    }

    @Override
    public Sign sign() {
        return Sign.NONNEG;
    }

    /** Returns {s, u} with u ≥ |x − s|. */
    private AffineTensor[] split(CanonContext ctx, AffineTensor x) {
        AffineTensor s = ctx.newVariable(x.size());
        AffineTensor u = Abs.epigraph(ctx, x.minus(s));
        return new AffineTensor[] {s, u};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor[] su = split(ctx, args.get(0));
        int n = size();
        AffineTensor t = ctx.newVariable(n);
        AffineTensor one = AffineTensor.scalar(1.0);
        for (int i = 0; i < n; i++) {
            AffineTensor ti = t.entry(i);
            ctx.addSoc(ti.plus(one), AffineTensor.concat(su[0].entry(i).scale(2.0), ti.minus(one)));
        }
        return t.plus(su[1].scale(2 * m));
    }

    @Override
    public boolean hasQuadraticForm() {
        return true;
    }

    @Override
    public AffineTensor canonicalizeQuadratic(CanonContext ctx, AffineTensor coef) {
        AffineTensor[] su = split(ctx, ctx.canonicalize(args().get(0)));
        ctx.quadratic().addSumSquares(su[0].pureColumns(), coef);
        return AffineTensor.multiply(coef, su[1].sumAll().scale(2 * m));
    }
}
