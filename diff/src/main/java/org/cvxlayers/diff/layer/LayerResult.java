package org.cvxlayers.diff.layer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.cvxlayers.core.canon.ParametricConeProgram;
import org.cvxlayers.diff.conic.DataGradient;
import org.cvxlayers.diff.conic.SolutionDerivative;
import org.cvxlayers.diff.conic.SolutionMapDerivative;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.ipm.SolveInfo;
import org.cvxlayers.solvers.ipm.SolveStatus;

/**
 * The result of one {@link CvxpyLayer#forward} call: the outputs, a status per batch element, and what
 * {@link #backward} (VJP) and {@link #jvp} need — the cone programs and solutions of every element. Like an
 * autograd context it belongs to its call, so several threads can run forward/backward on one layer at once.
 * The solution-map derivative of an element is linearized and factored on the first backward/jvp and reused
 * by later ones. Thread-safe.
 *
 * <p>A failed element (under {@link LayerSettings.FailurePolicy#NAN}) has NaN outputs; its contributions
 * to gradients and perturbations are NaN as well, except that an element whose upstream gradient (or
 * parameter perturbation) is entirely zero contributes zero — so zeroing the upstream gradient of failed
 * elements skips them.
 */
public final class LayerResult {
    private final CvxpyLayer layer;
    private final LayerSettings settings;
    private final CvxpyLayer.Batch batch;
    private final ConeProgram[] programs;
    private final double[][] thetas; // per element: θ of the forward call (for gp: log of the values)
    private final Solution[] solutions;
    private final boolean[] solved;
    private final List<Tensor> outputs;
    private final SolutionMapDerivative[] derivatives;
    private final Object[] locks;

