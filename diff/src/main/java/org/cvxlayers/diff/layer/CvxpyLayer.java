package org.cvxlayers.diff.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.canon.ParametricConeProgram;
import org.cvxlayers.core.constraints.Constraint;
import org.cvxlayers.core.expr.Attributes;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;
import org.cvxlayers.diff.conic.SolutionMapStructure;
import org.cvxlayers.diff.conic.SolutionRefinement;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.ipm.SolveStatus;
import org.cvxlayers.solvers.ipm.SolverStructure;

/**
 * A differentiable convex optimization layer, as cvxpylayers' {@code CvxpyLayer}: it maps parameter values
 * to the solution of a DPP {@link Problem} (chosen variables and constraint duals) and differentiates that
 * map.
 *
 * <pre>{@code
 * CvxpyLayer layer = CvxpyLayer.builder(problem).parameters(A, b).variables(x).build();
 * LayerResult r = layer.forward(Tensor.matrix(a), Tensor.vector(bv));   // or batched: [B, m, n], [B, m]
 * Tensor xStar = r.output(0);                                            // shape [n]
 * List<Tensor> grads = r.backward(Tensor.vector(1.0, 1.0));              // d sum(x)/dA, d sum(x)/db (n = 2)
 * }</pre>
 *
 * <p><b>Construction.</b> The problem is checked (DCP, DPP) and compiled once into a
 * {@link ParametricConeProgram}; the layer's parameter list must be exactly the problem's parameters (in the
 * order the values will be passed), the outputs a subset of its variables and constraints.
 *
 * <p><b>Geometric programs.</b> With {@code gp = true} the problem must be DGP; it is compiled in log space
 * ({@link Problem#compile(boolean)}: θ = log of the parameter values, x = log of the variables), as
 * cvxpylayers does. Every parameter value must then be positive; outputs are the variables' values
 * (exp of the log-space solution), and backward / jvp work with respect to the parameter values through the
 * chain rules dL/dv = dL/dlog v ÷ v and d value = value ⊙ d log value. Dual outputs of a gp layer are the
 * duals of the log-space constraints ({@code log lhs ≤ log rhs}), as core reports them.
 *
 * <p><b>Values.</b> {@link Tensor}s, row-major. A parameter of shape {@code s} takes a tensor of shape
 * {@code s} or {@code [B] + s} (a batch); unbatched values broadcast over the batch, all batched values must
 * have one batch size B, and B = 1 keeps its dimension. Outputs are batched exactly when some input is.
 *
 * <p><b>Execution.</b> Batch elements are solved in parallel, by the calling thread plus helper tasks on
 * the layer's executor (default: {@link ForkJoinPool#commonPool()} with parallelism = number of cores). All
 * elements share the compiled program, one {@link SolverStructure} (the interior-point solver's symbolic
 * analysis) and one {@link SolutionMapStructure} (the derivative's); each thread borrows its own numeric
 * workspace. A batch element's result does not depend on the thread count. A layer is immutable apart from
 * its workspace pool and can be called from many threads at once; each call returns its own
 * {@link LayerResult}, which holds what {@code backward}/{@code jvp} need (like an autograd context).
 *
 * <p>Warm starts are not offered: the interior-point solver starts every solve from its own initial point.
 */
public final class CvxpyLayer {
    private final ParametricConeProgram program;
    private final boolean gp;
    private final List<Parameter> parameters;
    private final int[] thetaOffsets;
    private final List<LayerOutput> outputs;
    private final int[][] variableColumns; // per output: columns of x (variable outputs), else null
    private final DualMap[] dualMaps;      // per output: dual map (dual outputs), else null
    private final LayerSettings defaults;
    private final Executor executor;
    private final int parallelism;
    private final SolverPool pool;
    private volatile SolutionMapStructure diffStructure;

