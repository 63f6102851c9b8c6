package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.ArrayList;
import java.util.List;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.canon.GeoMeanTree;
import org.cvxlayers.core.canon.Rational;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code pnorm(x, p)} for p ≥ 1 over all entries (the Frobenius norm of a matrix for p = 2). p = 2 is one
 * second-order cone {@code t ≥ ‖x‖}; p = 1 and p = ∞ delegate to LP forms; other p are approximated by a
 * fraction (denominator ≤ 1024) and represented as {@code Σ rᵢ = t, |xᵢ| ≤ rᵢ^{1/p} t^{1−1/p}} with
 * geometric-mean trees of 3-D cones.
 */
public final class Pnorm extends LogLogNormAtom {
    private final double p;
    private final boolean approx;

    /** {@code pnorm(x, p)} in the second-order-cone form (CVXPY's default {@code approx = True}). */
    public Pnorm(Expression x, double p) {
        this(x, p, true);
    }

    /**
     * @param approx true (default): p rounded to a fraction, second-order cones; false: exact p with one 3-D
     *               power cone per entry, {@code (rᵢ, t, xᵢ) ∈ K_pow(1/p), Σ rᵢ = t}
     */
    public Pnorm(Expression x, double p, boolean approx) {
        super(p == 2 ? "norm2" : "pnorm", List.of(x));
        this.approx = approx;
        if (!(p >= 1)) {
            throw new IllegalArgumentException("pnorm(" + x + ", " + p + "): p must be >= 1");
        }
        this.p = p;
    }

    public double p() {
        return p;
    }

    @Override
    protected String extraArgs() {
        if (p == 2) {
            return "";
        }
        return (approx ? "" : ", approx=False") + ", " + (Double.isInfinite(p) ? "inf" : p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p));
    }

    @Override
    public double[] evaluate() {
        double[] v = args().get(0).evaluate();
        double s = 0;
        if (Double.isInfinite(p)) {
            for (double x : v) {
                s = Math.max(s, Math.abs(x));
            }
            return new double[] {s};
        }
        for (double x : v) {
            s += Math.pow(Math.abs(x), p);
        }
        return new double[] {Math.pow(s, 1.0 / p)};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        if (p == 1) {
            return Abs.epigraph(ctx, x).sumAll();
        }
        AffineTensor t = ctx.newVariable(1);
        if (Double.isInfinite(p)) {
            AffineTensor tb = t.broadcast(x.size());
            ctx.addNonneg(tb.minus(x));
            ctx.addNonneg(tb.plus(x));
            return t;
        }
        if (p == 2) {
            ctx.addSoc(t, x);
            return t;
        }
        if (!approx) {
            AffineTensor r = ctx.newVariable(x.size());
            ctx.addZero(r.sumAll().minus(t));
            ctx.addPower(r, t, x, 1.0 / p);
            return t;
        }
        Rational inv = Rational.approximate(1.0 / p, Rational.MAX_DENOMINATOR);
        Rational rest = new Rational(inv.den() - inv.num(), inv.den());
        AffineTensor r = ctx.newVariable(x.size());
        ctx.addZero(r.sumAll().minus(t));
        for (int i = 0; i < x.size(); i++) {
            List<AffineTensor> leaves = new ArrayList<>(List.of(r.entry(i), t));
            GeoMeanTree.add(ctx, x.entry(i), leaves, List.of(inv, rest));
        }
        return t;
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Expression logSpace(LogSpace ls) {
        if (Double.isInfinite(p)) {
            return new MaxEntry(ls.of(args().get(0)), true);
        }
        return DgpForms.sumOfPowers(ls, args().get(0), p).mul(1.0 / p);
    }
}
