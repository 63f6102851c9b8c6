package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.ArrayList;
import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.canon.GeoMeanTree;
import org.cvxlayers.core.canon.Rational;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * {@code geo_mean(x, w) = Π xᵢ^{wᵢ}} with weights normalized to sum 1 (uniform by default); concave,
 * increasing, domain x ≥ 0. Weights are approximated by fractions (denominator ≤ 1024) whose sum is
 * exactly 1, then represented by a geometric-mean tree of 3-D cones.
 */
public final class GeoMean extends Atom implements LogLogAtom {
    private final double[] weights;
    private final List<Rational> rationals;

    private final boolean approx;

    /** {@code geo_mean(x, w)} in the second-order-cone form (CVXPY's default {@code approx = True}). */
    public GeoMean(Expression x, double[] w) {
        this(x, w, true);
    }

    /**
     * @param approx true (default): weights rounded to fractions, a tree of second-order cones; false: the
     *               exact weights with a chain of 3-D power cones
     *               {@code sᵢ ≤ xᵢ^{wᵢ/Wᵢ} s_{i+1}^{1 − wᵢ/Wᵢ}}, Wᵢ = Σ_{j≥i} wⱼ, s₁ = t
     */
    public GeoMean(Expression x, double[] w, boolean approx) {
        super(Shape.scalar(), List.of(x));
        this.approx = approx;
        int n = x.size();
        if (w == null) {
            w = new double[n];
            java.util.Arrays.fill(w, 1.0);
        }
        if (w.length != n) {
            throw new IllegalArgumentException("geo_mean(" + x + "): " + w.length + " weights for " + n + " entries");
        }
        double sum = 0;
        for (double v : w) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("geo_mean(" + x + "): negative weight " + v);
            }
            sum += v;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("geo_mean(" + x + "): weights sum to zero");
        }
        weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = w[i] / sum;
        }
        rationals = fractions(weights);
    }

    /** Fractions with a common denominator summing to exactly 1 (the largest weight absorbs rounding). */
    private static List<Rational> fractions(double[] w) {
        List<Rational> approx = new ArrayList<>();
        long den = 1;
        for (double v : w) {
            Rational r = Rational.approximate(v, Rational.MAX_DENOMINATOR);
            approx.add(r);
            long g = gcd(den, r.den());
            den = den / g * r.den();
        }
        long[] counts = new long[w.length];
        long total = 0;
        int largest = 0;
        for (int i = 0; i < w.length; i++) {
            counts[i] = approx.get(i).num() * (den / approx.get(i).den());
            total += counts[i];
            if (w[i] > w[largest]) {
                largest = i;
            }
        }
        counts[largest] += den - total;
        List<Rational> out = new ArrayList<>();
        for (long c : counts) {
            out.add(new Rational(c, den));
        }
        return out;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public String name() {
        return "geo_mean";
    }

    @Override
    public Curvature functionCurvature() {
        return Curvature.CONCAVE;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return Monotonicity.INCREASING;
    }

    @Override
    public Sign sign() {
        return Sign.NONNEG;
    }

    @Override
    public double[] evaluate() {
        double[] v = args().get(0).evaluate();
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            if (weights[i] > 0) {
                s += weights[i] * Math.log(v[i]);
            }
        }
        return new double[] {Math.exp(s)};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        AffineTensor t = ctx.newVariable(1);
        if (!approx) {
            powerChain(ctx, x, t);
            ctx.addNonneg(x);
            return t;
        }
        List<AffineTensor> leaves = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            leaves.add(x.entry(i));
        }
        GeoMeanTree.add(ctx, t, leaves, rationals);
        ctx.addNonneg(x); // domain, also when a weight is zero
        return t;
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Curvature atomLogLogCurvature() {
        return Curvature.AFFINE;
    }

    @Override
    public Monotonicity logLogMonotonicity(int i) {
        return Monotonicity.INCREASING;
    }

    @Override
    public Expression logSpace(LogSpace ls) {
        LogPosynomial.Builder b = new LogPosynomial.Builder(Shape.scalar(), List.of(ls.of(args().get(0))));
        b.term(0, 0.0);
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] > 0) {
                b.factor(0, k, weights[k]);
            }
        }
        return b.build();
    }

    private void powerChain(CanonContext ctx, AffineTensor x, AffineTensor t) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                idx.add(i);
            }
        }
        if (idx.size() == 1) {
            ctx.addNonneg(x.entry(idx.get(0)).minus(t));
            return;
        }
        double remaining = 1.0;
        AffineTensor s = t;
        for (int q = 0; q < idx.size() - 1; q++) {
            double w = weights[idx.get(q)];
            double alpha = Math.min(1.0 - 1e-15, w / remaining);
            AffineTensor next = q == idx.size() - 2 ? x.entry(idx.get(q + 1)) : ctx.newVariable(1);
            ctx.addPower(x.entry(idx.get(q)), next, s, alpha);
            remaining -= w;
            s = next;
        }
    }
}