    private CvxpyLayer(Builder b) {
        Problem problem = b.problem;
        List<Parameter> problemParams = problem.parameters();
        this.parameters = checkParameters(b.parameters, problemParams);
        this.outputs = checkOutputs(b.outputs, problem);
        this.gp = b.gp;
        this.program = problem.compile(b.gp);
        this.thetaOffsets = new int[parameters.size()];
        for (int k = 0; k < parameters.size(); k++) {
            thetaOffsets[k] = program.parameterOffset(parameters.get(k));
        }
        this.variableColumns = new int[outputs.size()][];
        this.dualMaps = new DualMap[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
            LayerOutput out = outputs.get(o);
            if (out instanceof LayerOutput.VariableOutput v) {
                variableColumns[o] = program.variableIndices(v.variable());
            } else if (out instanceof LayerOutput.DualOutput d) {
                ParametricConeProgram.Rows rows = program.constraintRows(d.constraint());
                dualMaps[o] = new DualMap(d.constraint(), rows.offset(), rows.length());
            }
        }
        this.defaults = b.settings;
        this.executor = b.executor != null ? b.executor : ForkJoinPool.commonPool();
        this.parallelism = b.parallelism > 0 ? b.parallelism : Runtime.getRuntime().availableProcessors();
        ConeProgram pattern = program.instantiate(new double[program.thetaSize()]);
        this.pool = new SolverPool(new SolverStructure(pattern));
    }

    private static List<Parameter> checkParameters(List<Parameter> given, List<Parameter> problemParams) {
        if (given == null) {
            throw new IllegalArgumentException("the layer's parameter list must not be null (pass the problem's "
                    + "parameters " + names(problemParams) + ")");
        }
        for (int k = 0; k < given.size(); k++) {
            Parameter p = given.get(k);
            if (p == null) {
                throw new IllegalArgumentException("parameter " + k + " of the layer's parameter list is null");
            }
            for (int j = 0; j < k; j++) {
                if (given.get(j) == p) {
                    throw new IllegalArgumentException("parameter '" + p.name() + "' appears twice in the layer's "
                            + "parameter list (positions " + j + " and " + k + ")");
                }
            }
            if (problemParams.stream().noneMatch(q -> q == p)) {
                throw new IllegalArgumentException("the layer's parameters must exactly match the problem's "
                        + "parameters " + names(problemParams) + ", but '" + p.name() + "' is not a parameter of "
                        + "the problem");
            }
        }
        for (Parameter q : problemParams) {
            if (given.stream().noneMatch(p -> p == q)) {
                throw new IllegalArgumentException("the layer's parameters must exactly match the problem's "
                        + "parameters " + names(problemParams) + ", but '" + q.name() + "' is missing");
            }
        }
        return List.copyOf(given);
    }

    private static List<LayerOutput> checkOutputs(List<LayerOutput> given, Problem problem) {
        List<LayerOutput> outs = new ArrayList<>(given);
        List<Variable> vars = problem.variables();
        if (outs.isEmpty()) {
            for (Variable v : vars) {
                outs.add(LayerOutput.of(v));
            }
        }
        for (LayerOutput o : outs) {
            if (o instanceof LayerOutput.VariableOutput v) {
                if (vars.stream().noneMatch(w -> w == v.variable())) {
                    throw new IllegalArgumentException("the layer's variables must be a subset of the problem's "
                            + "variables, but '" + v.variable().name() + "' does not appear in the problem");
                }
            } else if (o instanceof LayerOutput.DualOutput d) {
                if (problem.constraints().stream().noneMatch(c -> c == d.constraint())) {
                    throw new IllegalArgumentException("dual output: constraint " + d.constraint()
                            + " is not a constraint of the problem");
                }
            }
        }
        return List.copyOf(outs);
    }

    private static String names(List<Parameter> ps) {
        List<String> n = new ArrayList<>();
        for (Parameter p : ps) {
            n.add("'" + p.name() + "'");
        }
        return n.toString();
    }

