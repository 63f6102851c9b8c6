package org.cvxlayers.core.atoms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * The log-space form of posynomials, a DCP atom: entry r is
 * <pre>  log Σ_{terms τ of r} exp(c_τ + Σ_{factors (a, k, e) of τ} e · u_a[k])</pre>
 * — a log-sum-exp of affine functions of the (log-space) arguments u_a, or the affine function itself when
 * r has a single term (a monomial). Convex (affine when every entry is a monomial); increasing in an argument
 * whose exponents are all ≥ 0, decreasing when all ≤ 0. Canonicalized with one exponential cone per term of
 * a multi-term entry: {@code (τ − t_r, 1, z_τ) ∈ K_exp, Σ_τ z_τ ≤ 1}.
 */
public final class LogPosynomial extends Atom {
    private final int[] termRow;
    private final double[] termLogCoef;
    private final int[] factorStart; // factors of term τ: factorStart[τ] .. factorStart[τ + 1]
    private final int[] factorArg;
    private final int[] factorEntry;
    private final double[] factorExp;
    private final int[] termsPerRow;

    private LogPosynomial(Shape shape, List<Expression> logArgs, Builder b) {
        super(shape, logArgs);
        termRow = Arrays.copyOf(b.termRow, b.terms);
        termLogCoef = Arrays.copyOf(b.termLogCoef, b.terms);
        factorStart = Arrays.copyOf(b.factorStart, b.terms + 1);
        factorStart[b.terms] = b.factors;
        factorArg = Arrays.copyOf(b.factorArg, b.factors);
        factorEntry = Arrays.copyOf(b.factorEntry, b.factors);
        factorExp = Arrays.copyOf(b.factorExp, b.factors);
        termsPerRow = new int[shape.size()];
        for (int r : termRow) {
            termsPerRow[r]++;
        }
        for (int r = 0; r < termsPerRow.length; r++) {
            if (termsPerRow[r] == 0) {
                throw new IllegalArgumentException("log-space posynomial: entry " + r + " has no terms (it is zero)");
            }
        }
    }

    /** Collects terms; call {@link #term} then {@link #factor} for each of its factors. */
    public static final class Builder {
        private final Shape shape;
        private final List<Expression> args;
        private int terms;
        private int factors;
        private int[] termRow = new int[8];
        private double[] termLogCoef = new double[8];
        private int[] factorStart = new int[9];
        private int[] factorArg = new int[8];
        private int[] factorEntry = new int[8];
        private double[] factorExp = new double[8];

        /** @param logArgs the log-space arguments u_a the factors refer to */
        public Builder(Shape shape, List<Expression> logArgs) {
            this.shape = shape;
            this.args = new ArrayList<>(logArgs);
        }

        /** Starts a term of entry {@code row} with coefficient {@code exp(logCoef)}. */
        public Builder term(int row, double logCoef) {
            if (terms == termRow.length) {
                termRow = Arrays.copyOf(termRow, 2 * terms);
                termLogCoef = Arrays.copyOf(termLogCoef, 2 * terms);
                factorStart = Arrays.copyOf(factorStart, 2 * terms + 1);
            }
            termRow[terms] = row;
            termLogCoef[terms] = logCoef;
            factorStart[terms] = factors;
            terms++;
            return this;
        }

        /** Multiplies the current term by {@code exp(u_arg[entry])^exponent} (entry column-major). */
        public Builder factor(int arg, int entry, double exponent) {
            if (factors == factorArg.length) {
                factorArg = Arrays.copyOf(factorArg, 2 * factors);
                factorEntry = Arrays.copyOf(factorEntry, 2 * factors);
                factorExp = Arrays.copyOf(factorExp, 2 * factors);
            }
            factorArg[factors] = arg;
            factorEntry[factors] = entry;
            factorExp[factors] = exponent;
            factors++;
            return this;
        }

        public LogPosynomial build() {
            return new LogPosynomial(shape, args, this);
        }
    }

