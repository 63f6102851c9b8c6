package org.cvxlayers.core.canon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.ParameterValueException;
import org.cvxlayers.core.expr.Variable;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * A DPP problem compiled once: the cone program data is an affine function of the parameters,
 * <pre>
 *   P.values = T_P · [θ; 1],  c = T_c · [θ; 1],  A.values = T_A · [θ; 1],  b = T_b · [θ; 1],  d = t_d · [θ; 1]
 * </pre>
 * with fixed sparsity patterns of P (upper triangle) and A and a fixed cone list. {@link #instantiate}
 * builds the {@link ConeProgram} {@code min ½xᵀPx + cᵀx + d s.t. Ax + s = b, s ∈ K} with five sparse
 * mat-vecs. The tensors are CSC matrices with one row per data entry and one column per entry of θ plus a
 * last column for the constant 1, so gradients map back as {@code dL/dθ = (Tᵀ · dL/d(data))[0 .. nθ)}.
 *
 * <p><b>θ layout.</b> Parameters in {@link #parameters()} order, each contributing its entries row-major
 * starting at {@link #parameterOffset}. <b>x layout.</b> User variables occupy the columns given by
 * {@link #variableIndices} (row-major entry → column of x); auxiliary variables fill the rest.
 * <b>Duals.</b> Each user constraint owns rows {@link #constraintRows} of y (its cone block), mapped to
 * its dual value by the constraint itself.
 *
 * <p><b>DGP ({@link #isGp()}).</b> A log-log convex program compiled with {@code gp = true} is the DCP program
 * of its log change of variables (Agrawal, Diamond &amp; Boyd 2019): θ holds {@code log} of the (positive)
 * parameter values — {@link #theta()} and {@link #theta(List)} take the logarithms — and the columns of a
 * user variable hold {@code log} of its value — {@link #variableValue} takes the exponential. The data is
 * affine in log θ (DPP in log space). A differentiation layer feeds log θ and applies the chain rules
 * {@code dL/dv = dL/dθ · (1/v)} ({@link #thetaGradientToValues}) and {@code d value = value ⊙ dx}
 * ({@link #variableValueAdjoint}, {@link #variableValueDirection}). Constraint rows carry the duals of the
 * log-space constraints ({@code log lhs ≤ log rhs}, {@code log lhs == log rhs}); the objective value of
 * the cone program is {@code log} of the problem's.
 *
 * <p>Maximization problems are compiled as minimization of the negated objective; {@link #objectiveSign()}
 * is −1 then and a modelling-level objective value is {@code objectiveSign · (½xᵀPx + cᵀx + d)}.
 *
 * <p>Instances are immutable and safe to share across threads.
 */
public final class ParametricConeProgram {
    /** Rows of y owned by one user constraint. */
    public record Rows(int offset, int length, ConeKind kind) {
    }

    private final int n;
    private final int m;
    private final List<Cone> cones;
    private final List<Parameter> parameters;
    private final int[] parameterOffsets;
    private final int thetaSize;
    private final CscMatrix pPattern;
    private final CscMatrix aPattern;
    private final CscMatrix tP;
    private final CscMatrix tC;
    private final CscMatrix tA;
    private final CscMatrix tB;
    private final CscMatrix tD;
    private final Map<Variable, int[]> variableIndices;
    private final Map<ConicConstraint, Rows> constraintRows;
    private final double objectiveSign;
    private final boolean gp;

    ParametricConeProgram(int n, int m, List<Cone> cones, List<Parameter> parameters, int[] parameterOffsets,
            int thetaSize, CscMatrix pPattern, CscMatrix aPattern, CscMatrix tP, CscMatrix tC, CscMatrix tA,
            CscMatrix tB, CscMatrix tD, Map<Variable, int[]> variableIndices,
            Map<ConicConstraint, Rows> constraintRows, double objectiveSign) {
        this(n, m, cones, parameters, parameterOffsets, thetaSize, pPattern, aPattern, tP, tC, tA, tB, tD,
                variableIndices, constraintRows, objectiveSign, false);
    }

    ParametricConeProgram(int n, int m, List<Cone> cones, List<Parameter> parameters, int[] parameterOffsets,
            int thetaSize, CscMatrix pPattern, CscMatrix aPattern, CscMatrix tP, CscMatrix tC, CscMatrix tA,
            CscMatrix tB, CscMatrix tD, Map<Variable, int[]> variableIndices,
            Map<ConicConstraint, Rows> constraintRows, double objectiveSign, boolean gp) {
        this.gp = gp;
        this.n = n;
        this.m = m;
        this.cones = List.copyOf(cones);
        this.parameters = List.copyOf(parameters);
        this.parameterOffsets = parameterOffsets;
        this.thetaSize = thetaSize;
        this.pPattern = pPattern;
        this.aPattern = aPattern;
        this.tP = tP;
        this.tC = tC;
        this.tA = tA;
        this.tB = tB;
        this.tD = tD;
        this.variableIndices = Collections.unmodifiableMap(new LinkedHashMap<>(variableIndices));
        this.constraintRows = Collections.unmodifiableMap(new LinkedHashMap<>(constraintRows));
        this.objectiveSign = objectiveSign;
    }

    /** Number of variables of the cone program (user and auxiliary). */
    public int n() {
        return n;
    }

    /** Number of constraint rows. */
    public int m() {
        return m;
    }

    public List<Cone> cones() {
        return cones;
    }

    /** The parameters, in θ order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Offset of parameter {@code p} in θ (its entries follow row-major). */
    public int parameterOffset(Parameter p) {
        int i = indexOf(p);
        return parameterOffsets[i];
    }

    private int indexOf(Parameter p) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == p) {
                return i;
            }
        }
        throw new IllegalArgumentException("parameter '" + p.name() + "' does not appear in this program");
    }

    /** Length of θ. */
    public int thetaSize() {
        return thetaSize;
    }

    /** Pattern of P's upper triangle (values are zeros; the pattern arrays are shared by instantiations). */
    public CscMatrix pPattern() {
        return pPattern;
    }

    /** Pattern of A (values are zeros). */
    public CscMatrix aPattern() {
        return aPattern;
    }

    /** T_P: nnz(P) × (nθ + 1); row k gives the k-th stored value of P (CSC order of {@link #pPattern()}). */
    public CscMatrix tensorP() {
        return tP;
    }

    /** T_c: n × (nθ + 1). */
    public CscMatrix tensorC() {
        return tC;
    }

    /** T_A: nnz(A) × (nθ + 1); row k gives the k-th stored value of A (CSC order of {@link #aPattern()}). */
    public CscMatrix tensorA() {
        return tA;
    }

    /** T_b: m × (nθ + 1). */
    public CscMatrix tensorB() {
        return tB;
    }

    /** t_d: 1 × (nθ + 1), the objective constant. */
    public CscMatrix tensorConstant() {
        return tD;
    }

    /** +1 for a minimization, −1 for a maximization (compiled as minimization of the negation). */
    public double objectiveSign() {
        return objectiveSign;
    }

    /** The variables of the user's problem and, for each, the column of x of every entry (row-major). */
    public Map<Variable, int[]> variableIndices() {
        return variableIndices;
    }

    /** Column of x of each entry (row-major) of variable v. */
    public int[] variableIndices(Variable v) {
        int[] idx = variableIndices.get(v);
        if (idx == null) {
            throw new IllegalArgumentException("variable '" + v.name() + "' does not appear in this program");
        }
        return idx.clone();
    }

    /** Rows of y (and s) owned by each user constraint. */
    public Map<ConicConstraint, Rows> constraintRows() {
        return constraintRows;
    }

    /** Rows of y owned by constraint c. */
    public Rows constraintRows(ConicConstraint c) {
        Rows r = constraintRows.get(c);
        if (r == null) {
            throw new IllegalArgumentException("constraint " + c + " does not belong to this program");
        }
        return r;
    }

    /** θ from the parameters' current values. */
    public double[] theta() {
        double[] theta = new double[thetaSize];
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            if (!p.hasValue()) {
                throw new ParameterValueException("parameter '" + p.name() + "' with shape " + p.shape() + " has no value");
            }
            double[] v = p.rowMajorValue();
            System.arraycopy(gp ? logOf(p, v) : v, 0, theta, parameterOffsets[i], v.length);
        }
        return theta;
    }

    /** θ from explicit values (row-major, one array per parameter in {@link #parameters()} order). */
    public double[] theta(List<double[]> values) {
        if (values.size() != parameters.size()) {
            throw new ParameterValueException("expected " + parameters.size() + " parameter values, got " + values.size());
        }
        double[] theta = new double[thetaSize];
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            double[] v = values.get(i);
            if (v.length != p.size()) {
                throw new ParameterValueException("parameter '" + p.name() + "' has shape " + p.shape() + " ("
                        + p.size() + " entries) but the value has " + v.length + " entries");
            }
            System.arraycopy(gp ? logOf(p, v) : v, 0, theta, parameterOffsets[i], v.length);
        }
        return theta;
    }

    /** Logarithms of a positive parameter value (gp programs). */
    private static double[] logOf(Parameter p, double[] v) {
        double[] out = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            if (!(v[k] > 0)) {
                throw new ParameterValueException("parameter '" + p.name() + "' of a gp program must be positive, but "
                        + "entry " + k + " is " + v[k]);
            }
            out[k] = Math.log(v[k]);
        }
        return out;
    }

    /**
     * Whether this program is the log-space form of a DGP problem (compiled with {@code gp = true}). Then
     * θ holds the <em>logarithms</em> of the parameter values, and the columns of x of a user variable hold
     * the logarithms of its values; see the class comment for the chain rules.
     */
    public boolean isGp() {
        return gp;
    }

    /**
     * dL/d(parameter values) from dL/dθ, laid out like θ: the identity, or for a gp program
     * {@code dL/dθᵢ · exp(−θᵢ)} (since θᵢ = log vᵢ, dθᵢ/dvᵢ = 1/vᵢ).
     */
    public double[] thetaGradientToValues(double[] gradTheta, double[] theta) {
        double[] out = gradTheta.clone();
        if (gp) {
            for (int i = 0; i < out.length; i++) {
                out[i] *= Math.exp(-theta[i]);
            }
        }
        return out;
    }

    /** dθ from a direction dv of the parameter values (laid out like θ): dv itself, or {@code dv / v} for gp. */
    public double[] valueDirectionToTheta(double[] dValues, double[] theta) {
        return thetaGradientToValues(dValues, theta);
    }

    /**
     * dL/d(x entries of v) from dL/d(value of v) (row-major): the identity, or for gp {@code dValue ⊙ exp(x)}
     * (the value is exp of the columns).
     */
    public double[] variableValueAdjoint(Variable v, double[] x, double[] dValue) {
        int[] idx = variableIndices(v);
        double[] out = dValue.clone();
        if (gp) {
            for (int k = 0; k < idx.length; k++) {
                out[k] *= Math.exp(x[idx[k]]);
            }
        }
        return out;
    }

    /** The direction of v's value (row-major) from a direction dx of x: dx on v's columns, times exp(x) for gp. */
    public double[] variableValueDirection(Variable v, double[] x, double[] dx) {
        int[] idx = variableIndices(v);
        double[] out = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = gp ? Math.exp(x[idx[k]]) * dx[idx[k]] : dx[idx[k]];
        }
        return out;
    }

    /** {@code [θ; 1]}. */
    private double[] extended(double[] theta) {
        if (theta.length != thetaSize) {
            throw new ParameterValueException("θ has length " + theta.length + ", expected " + thetaSize);
        }
        double[] z = new double[thetaSize + 1];
        System.arraycopy(theta, 0, z, 0, thetaSize);
        z[thetaSize] = 1.0;
        return z;
    }

    /** Values of P's stored entries at θ. */
    public double[] pValues(double[] theta) {
        return apply(tP, extended(theta));
    }

    /** c at θ. */
    public double[] c(double[] theta) {
        return apply(tC, extended(theta));
    }

    /** Values of A's stored entries at θ. */
    public double[] aValues(double[] theta) {
        return apply(tA, extended(theta));
    }

    /** b at θ. */
    public double[] b(double[] theta) {
        return apply(tB, extended(theta));
    }

    /** Objective constant at θ. */
    public double constant(double[] theta) {
        return apply(tD, extended(theta))[0];
    }

    private static double[] apply(CscMatrix t, double[] z) {
        double[] out = new double[t.rows()];
        t.mulVec(1.0, z, 0.0, out);
        return out;
    }

    /** The cone program at θ: a few sparse mat-vecs, no re-canonicalization. */
    public ConeProgram instantiate(double[] theta) {
        double[] z = extended(theta);
        CscMatrix p = pPattern.withValues(apply(tP, z));
        CscMatrix a = aPattern.withValues(apply(tA, z));
        return new ConeProgram(p, apply(tC, z), a, apply(tB, z), cones, apply(tD, z)[0]);
    }

    /**
     * The adjoint of θ ↦ data: given the gradient of a loss with respect to P's stored values, c, A's stored
     * values, b and the constant, returns {@code dL/dθ = T_Pᵀ dP + T_cᵀ dc + T_Aᵀ dA + T_bᵀ db + t_dᵀ dd}
     * (the entry for the trailing 1 dropped). Null arrays count as zero.
     */
    public double[] thetaGradient(double[] dPValues, double[] dc, double[] dAValues, double[] db, double dConstant) {
        double[] g = new double[thetaSize + 1];
        if (dPValues != null) {
            tP.mulTransVec(1.0, dPValues, 1.0, g);
        }
        if (dc != null) {
            tC.mulTransVec(1.0, dc, 1.0, g);
        }
        if (dAValues != null) {
            tA.mulTransVec(1.0, dAValues, 1.0, g);
        }
        if (db != null) {
            tB.mulTransVec(1.0, db, 1.0, g);
        }
        if (dConstant != 0.0) {
            tD.mulTransVec(dConstant, new double[] {1.0}, 1.0, g);
        }
        return java.util.Arrays.copyOf(g, thetaSize);
    }

    /**
     * The derivative of θ ↦ data in direction dθ (the data is affine, so this is the linear part): returns
     * {dP values, dc, dA values, db, {dd}}.
     */
    public double[][] dataDirection(double[] dTheta) {
        if (dTheta.length != thetaSize) {
            throw new ParameterValueException("dθ has length " + dTheta.length + ", expected " + thetaSize);
        }
        double[] z = java.util.Arrays.copyOf(dTheta, thetaSize + 1); // trailing 0: the constant part drops
        return new double[][] {apply(tP, z), apply(tC, z), apply(tA, z), apply(tB, z), apply(tD, z)};
    }

    /** Splits a vector over θ (e.g. a gradient) into one row-major array per parameter. */
    public Map<Parameter, double[]> splitTheta(double[] vectorOverTheta) {
        if (vectorOverTheta.length != thetaSize) {
            throw new IllegalArgumentException("vector has length " + vectorOverTheta.length + ", expected " + thetaSize);
        }
        Map<Parameter, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            out.put(p, java.util.Arrays.copyOfRange(vectorOverTheta, parameterOffsets[i], parameterOffsets[i] + p.size()));
        }
        return out;
    }

    /** The value of variable v (row-major) from a solution vector x (for gp: exp of its columns). */
    public double[] variableValue(Variable v, double[] x) {
        int[] idx = variableIndices(v);
        double[] out = new double[idx.length];
        for (int k = 0; k < idx.length; k++) {
            out[k] = gp ? Math.exp(x[idx[k]]) : x[idx[k]];
        }
        return out;
    }

    /** The slice of y owned by constraint c. */
    public double[] constraintSlice(ConicConstraint c, double[] y) {
        Rows r = constraintRows(c);
        double[] out = new double[r.length()];
        System.arraycopy(y, r.offset(), out, 0, r.length());
        return out;
    }

    /** A short description: sizes and tensor entry counts. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("n=" + n);
        parts.add("m=" + m);
        parts.add("nθ=" + thetaSize);
        parts.add("nnz(P)=" + pPattern.nnz());
        parts.add("nnz(A)=" + aPattern.nnz());
        parts.add("nnz(T)=" + (tP.nnz() + tC.nnz() + tA.nnz() + tB.nnz() + tD.nnz()));
        return "ParametricConeProgram[" + String.join(", ", parts) + "]";
    }
}