    /** A builder for a layer over {@code problem}. */
    public static Builder builder(Problem problem) {
        return new Builder(problem);
    }

    /** As cvxpylayers' {@code CvxpyLayer(problem, parameters, variables)}, with default settings. */
    public static CvxpyLayer of(Problem problem, List<Parameter> parameters, List<Variable> variables) {
        return builder(problem).parameters(parameters).variables(variables).build();
    }

    // ------------------------------------------------------------------ accessors

    /** The parameters, in the order their values are passed. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The outputs, in the order they are returned. */
    public List<LayerOutput> outputs() {
        return outputs;
    }

    /** The default settings of a call. */
    public LayerSettings defaultSettings() {
        return defaults;
    }

    /** Maximum number of threads working on one call (the caller included). */
    public int parallelism() {
        return parallelism;
    }

    /** Whether the layer is a geometric-programming layer ({@code gp = true}, compiled in log space). */
    public boolean isGp() {
        return gp;
    }

    /** The compiled program shared by all calls (for gp: the log-space program). */
    public ParametricConeProgram program() {
        return program;
    }

    // ------------------------------------------------------------------ forward

    /** Solves with the default settings; one value per parameter, in {@link #parameters()} order. */
    public LayerResult forward(Tensor... values) {
        return forward(defaults, values);
    }

    /** Solves with the default settings. */
    public LayerResult forward(List<Tensor> values) {
        return forward(defaults, values.toArray(new Tensor[0]));
    }