    LayerResult(CvxpyLayer layer, LayerSettings settings, CvxpyLayer.Batch batch, ConeProgram[] programs,
            double[][] thetas, Solution[] solutions, boolean[] solved, List<Tensor> outputs) {
        this.layer = layer;
        this.settings = settings;
        this.batch = batch;
        this.programs = programs;
        this.thetas = thetas;
        this.solutions = solutions;
        this.solved = solved;
        this.outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
        this.derivatives = new SolutionMapDerivative[batch.size()];
        this.locks = new Object[batch.size()];
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** The outputs in the layer's output order; shape {@code [B] + shape} when batched. */
    public List<Tensor> outputs() {
        return outputs;
    }

    /** Output {@code o}. */
    public Tensor output(int o) {
        return outputs.get(o);
    }

    /** Number of batch elements (1 for an unbatched call). */
    public int batchSize() {
        return batch.size();
    }

    /** Whether the call was batched (some value had a leading batch dimension). */
    public boolean isBatched() {
        return batch.batched();
    }

    /** The settings the call used. */
    public LayerSettings settings() {
        return settings;
    }

    /** The solver status of each batch element. */
    public List<SolveStatus> statuses() {
        List<SolveStatus> s = new ArrayList<>();
        for (Solution sol : solutions) {
            s.add(sol.status());
        }
        return s;
    }

    /** The solver status of batch element i. */
    public SolveStatus status(int i) {
        return solutions[i].status();
    }

    /** Whether element i counts as solved (SOLVED, or ALMOST_SOLVED when inaccurate results are accepted). */
    public boolean isSolved(int i) {
        return solved[i];
    }

    /** Whether every element counts as solved. */
    public boolean allSolved() {
        for (boolean b : solved) {
            if (!b) {
                return false;
            }
        }
        return true;
    }

    /** The solver's statistics of element i (iterations, residuals, times). */
    public SolveInfo solveInfo(int i) {
        return solutions[i].info();
    }

    /**
     * Number of cone blocks (orthant: entries) of element i at a kink of the projection, where backward/jvp use
     * one element of the generalized Jacobian (as diffcp); −1 if element i has not been differentiated yet.
     */
    public int nonDifferentiableCount(int i) {
        synchronized (locks[i]) {
            return derivatives[i] == null ? -1 : derivatives[i].nonDifferentiableCount();
        }
    }

    // ------------------------------------------------------------------ backward (VJP)

    /**
     * Gradients of a scalar loss with respect to the parameters, given the loss's gradients with respect to
     * the outputs (one per output, in its shape; null means zero). Each parameter's gradient has the shape
     * its value had in the forward call: a batched value gets one gradient per element, a broadcast one the
     * sum over the batch (summed in element order, so the result does not depend on the thread count).
     *
     * @throws IllegalArgumentException if the number or a shape of the gradients is wrong
     * @throws LayerException           if the derivative of some element cannot be computed
     */
    public List<Tensor> backward(Tensor... gradOutputs) {
        List<LayerOutput> outs = layer.outputs();
        if (gradOutputs == null || gradOutputs.length != outs.size()) {
            throw new IllegalArgumentException("backward needs one gradient per output (" + outs.size()
                    + "), got " + (gradOutputs == null ? "null" : gradOutputs.length));
        }
        for (int o = 0; o < outs.size(); o++) {
            Tensor g = gradOutputs[o];
            if (g != null && !Arrays.equals(g.shapeBuffer(), outputs.get(o).shapeBuffer())) {
                throw new IllegalArgumentException("the gradient of output " + o + " (" + outs.get(o).describe()
                        + ") must have the output's shape " + Arrays.toString(outputs.get(o).shapeBuffer())
                        + ", got " + Arrays.toString(g.shapeBuffer()));
            }
        }
        ParametricConeProgram program = layer.program();
        boolean gp = layer.isGp();
        int n = program.n();
        int m = program.m();
        int bsz = batch.size();
        double[][] gTheta = new double[bsz][];
        BatchRunner.run(layer.executor(), layer.parallelism(), bsz, i -> {
            double[] gx = new double[n];
            double[] gy = new double[m];
            boolean any = false;
            boolean anyDual = false;
            for (int o = 0; o < outs.size(); o++) {
                Tensor g = gradOutputs[o];
                if (g == null) {
                    continue;
                }
                double[] gd = g.buffer();
                int size = outs.get(o).shape().size();
                int off = i * size;
                for (int k = 0; k < size; k++) {
                    if (gd[off + k] != 0.0) {
                        any = true;
                        break;
                    }
                }
                int[] cols = layer.variableColumns(o);
                if (cols != null) {
                    double[] x = gp && solved[i] ? solutions[i].x() : null;
                    for (int k = 0; k < size; k++) {
                        // gp: the output is exp(x), so dL/dx = dL/dvalue · value
                        gx[cols[k]] += x != null ? gd[off + k] * Math.exp(x[cols[k]]) : gd[off + k];
                    }
                } else {
                    layer.dualMap(o).applyTransposeAdd(gd, off, gy);
                    anyDual = true;
                }
            }
            if (!any) {
                return; // zero contribution
            }
            if (!solved[i]) {
                double[] nan = new double[program.thetaSize()];
                Arrays.fill(nan, Double.NaN);
                gTheta[i] = nan;
                return;
            }
            DataGradient dg;
            synchronized (locks[i]) {
                dg = derivative(i).adjoint(gx, anyDual ? gy : null, null);
            }
            double[] gt = program.thetaGradient(dg.pValues(), dg.c(), dg.aValues(), dg.b(), 0.0);
            gTheta[i] = program.thetaGradientToValues(gt, thetas[i]); // gp: dL/dv = dL/dlog v ÷ v
        });
        List<Tensor> grads = new ArrayList<>();
        for (int k = 0; k < layer.parameters().size(); k++) {
            int size = layer.parameters().get(k).size();
            int off = layer.thetaOffset(k);
            int[] pshape = CvxpyLayer.dims(layer.parameters().get(k).shape());
            if (batch.perValue()[k]) {
                double[] d = new double[bsz * size];
                for (int i = 0; i < bsz; i++) {
                    if (gTheta[i] != null) {
                        System.arraycopy(gTheta[i], off, d, i * size, size);
                    }
                }
                grads.add(new Tensor(CvxpyLayer.shapeOf(layer.parameters().get(k).shape(), true, bsz), d));
            } else {
                double[] d = new double[size];
                for (int i = 0; i < bsz; i++) {
                    if (gTheta[i] != null) {
                        for (int q = 0; q < size; q++) {
                            d[q] += gTheta[i][off + q];
                        }
                    }
                }
                grads.add(new Tensor(pshape, d));
            }
        }
        return grads;
    }

    // ------------------------------------------------------------------ jvp

    /**
     * First-order change of the outputs for a change of the parameters: one perturbation per parameter (null
     * means zero), in the parameter's shape (applied to every element) or, for a batched call, with the
     * call's leading batch dimension. The result has the outputs' shapes.
     *
     * @throws IllegalArgumentException if the number, a shape or the batch size of the perturbations is wrong
     * @throws LayerException           if the derivative of some element cannot be computed
     */
    public List<Tensor> jvp(Tensor... dParams) {
        CvxpyLayer.Batch db = layer.batchOf(dParams, "perturbation", batch.batched() ? batch.size() : 0);
        for (int k = 0; k < dParams.length; k++) {
            if (dParams[k] == null) {
                continue;
            }
            for (double v : dParams[k].buffer()) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("perturbation of parameter '" + layer.parameters().get(k).name()
                            + "' has a non-finite entry " + v);
                }
            }
        }
        ParametricConeProgram program = layer.program();
        boolean gp = layer.isGp();
        List<LayerOutput> outs = layer.outputs();
        int bsz = batch.size();
        double[][] res = new double[outs.size()][];
        for (int o = 0; o < outs.size(); o++) {
            res[o] = new double[bsz * outs.get(o).shape().size()];
        }
        BatchRunner.run(layer.executor(), layer.parallelism(), bsz, i -> {
            double[] dTheta = layer.theta(dParams, db, i);
            if (gp) {
                dTheta = program.valueDirectionToTheta(dTheta, thetas[i]); // d log v = dv ÷ v
            }
            boolean any = false;
            for (double v : dTheta) {
                if (v != 0.0) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return;
            }
            if (!solved[i]) {
                for (int o = 0; o < outs.size(); o++) {
                    int size = outs.get(o).shape().size();
                    Arrays.fill(res[o], i * size, (i + 1) * size, Double.NaN);
                }
                return;
            }
            double[][] d = program.dataDirection(dTheta);
            SolutionDerivative sd;
            synchronized (locks[i]) {
                sd = derivative(i).derivative(d[0], d[2], d[3], d[1]);
            }
            for (int o = 0; o < outs.size(); o++) {
                int size = outs.get(o).shape().size();
                int[] cols = layer.variableColumns(o);
                if (cols != null) {
                    double[] x = solutions[i].x();
                    for (int k = 0; k < size; k++) {
                        double dx = sd.dx()[cols[k]];
                        res[o][i * size + k] = gp ? Math.exp(x[cols[k]]) * dx : dx;
                    }
                } else {
                    layer.dualMap(o).apply(sd.dy(), res[o], i * size);
                }
            }
        });
        List<Tensor> out = new ArrayList<>();
        for (int o = 0; o < outs.size(); o++) {
            out.add(new Tensor(outputs.get(o).shapeBuffer(), res[o]));
        }
        return out;
    }

    /** The linearized solution map of element i (caller holds locks[i]). */
    private SolutionMapDerivative derivative(int i) {
        SolutionMapDerivative d = derivatives[i];
        if (d == null) {
            Solution s = solutions[i];
            try {
                d = new SolutionMapDerivative(layer.diffStructure(), programs[i], s.x(), s.y(), s.s(), settings.diff());
            } catch (RuntimeException e) {
                throw new LayerException((batch.batched() ? "batch element " + i + ": " : "")
                        + "the solution map could not be differentiated: " + e.getMessage(), e);
            }
            derivatives[i] = d;
        }
        return d;
    }
}
