package org.cvxlayers.core.canon;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cvxlayers.core.expr.Attributes;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;
import org.cvxlayers.solvers.cones.PsdCone;

/**
 * The mutable state of one canonicalization: variable columns (user variables in order of first appearance,
 * then auxiliary variables interleaved as atoms create them), parameter slots in θ, the cone blocks and the
 * quadratic objective terms. Atoms talk to it from {@link Expression#canonicalize}.
 *
 * <p>θ layout: parameters in order of registration (the compiler registers them in their order of first
 * appearance in the problem), each one's entries <em>row-major</em> (the public layout), so θ can be filled
 * directly from user values.
 */
public final class CanonContext {
    private final boolean parametersAsConstants;
    private final LogSpace logSpace;
    private final Map<Variable, Integer> variableOffsets = new LinkedHashMap<>();
    private final Map<Parameter, Integer> parameterOffsets = new LinkedHashMap<>();
    private final IdentityHashMap<Expression, AffineTensor> memo = new IdentityHashMap<>();
    private final List<ConeBlock> blocks = new ArrayList<>();
    private final QuadraticTerms quadratic = new QuadraticTerms();
    private int nVars;
    private int nTheta;

    /**
     * @param parametersAsConstants substitute current parameter values (the fallback for DCP problems that
     *                              are not DPP: the result is then valid only for these values)
     */
    public CanonContext(boolean parametersAsConstants) {
        this(parametersAsConstants, null);
    }

    /**
     * A context for the log-space problem of a DGP compilation ({@code logSpace} non-null): user variables'
     * columns then hold {@code log x} (their sign attributes are implied and add no constraints) and
     * parameters' θ slots hold {@code log θ}; constraints canonicalize their sides through {@code logSpace}.
     */
    public CanonContext(boolean parametersAsConstants, LogSpace logSpace) {
        this.parametersAsConstants = parametersAsConstants;
        this.logSpace = logSpace;
    }

    /** Whether this is the log-space context of a DGP (gp = true) compilation. */
    public boolean isLogSpace() {
        return logSpace != null;
    }

    /** The DGP → DCP map of a gp compilation, or null. */
    public LogSpace logSpace() {
        return logSpace;
    }

    /** Canonicalizes an expression bottom-up (each node once, shared subtrees reuse their tensor). */
    public AffineTensor canonicalize(Expression e) {
        AffineTensor t = memo.get(e);
        if (t == null) {
            List<AffineTensor> args = new ArrayList<>(e.args().size());
            for (Expression a : e.args()) {
                args.add(canonicalize(a));
            }
            t = e.canonicalize(this, args);
            if (t.size() != e.size()) {
                throw new IllegalStateException("canonicalization of " + e + " returned size " + t.size()
                        + " for shape " + e.shape());
            }
            memo.put(e, t);
        }
        return t;
    }

    /** The columns of a user variable (registering it, and its attribute constraints, on first use). */
    public AffineTensor variable(Variable v) {
        Integer off = variableOffsets.get(v);
        if (off == null) {
            off = nVars;
            nVars += v.size();
            variableOffsets.put(v, off);
            if (logSpace == null) {
                addAttributeConstraints(v, AffineTensor.variable(off, v.size()));
            }
        }
        return AffineTensor.variable(off, v.size());
    }

    /** The θ slots of a parameter (or its current value when parameters are substituted). */
    public AffineTensor parameter(Parameter p) {
        if (parametersAsConstants) {
            return AffineTensor.constant(p.colMajorValue());
        }
        Integer off = parameterOffsets.get(p);
        if (off == null) {
            off = nTheta;
            nTheta += p.size();
            parameterOffsets.put(p, off);
        }
        int[] idx = new int[p.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = off + p.shape().colMajorToRowMajor(k);
        }
        return AffineTensor.parameter(idx);
    }

    /** A fresh auxiliary variable with {@code size} entries. */
    public AffineTensor newVariable(int size) {
        int off = nVars;
        nVars += size;
        return AffineTensor.variable(off, size);
    }

    /** {@code e == 0}. */
    public void addZero(AffineTensor e) {
        addBlock(ConeKind.ZERO, e, 0, null);
    }

    /** {@code e >= 0} entrywise. */
    public void addNonneg(AffineTensor e) {
        addBlock(ConeKind.NONNEG, e, 0, null);
    }

    /** {@code t >= ‖x‖₂} for a scalar t. */
    public void addSoc(AffineTensor t, AffineTensor x) {
        addBlock(ConeKind.SOC, AffineTensor.concat(t, x), 0, null);
    }

    /**
     * {@code (xᵢ, yᵢ, zᵢ) ∈ K_exp} for every i, i.e. {@code yᵢ·exp(xᵢ/yᵢ) ≤ zᵢ} (the solver's convention,
     * {@link org.cvxlayers.solvers.cones.ExponentialCone}); x, y, z of equal size, or size 1 (broadcast).
     */
    public void addExp(AffineTensor x, AffineTensor y, AffineTensor z) {
        int n = Math.max(x.size(), Math.max(y.size(), z.size()));
        addBlock(ConeKind.EXP, interleave(n, x, y, z), 0, null);
    }

