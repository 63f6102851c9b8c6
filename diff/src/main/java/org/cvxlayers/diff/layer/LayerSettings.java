package org.cvxlayers.diff.layer;

import org.cvxlayers.diff.conic.DiffOptions;
import org.cvxlayers.solvers.ipm.SolverSettings;

/**
 * Settings of one layer call: the interior-point solver's settings (tolerances, iteration and time limits;
 * the time limit applies to each batch element's solve), the derivative's options, what happens when a
 * batch element does not solve, and whether "almost solved" (reduced-accuracy) elements count as solved.
 *
 * <p>A layer has default settings ({@link CvxpyLayer#defaultSettings()}); every call may pass other ones.
 *
 * @param solver           interior-point solver settings
 * @param diff             options of the solution-map derivative used by backward / jvp
 * @param onFailure        {@link FailurePolicy#RAISE} (default): a failed element raises
 *                         {@link LayerSolveException}; {@link FailurePolicy#NAN}: its outputs are NaN and
 *                         its status is reported in {@link LayerResult#statuses()}
 * @param acceptInaccurate whether {@code ALMOST_SOLVED} counts as solved (default false)
 * @param refinementSteps  semismooth Newton steps that polish each solved element's primal–dual point on the
 *                         solution map's residual before it is returned and differentiated (diff's
 *                         {@code SolutionRefinement}); 0 (default) returns the solver's point
 */
public record LayerSettings(SolverSettings solver, DiffOptions diff, FailurePolicy onFailure,
        boolean acceptInaccurate, int refinementSteps) {

    /** What a layer does with a batch element whose solve did not succeed. */
    public enum FailurePolicy {
        /** Throw a {@link LayerSolveException} naming the elements and their statuses. */
        RAISE,
        /** Return NaN outputs for the element and report its status. */
        NAN
    }

    public LayerSettings {
        if (solver == null || diff == null || onFailure == null) {
            throw new IllegalArgumentException("layer settings need solver settings, derivative options and a "
                    + "failure policy (got " + solver + ", " + diff + ", " + onFailure + ")");
        }
        if (refinementSteps < 0) {
            throw new IllegalArgumentException("refinementSteps must be >= 0, got " + refinementSteps);
        }
    }

    /** Solver defaults (tolerances 1e-8), default derivative options, RAISE, inaccurate not accepted. */
    public static LayerSettings defaults() {
        return new LayerSettings(SolverSettings.defaults(), DiffOptions.defaults(), FailurePolicy.RAISE, false, 0);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Mutable builder; the solver shortcuts edit the solver settings in place. */
    public static final class Builder {
        private SolverSettings.Builder solver;
        private DiffOptions diff;
        private FailurePolicy onFailure;
        private boolean acceptInaccurate;
        private int refinementSteps;

        private Builder(LayerSettings s) {
            refinementSteps = s.refinementSteps;
            solver = s.solver.toBuilder();
            diff = s.diff;
            onFailure = s.onFailure;
            acceptInaccurate = s.acceptInaccurate;
        }

        /** Replaces all solver settings. */
        public Builder solver(SolverSettings s) {
            solver = s.toBuilder();
            return this;
        }

        /** Interior-point iteration limit per element. */
        public Builder maxIterations(int n) {
            solver.maxIterations(n);
            return this;
        }

        /** Time limit of each element's solve, in seconds. */
        public Builder timeLimitSeconds(double t) {
            solver.timeLimitSeconds(t);
            return this;
        }

        /** Relative and absolute duality-gap tolerance. */
        public Builder tolGap(double t) {
            solver.tolGapRel(t).tolGapAbs(t);
            return this;
        }

        /** Primal/dual feasibility tolerance. */
        public Builder tolFeas(double t) {
            solver.tolFeas(t);
            return this;
        }

        public Builder diff(DiffOptions d) {
            if (d == null) {
                throw new IllegalArgumentException("derivative options must not be null");
            }
            diff = d;
            return this;
        }

        public Builder onFailure(FailurePolicy p) {
            if (p == null) {
                throw new IllegalArgumentException("failure policy must not be null");
            }
            onFailure = p;
            return this;
        }

        /** Shortcut for {@code onFailure(NAN)} (true) or {@code onFailure(RAISE)} (false). */
        public Builder nanOnFailure(boolean nan) {
            onFailure = nan ? FailurePolicy.NAN : FailurePolicy.RAISE;
            return this;
        }

        public Builder acceptInaccurate(boolean accept) {
            acceptInaccurate = accept;
            return this;
        }

        /** Newton polishing steps per solved element (0 = none). */
        public Builder refinementSteps(int steps) {
            if (steps < 0) {
                throw new IllegalArgumentException("refinementSteps must be >= 0, got " + steps);
            }
            refinementSteps = steps;
            return this;
        }

        public LayerSettings build() {
            return new LayerSettings(solver.build(), diff, onFailure, acceptInaccurate, refinementSteps);
        }
    }
}