    private boolean monomial() {
        for (int c : termsPerRow) {
            if (c != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String name() {
        return monomial() ? "log_monomial" : "log_posynomial";
    }

    @Override
    public Curvature functionCurvature() {
        return monomial() ? Curvature.AFFINE : Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        boolean pos = true;
        boolean neg = true;
        for (int f = 0; f < factorArg.length; f++) {
            if (factorArg[f] == i) {
                pos &= factorExp[f] >= 0;
                neg &= factorExp[f] <= 0;
            }
        }
        return pos ? Monotonicity.INCREASING : neg ? Monotonicity.DECREASING : Monotonicity.NONE;
    }

    @Override
    public Sign sign() {
        return Sign.UNKNOWN;
    }

    @Override
    public double[] evaluate() {
        List<double[]> u = new ArrayList<>();
        for (Expression a : args()) {
            u.add(a.evaluate());
        }
        double[] termValue = new double[termRow.length];
        for (int t = 0; t < termRow.length; t++) {
            double s = termLogCoef[t];
            for (int f = factorStart[t]; f < factorStart[t + 1]; f++) {
                s += factorExp[f] * u.get(factorArg[f])[factorEntry[f]];
            }
            termValue[t] = s;
        }
        // terms grouped by entry (counting sort), then a stable log-sum-exp per entry
        int[] start = new int[size() + 1];
        for (int r = 0; r < size(); r++) {
            start[r + 1] = start[r] + termsPerRow[r];
        }
        double[] grouped = new double[termRow.length];
        int[] fill = Arrays.copyOf(start, size());
        for (int t = 0; t < termRow.length; t++) {
            grouped[fill[termRow[t]]++] = termValue[t];
        }
        double[] out = new double[size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = LogSumExp.of(Arrays.copyOfRange(grouped, start[r], start[r + 1]));
        }
        return out;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        int nt = termRow.length;
        // the affine value of every term: Σ_a M_a u_a + c
        List<AffineTensor> parts = new ArrayList<>();
        parts.add(AffineTensor.constant(termLogCoef));
        for (int a = 0; a < args.size(); a++) {
            int count = 0;
            int[] ti = new int[factorArg.length];
            int[] tj = new int[factorArg.length];
            double[] tv = new double[factorArg.length];
            for (int t = 0; t < nt; t++) {
                for (int f = factorStart[t]; f < factorStart[t + 1]; f++) {
                    if (factorArg[f] == a && factorExp[f] != 0) {
                        ti[count] = t;
                        tj[count] = factorEntry[f];
                        tv[count] = factorExp[f];
                        count++;
                    }
                }
            }
            if (count > 0) {
                parts.add(args.get(a).apply(CscMatrix.fromTriplets(nt, args.get(a).size(), ti, tj, tv, count)));
            }
        }
        AffineTensor terms = AffineTensor.sum(parts.toArray(new AffineTensor[0]));
        // multi-term entries get an epigraph variable t_j; single-term entries are the term itself
        int[] multiIndex = new int[size()];
        int nMulti = 0;
        for (int r = 0; r < size(); r++) {
            multiIndex[r] = termsPerRow[r] > 1 ? nMulti++ : -1;
        }
        int[] singleTerm = new int[size()];
        int nz = 0;
        for (int t = 0; t < nt; t++) {
            if (multiIndex[termRow[t]] < 0) {
                singleTerm[termRow[t]] = t;
            } else {
                nz++;
            }
        }
        AffineTensor out = AffineTensor.zeros(size());
        int[] si = new int[size()];
        int[] sj = new int[size()];
        double[] ones = new double[Math.max(size(), nz)];
        Arrays.fill(ones, 1.0);
        int ns = 0;
        for (int r = 0; r < size(); r++) {
            if (multiIndex[r] < 0) {
                si[ns] = r;
                sj[ns] = singleTerm[r];
                ns++;
            }
        }
        if (ns > 0) {
            out = terms.apply(CscMatrix.fromTriplets(size(), nt, si, sj, ones, ns));
        }
        if (nMulti > 0) {
            AffineTensor tv = ctx.newVariable(nMulti);
            AffineTensor z = ctx.newVariable(nz);
            int[] zTerm = new int[nz];
            int[] zRow = new int[nz];
            int[] seq = new int[nz];
            int k = 0;
            for (int t = 0; t < nt; t++) {
                if (multiIndex[termRow[t]] >= 0) {
                    zTerm[k] = t;
                    zRow[k] = multiIndex[termRow[t]];
                    seq[k] = k;
                    k++;
                }
            }
            AffineTensor termSel = terms.apply(CscMatrix.fromTriplets(nz, nt, seq, zTerm, ones, nz));
            AffineTensor tExpanded = tv.apply(CscMatrix.fromTriplets(nz, nMulti, seq, zRow, ones, nz));
            ctx.addExp(termSel.minus(tExpanded), AffineTensor.scalar(1.0), z);
            AffineTensor zSum = z.apply(CscMatrix.fromTriplets(nMulti, nz, zRow, seq, ones, nz));
            ctx.addNonneg(AffineTensor.scalar(1.0).broadcast(nMulti).minus(zSum));
            int[] mi = new int[nMulti];
            int[] mj = new int[nMulti];
            int c = 0;
            for (int r = 0; r < size(); r++) {
                if (multiIndex[r] >= 0) {
                    mi[c] = r;
                    mj[c] = multiIndex[r];
                    c++;
                }
            }
            out = out.plus(tv.apply(CscMatrix.fromTriplets(size(), nMulti, mi, mj, ones, nMulti)));
        }
        return out;
    }
}
