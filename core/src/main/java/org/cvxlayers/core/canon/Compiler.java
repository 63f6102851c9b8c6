package org.cvxlayers.core.canon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.atoms.AddExpression;
import org.cvxlayers.core.atoms.DivExpression;
import org.cvxlayers.core.atoms.MultiplyExpression;
import org.cvxlayers.core.atoms.NegExpression;
import org.cvxlayers.core.atoms.PromoteExpression;
import org.cvxlayers.core.atoms.QuadraticAtom;
import org.cvxlayers.core.atoms.SumExpression;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.ExponentialCone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PowerCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * Canonicalizes a DCP/DPP problem into a {@link ParametricConeProgram}: the objective (quadratic terms to
 * P, the rest affine), then each constraint, then the assembly of the cone blocks into rows
 * (zero, nonnegative, second-order, PSD, … in that order) and of all coefficients into the sparse tensors.
 * Callers check DCP/DPP first; this class assumes a valid problem. The variables of x and the parameters of θ
 * are ordered as given by the caller ({@code Problem} passes their order of first appearance in the problem).
 */
public final class Compiler {
    private Compiler() {
    }

    /**
     * @param objective             scalar objective
     * @param maximize              compile {@code min −objective}
     * @param constraints           user constraints (their blocks own the dual rows)
     * @param parametersAsConstants substitute parameter values (non-DPP fallback; θ is then empty)
     */
    public static ParametricConeProgram compile(Expression objective, boolean maximize,
            List<? extends ConicConstraint> constraints, boolean parametersAsConstants) {
        return compile(objective, maximize, constraints, parametersAsConstants, List.of(), List.of());
    }

    /**
     * As {@link #compile(Expression, boolean, List, boolean)}, registering the given variables and
     * parameters first so that x and θ follow their order (the rest in order of canonicalization).
     */
    public static ParametricConeProgram compile(Expression objective, boolean maximize,
            List<? extends ConicConstraint> constraints, boolean parametersAsConstants, List<Variable> variableOrder,
            List<Parameter> parameterOrder) {
        return compileIn(new CanonContext(parametersAsConstants), objective, maximize, constraints, variableOrder,
                parameterOrder);
    }

    /**
     * Compiles a DGP problem (gp = true) into the parametric cone program of its log-space (DCP) form: the
     * objective becomes {@code log f(exp(u))} through {@link LogSpace}, each constraint canonicalizes its
     * log-space sides, x holds the logs of the user variables and θ the logs of the parameters (see
     * {@link ParametricConeProgram#isGp()}). Callers check the DGP rules first.
     */
    public static ParametricConeProgram compileGp(Expression objective, boolean maximize,
            List<? extends ConicConstraint> constraints, boolean parametersAsConstants, List<Variable> variableOrder,
            List<Parameter> parameterOrder) {
        return compileIn(new CanonContext(parametersAsConstants, new LogSpace()), objective, maximize, constraints,
                variableOrder, parameterOrder);
    }

    /**
     * Registers the given variables and parameters first (so x and θ follow their order), canonicalizes the
     * objective (its log-space form in a gp compilation) and the constraints, and assembles the program.
     */
    private static ParametricConeProgram compileIn(CanonContext ctx, Expression objective, boolean maximize,
            List<? extends ConicConstraint> constraints, List<Variable> variableOrder, List<Parameter> parameterOrder) {
        for (Variable v : variableOrder) {
            ctx.variable(v);
        }
        if (!ctx.parametersAsConstants()) {
            for (Parameter p : parameterOrder) {
                ctx.parameter(p);
            }
        }
        double sign = maximize ? -1.0 : 1.0;
        Expression f = ctx.isLogSpace() ? ctx.logSpace().of(objective) : objective;
        AffineTensor obj = objectiveTerms(ctx, f, AffineTensor.scalar(sign), maximize ? Sign.NONPOS : Sign.NONNEG);
        for (ConicConstraint c : constraints) {
            c.canonicalize(ctx);
        }
        return assemble(ctx, obj, constraints, sign, ctx.isLogSpace());
    }

