package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.canon.GeoMeanTree;
import org.cvxlayers.core.canon.Rational;
import org.cvxlayers.core.expr.Expression;

/**
 * {@code power(x, p)} elementwise for rational p ≠ 0, 1 (doubles are approximated by fractions with
 * denominator ≤ 1024), with CVXPY's conventions:
 * <ul>
 *   <li>p &gt; 1: convex; an even integer p is defined for all x, otherwise the domain is x ≥ 0
 *       ({@code square} is p = 2);</li>
 *   <li>0 &lt; p &lt; 1: concave, increasing, domain x ≥ 0 ({@code sqrt} is p = ½);</li>
 *   <li>p &lt; 0: convex, decreasing, domain x &gt; 0 ({@code inv_pos} is p = −1).</li>
 * </ul>
 * Canonicalized by one 3-D second-order cone per entry for p ∈ {2, ½, −1}, otherwise by
 * geometric-mean trees; p = 2 in an objective term goes to P.
 */
public final class Power extends ElementwiseAtom implements QuadraticAtom, LogLogAtom {
    private final double p;
    private final Rational rational; // |p| as a fraction
    private final boolean approx;

    /** {@code power(x, p)} in the second-order-cone form (CVXPY's default {@code approx = True}). */
    public Power(Expression x, double p) {
        this(x, p, true);
    }

    /**
     * @param approx true (the default, as CVXPY): p is rounded to a fraction and represented with 3-D
     *               second-order cones; false: the exact p with one 3-D power cone per entry
     */
    public Power(Expression x, double p, boolean approx) {
        super(x);
        if (p == 0 || p == 1 || !Double.isFinite(p)) {
            throw new IllegalArgumentException("power(" + x + ", " + p + "): p must be finite and not 0 or 1");
        }
        this.rational = Rational.approximate(Math.abs(p), Rational.MAX_DENOMINATOR);
        this.p = approx ? Math.signum(p) * rational.value() : p;
        this.approx = approx;
    }

    /** Whether the second-order-cone (rational) form is used rather than power cones. */
    public boolean approx() {
        return approx;
    }

    public double p() {
        return p;
    }

    private boolean evenInteger() {
        return p > 0 && p == Math.rint(p) && ((long) p) % 2 == 0;
    }

    @Override
    public String name() {
        if (!approx) {
            return "power";
        }
        if (p == 2) {
            return "square";
        }
        if (p == 0.5) {
            return "sqrt";
        }
        return p == -1 ? "inv_pos" : "power";
    }

    @Override
    protected String extraArgs() {
        if (!approx) {
            return ", " + p + ", approx=False";
        }
        if (p == 2 || p == 0.5 || p == -1) {
            return "";
        }
        return ", " + (p < 0 ? "-" : "") + rational;
    }

    @Override
    protected double apply(double v) {
        if (evenInteger()) {
            return Math.pow(Math.abs(v), p);
        }
        return Math.pow(v, p);
    }

    @Override
    public Curvature functionCurvature() {
        return p > 0 && p < 1 ? Curvature.CONCAVE : Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        if (p < 0) {
            return Monotonicity.DECREASING;
        }
        if (p < 1) {
            return Monotonicity.INCREASING;
        }
        return evenInteger() ? Monotonicity.ofEvenFunction(args().get(0).sign()) : Monotonicity.INCREASING;
    }

    @Override
    public Sign sign() {
        return Sign.NONNEG;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        int n = x.size();
        AffineTensor t = ctx.newVariable(n);
        AffineTensor one = AffineTensor.scalar(1.0);
        if (!approx) {
            if (p > 1) {
                ctx.addPower(t, one, x, 1.0 / p); // t^{1/p} ≥ |x|
            } else if (p > 0) {
                ctx.addPower(x, one, t, p); // x^p ≥ |t|
            } else {
                ctx.addPower(x, t, one, -p / (1 - p)); // x^{q/(1+q)} t^{1/(1+q)} ≥ 1 with q = −p
            }
            if (p > 1 && !evenInteger()) {
                ctx.addNonneg(x);
            }
            return t;
        }
        for (int i = 0; i < n; i++) {
            AffineTensor xi = x.entry(i);
            AffineTensor ti = t.entry(i);
            if (p == 2) {
                ctx.addSoc(ti.plus(one), AffineTensor.concat(xi.scale(2.0), ti.minus(one))); // t ≥ x²
            } else if (p == 0.5) {
                ctx.addSoc(xi.plus(one), AffineTensor.concat(ti.scale(2.0), xi.minus(one))); // t² ≤ x
            } else if (p == -1) {
                ctx.addSoc(xi.plus(ti), AffineTensor.concat(AffineTensor.scalar(2.0), xi.minus(ti))); // x·t ≥ 1
            } else if (p > 1) {
                // |x| ≤ t^{1/p} · 1^{1 − 1/p}
                Rational w = new Rational(rational.den(), rational.num());
                GeoMeanTree.add(ctx, xi, List.of(ti, one), List.of(w, new Rational(w.den() - w.num(), w.den())));
            } else if (p > 0) {
                // t ≤ x^p · 1^{1 − p}
                GeoMeanTree.add(ctx, ti, List.of(xi, one),
                        List.of(rational, new Rational(rational.den() - rational.num(), rational.den())));
            } else {
                // x^{−q} ≤ t  ⟺  1 ≤ x^{q/(1+q)} · t^{1/(1+q)} with q = |p|
                long a = rational.num();
                long b = rational.den();
                GeoMeanTree.add(ctx, one, List.of(xi, ti), List.of(new Rational(a, a + b), new Rational(b, a + b)));
            }
        }
        if (p > 1 && !evenInteger()) {
            ctx.addNonneg(x); // domain x ≥ 0
        }
        return t;
    }

    @Override
    public boolean hasQuadraticForm() {
        return p == 2;
    }

    @Override
    public AffineTensor canonicalizeQuadratic(CanonContext ctx, AffineTensor coef) {
        return SumSquares.quadraticTerm(ctx, args().get(0), coef);
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Curvature atomLogLogCurvature() {
        return Curvature.AFFINE;
    }

    @Override
    public Monotonicity logLogMonotonicity(int i) {
        return p > 0 ? Monotonicity.INCREASING : Monotonicity.DECREASING;
    }

    @Override
    public Expression logSpace(LogSpace ls) {
        return ls.of(args().get(0)).mul(p);
    }
}