    /**
     * {@code (xᵢ, yᵢ, zᵢ) ∈ K_pow(α)}, i.e. {@code xᵢ^α·yᵢ^(1−α) ≥ |zᵢ|} (one 3-D power cone per i); sizes as in
     * {@link #addExp}.
     */
    public void addPower(AffineTensor x, AffineTensor y, AffineTensor z, double alpha) {
        int n = Math.max(x.size(), Math.max(y.size(), z.size()));
        for (int i = 0; i < n; i++) {
            AffineTensor xi = x.size() == 1 ? x : x.entry(i);
            AffineTensor yi = y.size() == 1 ? y : y.entry(i);
            AffineTensor zi = z.size() == 1 ? z : z.entry(i);
            addBlock(ConeKind.POWER, AffineTensor.concat(xi, yi, zi), alpha, null);
        }
    }

    /** Rows 3i, 3i+1, 3i+2 hold entry i of x, y and z (a size-1 tensor is repeated). */
    private static AffineTensor interleave(int n, AffineTensor... parts) {
        int entries = 0;
        for (AffineTensor p : parts) {
            if (p.size() != n && p.size() != 1) {
                throw new IllegalArgumentException("cone triple of sizes " + parts[0].size() + ", " + parts[1].size()
                        + ", " + parts[2].size());
            }
            entries += p.size() == 1 ? n * p.count() : p.count();
        }
        AffineTensor t = new AffineTensor(3 * n, entries);
        for (int j = 0; j < 3; j++) {
            AffineTensor p = parts[j];
            if (p.size() == 1) {
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < p.count(); k++) {
                        t.add(3 * i + j, p.col(k), p.par(k), p.val(k));
                    }
                }
            } else {
                for (int k = 0; k < p.count(); k++) {
                    t.add(3 * p.row(k) + j, p.col(k), p.par(k), p.val(k));
                }
            }
        }
        return t;
    }

    /** A cone block; {@code owner} is the user constraint whose dual these rows carry (or null). */
    public void addBlock(ConeKind kind, AffineTensor s, double order, Object owner) {
        if (s.size() == 0 && owner == null) {
            return;
        }
        blocks.add(new ConeBlock(kind, s, order, owner));
    }

    /** {@code svec((E + Eᵀ)/2) ∈ PSD} for a column-major n×n tensor E. */
    public void addPsd(AffineTensor e, int n, Object owner) {
        int dim = n * (n + 1) / 2;
        AffineTensor t = new AffineTensor(dim, 2 * e.count());
        double half = Math.sqrt(2.0) / 2.0;
        for (int k = 0; k < e.count(); k++) {
            int i = e.row(k) % n;
            int j = e.row(k) / n;
            double w = i == j ? 1.0 : half; // √2 · ½ (E_ij + E_ji) on off-diagonals
            t.add(PsdCone.svecIndex(i, j), e.col(k), e.par(k), w * e.val(k));
        }
        addBlock(ConeKind.PSD, t, n, owner);
    }

    /**
     * Columns of x holding the entries of {@code t}: t's own columns when it is a plain selection of distinct
     * variables, else a new auxiliary variable v with the constraint {@code v == t}. Quadratic objective terms
     * use this so that P stays constant or affine in θ (as CVXPY's QP path does).
     */
    public int[] asColumns(AffineTensor t) {
        int[] cols = t.pureColumns();
        if (cols != null) {
            return cols;
        }
        AffineTensor v = newVariable(t.size());
        addZero(v.minus(t));
        return v.pureColumns();
    }

    /** The quadratic objective terms (P's entries). */
    public QuadraticTerms quadratic() {
        return quadratic;
    }

    private void addAttributeConstraints(Variable v, AffineTensor x) {
        Attributes a = v.attributes();
        Shape s = v.shape();
        if (a.nonneg() || a.pos()) {
            addNonneg(x);
        }
        if (a.nonpos() || a.neg()) {
            addNonneg(x.scale(-1.0));
        }
        if (a.needsSymmetric()) {
            int n = s.rows();
            List<Integer> upper = new ArrayList<>();
            List<Integer> lower = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < j; i++) {
                    upper.add(i + n * j);
                    lower.add(j + n * i);
                }
            }
            if (!upper.isEmpty()) {
                addZero(x.select(toArray(upper)).minus(x.select(toArray(lower))));
            }
            if (a.psd()) {
                addPsd(x, n, null);
            }
            if (a.nsd()) {
                addPsd(x.scale(-1.0), n, null);
            }
        }
    }

    private static int[] toArray(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    int numVariables() {
        return nVars;
    }

    int numTheta() {
        return nTheta;
    }

    Map<Variable, Integer> variableOffsets() {
        return variableOffsets;
    }

    Map<Parameter, Integer> parameterOffsets() {
        return parameterOffsets;
    }

    List<ConeBlock> blocks() {
        return blocks;
    }

    /** Whether parameters are replaced by their current values. */
    public boolean parametersAsConstants() {
        return parametersAsConstants;
    }
}