    /**
     * The objective {@code coef · e} as an affine tensor. Quadratic atoms that appear as terms weighted by a
     * known nonnegative coefficient (numbers, nonnegative parameters) go to P, as in CVXPY's
     * quadratic-objective path; everything else is canonicalized into cones.
     *
     * @param coef        scalar, variable-free tensor (affine in θ)
     * @param sign        what is known of coef's sign
     */
    private static AffineTensor objectiveTerms(CanonContext ctx, Expression e, AffineTensor coef, Sign sign) {
        if (e instanceof AddExpression) {
            AffineTensor sum = AffineTensor.zeros(1);
            for (Expression a : e.args()) {
                sum = sum.plus(objectiveTerms(ctx, a, coef, sign));
            }
            return sum;
        }
        if (e instanceof PromoteExpression) {
            return objectiveTerms(ctx, e.args().get(0), coef, sign);
        }
        if (e instanceof NegExpression) {
            return objectiveTerms(ctx, e.args().get(0), coef.scale(-1.0), sign.negate());
        }
        if ((e instanceof MultiplyExpression || e instanceof DivExpression) && e.size() == 1) {
            Expression l = e.args().get(0);
            Expression r = e.args().get(1);
            boolean div = e instanceof DivExpression;
            if (r.isConstant()) {
                double v = r.evaluate()[0];
                return objectiveTerms(ctx, l, coef.scale(div ? 1.0 / v : v), sign.times(Sign.of(new double[] {v})));
            }
            if (!div && l.isConstant()) {
                double v = l.evaluate()[0];
                return objectiveTerms(ctx, r, coef.scale(v), sign.times(Sign.of(new double[] {v})));
            }
            if (!div && !l.hasVariables() && !coef.hasParameters() && r.hasVariables()) {
                return objectiveTerms(ctx, r, AffineTensor.multiply(coef, ctx.canonicalize(l)),
                        sign.times(l.sign()));
            }
            if (!div && !r.hasVariables() && !coef.hasParameters() && l.hasVariables()) {
                return objectiveTerms(ctx, l, AffineTensor.multiply(coef, ctx.canonicalize(r)),
                        sign.times(r.sign()));
            }
        }
        Expression inner = e instanceof SumExpression s && s.axis() == -1 ? s.args().get(0) : e;
        if (inner instanceof QuadraticAtom q && q.hasQuadraticForm() && sign.isNonneg()) {
            return q.canonicalizeQuadratic(ctx, coef);
        }
        AffineTensor t = ctx.canonicalize(e);
        return AffineTensor.multiply(coef, t.size() == 1 ? t : t.sumAll());
    }

    private static ParametricConeProgram assemble(CanonContext ctx, AffineTensor obj,
            List<? extends ConicConstraint> constraints, double sign, boolean gp) {
        int n = ctx.numVariables();
        int nTheta = ctx.numTheta();
        List<ConeBlock> blocks = new ArrayList<>(ctx.blocks());
        blocks.sort(Comparator.comparingInt(b -> b.kind().ordinal())); // stable

        int entries = 0;
        for (ConeBlock blk : blocks) {
            entries += blk.s().count();
        }
        Triplets a = new Triplets(entries);
        Triplets b = new Triplets(16);
        List<Cone> cones = new ArrayList<>();
        Map<ConicConstraint, ParametricConeProgram.Rows> rows = new LinkedHashMap<>();
        int offset = 0;
        int run = 0; // length of the current zero/nonnegative run
        ConeKind runKind = null;
        for (ConeBlock blk : blocks) {
            AffineTensor s = blk.s();
            // s = F x + g  ⇒  A = −F, b = g
            for (int k = 0; k < s.count(); k++) {
                if (s.col(k) == AffineTensor.CONST) {
                    b.add(offset + s.row(k), 0, s.par(k), s.val(k));
                } else {
                    a.add(offset + s.row(k), s.col(k), s.par(k), -s.val(k));
                }
            }
            if (blk.owner() instanceof ConicConstraint owner) {
                rows.put(owner, new ParametricConeProgram.Rows(offset, s.size(), blk.kind()));
            }
            if (blk.kind() == ConeKind.ZERO || blk.kind() == ConeKind.NONNEG) {
                if (runKind != blk.kind()) {
                    flushRun(cones, runKind, run);
                    runKind = blk.kind();
                    run = 0;
                }
                run += s.size();
            } else {
                flushRun(cones, runKind, run);
                runKind = null;
                run = 0;
                if (s.size() > 0) {
                    switch (blk.kind()) {
                        case SOC -> cones.add(new SecondOrderCone(s.size()));
                        case PSD -> cones.add(new PsdCone((int) blk.order()));
                        case EXP -> {
                            for (int k = 0; k < s.size() / 3; k++) {
                                cones.add(new ExponentialCone());
                            }
                        }
                        case POWER -> cones.add(new PowerCone(blk.order()));
                        default -> throw new IllegalStateException("unexpected cone kind " + blk.kind());
                    }
                }
            }
            offset += s.size();
        }
        flushRun(cones, runKind, run);
        int m = offset;

        Triplets c = new Triplets(obj.count());
        Triplets d = new Triplets(4);
        for (int k = 0; k < obj.count(); k++) {
            if (obj.col(k) == AffineTensor.CONST) {
                d.add(0, 0, obj.par(k), obj.val(k));
            } else {
                c.add(obj.col(k), 0, obj.par(k), obj.val(k));
            }
        }
        Triplets q = ctx.quadratic().entries;

        Pattern pp = Pattern.of(n, n, q.row, q.col, q.count);
        Pattern ap = Pattern.of(m, n, a.row, a.col, a.count);
        CscMatrix tP = tensor(pp.nnz(), nTheta, pp.position, q.par, q.val, q.count);
        CscMatrix tA = tensor(ap.nnz(), nTheta, ap.position, a.par, a.val, a.count);
        CscMatrix tB = tensor(m, nTheta, b.row, b.par, b.val, b.count);
        CscMatrix tC = tensor(n, nTheta, c.row, c.par, c.val, c.count);
        CscMatrix tD = tensor(1, nTheta, d.row, d.par, d.val, d.count);

        List<Parameter> params = new ArrayList<>(ctx.parameterOffsets().keySet());
        int[] paramOffsets = new int[params.size()];
        for (int i = 0; i < params.size(); i++) {
            paramOffsets[i] = ctx.parameterOffsets().get(params.get(i));
        }
        Map<Variable, int[]> varIdx = new LinkedHashMap<>();
        for (Map.Entry<Variable, Integer> en : ctx.variableOffsets().entrySet()) {
            Variable v = en.getKey();
            int[] idx = new int[v.size()];
            for (int k = 0; k < idx.length; k++) {
                idx[k] = en.getValue() + v.shape().rowMajorToColMajor(k);
            }
            varIdx.put(v, idx);
        }
        for (ConicConstraint con : constraints) {
            if (!rows.containsKey(con)) {
                throw new IllegalStateException("constraint " + con + " produced no owned cone block");
            }
        }
        return new ParametricConeProgram(n, m, cones, params, paramOffsets, nTheta, pp.matrix(), ap.matrix(), tP, tC,
                tA, tB, tD, varIdx, rows, sign, gp);
    }