    /**
     * Solves with the given settings; one value per parameter, in {@link #parameters()} order.
     *
     * @throws IllegalArgumentException if the number of values, a shape or a batch size is wrong, a value is
     *                                  null, not finite or violates the parameter's attributes (or, for
     *                                  gp, is not positive)
     * @throws LayerSolveException      if some element did not solve and the policy is RAISE
     * @throws LayerException           if the solver threw (e.g. a numerical breakdown), naming the element
     */
    public LayerResult forward(LayerSettings settings, Tensor... values) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        Batch batch = batchOf(values, "value", -1);
        checkValues(values, batch);
        int bsz = batch.size;
        ConeProgram[] programs = new ConeProgram[bsz];
        double[][] thetas = new double[bsz][];
        Solution[] solutions = new Solution[bsz];
        boolean[] solved = new boolean[bsz];
        double[][] out = new double[outputs.size()][];
        for (int o = 0; o < outputs.size(); o++) {
            out[o] = new double[bsz * outputs.get(o).shape().size()];
        }
        BatchRunner.run(executor, parallelism, bsz, i -> {
            double[] th = theta(values, batch, i);
            if (gp) {
                for (int j = 0; j < th.length; j++) {
                    th[j] = Math.log(th[j]); // checked positive
                }
            }
            thetas[i] = th;
            ConeProgram cp = program.instantiate(th);
            Solution sol;
            try {
                sol = pool.solve(cp, settings.solver());
            } catch (RuntimeException e) {
                throw new LayerException((batch.batched ? "batch element " + i + ": " : "")
                        + "the solver failed: " + e.getMessage(), e);
            }
            SolveStatus st = sol.status();
            boolean ok = st == SolveStatus.SOLVED || (settings.acceptInaccurate() && st == SolveStatus.ALMOST_SOLVED);
            if (ok && settings.refinementSteps() > 0) {
                SolutionRefinement.Result rr = SolutionRefinement.refine(diffStructure(), cp, sol.x(), sol.y(),
                        sol.s(), settings.refinementSteps(), 0.0);
                sol = new Solution(rr.x(), rr.y(), rr.s(), st, sol.info());
            }
            programs[i] = cp;
            solutions[i] = sol;
            solved[i] = ok;
            for (int o = 0; o < outputs.size(); o++) {
                int size = outputs.get(o).shape().size();
                int off = i * size;
                if (!ok) {
                    Arrays.fill(out[o], off, off + size, Double.NaN);
                } else if (variableColumns[o] != null) {
                    int[] cols = variableColumns[o];
                    for (int k = 0; k < size; k++) {
                        double xk = sol.x()[cols[k]];
                        out[o][off + k] = gp ? Math.exp(xk) : xk;
                    }
                } else {
                    dualMaps[o].apply(sol.y(), out[o], off);
                }
            }
        });
        if (settings.onFailure() == LayerSettings.FailurePolicy.RAISE) {
            List<LayerSolveException.Failure> failures = new ArrayList<>();
            for (int i = 0; i < bsz; i++) {
                if (!solved[i]) {
                    failures.add(new LayerSolveException.Failure(i, solutions[i].status()));
                }
            }
            if (!failures.isEmpty()) {
                throw new LayerSolveException(failures, bsz, batch.batched);
            }
        }
        List<Tensor> tensors = new ArrayList<>();
        for (int o = 0; o < outputs.size(); o++) {
            tensors.add(new Tensor(shapeOf(outputs.get(o).shape(), batch.batched, bsz), out[o]));
        }
        return new LayerResult(this, settings, batch, programs, thetas, solutions, solved, tensors);
    }

    // ------------------------------------------------------------------ package helpers for LayerResult

    /** Batch layout of one call: its size, whether it is batched, and which values carry the batch. */
    record Batch(int size, boolean batched, boolean[] perValue) {
    }

    /**
     * Checks count and shapes of per-parameter tensors and finds the batch size. Forward values
     * ({@code requiredSize = −1}) must all be present; perturbations ({@code requiredSize >= 0}) may be null
     * (zero).
     *
     * @param requiredSize −1 for a forward call; otherwise the batch size of the forward result (0 for an
     *                     unbatched one, in which case batched values are refused)
     */
    Batch batchOf(Tensor[] values, String what, int requiredSize) {
        boolean perturbation = requiredSize >= 0;
        if (values == null || values.length != parameters.size()) {
            throw new IllegalArgumentException("a " + what + " must be given for each of the layer's "
                    + parameters.size() + " parameters " + names(parameters) + "; got "
                    + (values == null ? "null" : values.length));
        }
        boolean[] batched = new boolean[values.length];
        int size = -1;
        int firstBatched = -1;
        for (int k = 0; k < values.length; k++) {
            Parameter p = parameters.get(k);
            Tensor t = values[k];
            if (t == null) {
                if (perturbation) {
                    continue;
                }
                throw new IllegalArgumentException("the " + what + " of parameter '" + p.name() + "' (position " + k
                        + ") is null");
            }
            int[] ps = dims(p.shape());
            int[] ts = t.shapeBuffer();
            if (Arrays.equals(ts, ps)) {
                continue;
            }
            if (ts.length == ps.length + 1 && Arrays.equals(Arrays.copyOfRange(ts, 1, ts.length), ps)) {
                if (perturbation && requiredSize == 0) {
                    throw new IllegalArgumentException("the forward call was unbatched, so the " + what
                            + " of parameter '" + p.name() + "' must have shape " + Arrays.toString(ps) + ", got "
                            + Arrays.toString(ts));
                }
                if (ts[0] == 0) {
                    throw new IllegalArgumentException("the " + what + " of parameter '" + p.name()
                            + "' has an empty batch (shape " + Arrays.toString(ts) + ")");
                }
                batched[k] = true;
                if (size < 0) {
                    size = ts[0];
                    firstBatched = k;
                } else if (ts[0] != size) {
                    throw new IllegalArgumentException("batched " + what + "s must share one batch size, but "
                            + "parameter '" + parameters.get(firstBatched).name() + "' has batch size " + size
                            + " and parameter '" + p.name() + "' has batch size " + ts[0]);
                }
                continue;
            }
            throw new IllegalArgumentException("parameter '" + p.name() + "' has shape " + p.shape() + ", so its "
                    + what + " must have shape " + Arrays.toString(ps) + " or " + batchedShape(ps)
                    + " with a leading batch dimension B; got " + Arrays.toString(ts));
        }
        if (perturbation && requiredSize > 0 && size >= 0 && size != requiredSize) {
            throw new IllegalArgumentException("the forward call had batch size " + requiredSize + " but the "
                    + what + " of parameter '" + parameters.get(firstBatched).name() + "' has batch size " + size);
        }
        if (perturbation) {
            return new Batch(Math.max(requiredSize, 1), requiredSize > 0, batched);
        }
        return new Batch(size < 0 ? 1 : size, size >= 0, batched);
    }

    /** Finite entries, sign attributes and symmetry of every element's value. */
    private void checkValues(Tensor[] values, Batch batch) {
        for (int k = 0; k < values.length; k++) {
            Parameter p = parameters.get(k);
            double[] d = values[k].buffer();
            int size = p.size();
            int elements = batch.perValue[k] ? batch.size : 1;
            Attributes at = p.attributes();
            for (int e = 0; e < elements; e++) {
                int off = e * size;
                for (int q = 0; q < size; q++) {
                    double v = d[off + q];
                    String where = (batch.perValue[k] ? "batch element " + e + ", " : "") + "entry " + q;
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException("value of parameter '" + p.name() + "' is not finite at "
                                + where + ": " + v);
                    }
                    if (gp && !(v > 0)) {
                        throw new IllegalArgumentException("value of parameter '" + p.name() + "' must be positive "
                                + "in a gp layer (it enters through its logarithm), but at " + where + " it is " + v);
                    }
                    if ((at.nonneg() && v < 0) || (at.pos() && v <= 0) || (at.nonpos() && v > 0) || (at.neg() && v >= 0)) {
                        throw new IllegalArgumentException("value of parameter '" + p.name() + "' " + at
                                + " violates its sign attribute at " + where + ": " + v);
                    }
                }
                if (at.needsSymmetric()) {
                    int n = p.shape().rows();
                    for (int i = 0; i < n; i++) {
                        for (int j = i + 1; j < n; j++) {
                            double a = d[off + i * n + j];
                            double b = d[off + j * n + i];
                            if (Math.abs(a - b) > 1e-10 * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)))) {
                                throw new IllegalArgumentException("value of parameter '" + p.name() + "' " + at
                                        + " is not symmetric at (" + i + ", " + j + ")"
                                        + (batch.perValue[k] ? " in batch element " + e : ""));
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The parameter values of batch element i laid out like θ (null perturbations count as zero); for a
     * forward call of a gp layer the caller takes the logarithms.
     */
    double[] theta(Tensor[] values, Batch batch, int i) {
        double[] theta = new double[program.thetaSize()];
        for (int k = 0; k < values.length; k++) {
            if (values[k] == null) {
                continue;
            }
            int size = parameters.get(k).size();
            int off = batch.perValue[k] ? i * size : 0;
            System.arraycopy(values[k].buffer(), off, theta, thetaOffsets[k], size);
        }
        return theta;
    }

    int thetaOffset(int k) {
        return thetaOffsets[k];
    }

    int[] variableColumns(int o) {
        return variableColumns[o];
    }

    DualMap dualMap(int o) {
        return dualMaps[o];
    }

    Executor executor() {
        return executor;
    }

    /** The derivative's symbolic structure, analysed on first use and then shared. */
    SolutionMapStructure diffStructure() {
        SolutionMapStructure s = diffStructure;
        if (s == null) {
            synchronized (this) {
                s = diffStructure;
                if (s == null) {
                    s = SolutionMapStructure.of(program.instantiate(new double[program.thetaSize()]));
                    diffStructure = s;
                }
            }
        }
        return s;
    }

    private static String batchedShape(int[] ps) {
        StringBuilder sb = new StringBuilder("[B");
        for (int d : ps) {
            sb.append(", ").append(d);
        }
        return sb.append(']').toString();
    }

    static int[] dims(Shape s) {
        return switch (s.ndim()) {
            case 0 -> new int[0];
            case 1 -> new int[] {s.rows()};
            default -> new int[] {s.rows(), s.cols()};
        };
    }

    static int[] shapeOf(Shape s, boolean batched, int batchSize) {
        int[] d = dims(s);
        if (!batched) {
            return d;
        }
        int[] out = new int[d.length + 1];
        out[0] = batchSize;
        System.arraycopy(d, 0, out, 1, d.length);
        return out;
    }

    @Override
    public String toString() {
        List<String> outs = new ArrayList<>();
        for (LayerOutput o : outputs) {
            outs.add(o.describe());
        }
        return "CvxpyLayer[parameters " + names(parameters) + ", outputs " + outs + ", " + program + "]";
    }

    // ------------------------------------------------------------------ builder

    /** Builder of a {@link CvxpyLayer}. */
    public static final class Builder {
        private final Problem problem;
        private List<Parameter> parameters;
        private final List<LayerOutput> outputs = new ArrayList<>();
        private boolean gp;
        private LayerSettings settings = LayerSettings.defaults();
        private Executor executor;
        private int parallelism;

        private Builder(Problem problem) {
            if (problem == null) {
                throw new IllegalArgumentException("problem must not be null");
            }
            this.problem = problem;
        }

        /** The parameters, in the order their values will be passed: exactly the problem's parameters. */
        public Builder parameters(Parameter... ps) {
            parameters = ps == null ? null : Arrays.asList(ps);
            return this;
        }

        /** The parameters, in the order their values will be passed: exactly the problem's parameters. */
        public Builder parameters(List<Parameter> ps) {
            parameters = ps == null ? null : new ArrayList<>(ps);
            return this;
        }

        /** Appends variables to the outputs (default when no output is given: all the problem's variables). */
        public Builder variables(Variable... vs) {
            for (Variable v : vs) {
                outputs.add(LayerOutput.of(v));
            }
            return this;
        }

        /** Appends variables to the outputs. */
        public Builder variables(List<Variable> vs) {
            return variables(vs.toArray(new Variable[0]));
        }

        /** Appends the dual values of constraints to the outputs. */
        public Builder duals(Constraint... cs) {
            for (Constraint c : cs) {
                outputs.add(LayerOutput.dualOf(c));
            }
            return this;
        }

        /** Appends outputs. */
        public Builder outputs(LayerOutput... os) {
            outputs.addAll(Arrays.asList(os));
            return this;
        }

        /**
         * Whether the problem is a disciplined geometric program, solved in log space (as cvxpylayers'
         * {@code gp=True}); default false.
         */
        public Builder gp(boolean gp) {
            this.gp = gp;
            return this;
        }

        /** Default settings of the calls. */
        public Builder settings(LayerSettings s) {
            if (s == null) {
                throw new IllegalArgumentException("settings must not be null");
            }
            settings = s;
            return this;
        }

        /** Executor for the helper tasks of batched calls (default: the common fork-join pool). */
        public Builder executor(Executor e) {
            executor = e;
            return this;
        }

        /** Maximum threads per call, the caller included (default: the number of cores; 1 = sequential). */
        public Builder parallelism(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1, got " + n);
            }
            parallelism = n;
            return this;
        }

        /**
         * Compiles the problem and builds the layer.
         *
         * @throws IllegalArgumentException      if the parameters are not exactly the problem's or an output is
         *                                       not part of the problem
         * @throws org.cvxlayers.core.analysis.DcpException if the problem is not DCP ({@code DppException}:
         *                                       not DPP), naming the offending subexpression
         * @throws org.cvxlayers.core.analysis.DgpException if {@code gp} is set and the problem is not DGP
         */
        public CvxpyLayer build() {
            return new CvxpyLayer(this);
        }
    }
}