    private static void flushRun(List<Cone> cones, ConeKind kind, int len) {
        if (kind == null || len == 0) {
            return;
        }
        cones.add(kind == ConeKind.ZERO ? new ZeroCone(len) : new NonnegativeCone(len));
    }

    /** A (rows × (nθ+1)) tensor from entries (row, θ index or CONST, value). */
    private static CscMatrix tensor(int rows, int nTheta, int[] row, int[] par, double[] val, int count) {
        int[] col = new int[count];
        for (int k = 0; k < count; k++) {
            col[k] = par[k] == AffineTensor.CONST ? nTheta : par[k];
        }
        return CscMatrix.fromTriplets(rows, nTheta + 1, Arrays.copyOf(row, count), col, Arrays.copyOf(val, count), count);
    }

    /**
     * The union sparsity pattern of coordinate entries and, for each entry, its position in the CSC value
     * array (bucket by column, sort rows within a column).
     */
    private record Pattern(int rows, int cols, int[] colPtr, int[] rowIdx, int[] position) {
        static Pattern of(int rows, int cols, int[] r, int[] c, int count) {
            int[] start = new int[cols + 1];
            for (int k = 0; k < count; k++) {
                start[c[k] + 1]++;
            }
            for (int j = 0; j < cols; j++) {
                start[j + 1] += start[j];
            }
            int[] next = Arrays.copyOf(start, cols);
            long[] keys = new long[count];
            for (int k = 0; k < count; k++) {
                keys[next[c[k]]++] = ((long) r[k] << 32) | k;
            }
            int[] colPtr = new int[cols + 1];
            int[] rowIdx = new int[count];
            int[] position = new int[count];
            int nnz = 0;
            for (int j = 0; j < cols; j++) {
                Arrays.sort(keys, start[j], start[j + 1]);
                colPtr[j] = nnz;
                int prev = -1;
                for (int p = start[j]; p < start[j + 1]; p++) {
                    int row = (int) (keys[p] >>> 32);
                    int idx = (int) keys[p];
                    if (row != prev) {
                        rowIdx[nnz++] = row;
                        prev = row;
                    }
                    position[idx] = nnz - 1;
                }
            }
            colPtr[cols] = nnz;
            return new Pattern(rows, cols, colPtr, Arrays.copyOf(rowIdx, nnz), position);
        }

        int nnz() {
            return colPtr[cols];
        }

        CscMatrix matrix() {
            return new CscMatrix(rows, cols, colPtr, rowIdx, new double[nnz()]);
        }
    }
}
