package org.cvxlayers.solvers.ipm;

/**
 * Settings of the interior-point solver, immutable; build with {@link #builder()}. Defaults follow
 * Clarabel's (tolerances 1e-8, reduced tolerances for the "almost" statuses), except that iterative
 * refinement may take up to 30 steps (Clarabel: 10; a step is still taken only while it gains 10 %) — CBLIB
 * sched_50_50_orig needs more than 10 to reach 1e-8 — and the combined Newton directions are refined as well
 * ({@code directionRefinementMaxSteps}).
 */
public record SolverSettings(
        int maxIterations,
        double timeLimitSeconds,
        double tolGapAbs,
        double tolGapRel,
        double tolFeas,
        double tolInfeasAbs,
        double tolInfeasRel,
        double tolKtRatio,
        double reducedTolGapAbs,
        double reducedTolGapRel,
        double reducedTolFeas,
        double reducedTolInfeasAbs,
        double reducedTolInfeasRel,
        double reducedTolKtRatio,
        double maxStepFraction,
        boolean equilibrate,
        int equilibrateMaxIterations,
        double equilibrateMinScaling,
        double equilibrateMaxScaling,
        double staticRegularizationConstant,
        double staticRegularizationProportional,
        double dynamicRegularizationEps,
        double dynamicRegularizationDelta,
        int iterativeRefinementMaxSteps,
        double iterativeRefinementRelTol,
        double iterativeRefinementAbsTol,
        int directionRefinementMaxSteps,
        boolean verbose) {

    /** The default settings. */
    public static SolverSettings defaults() {
        return builder().build();
    }

    /** A builder initialised with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised with these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxIterations = maxIterations;
        b.timeLimitSeconds = timeLimitSeconds;
        b.tolGapAbs = tolGapAbs;
        b.tolGapRel = tolGapRel;
        b.tolFeas = tolFeas;
        b.tolInfeasAbs = tolInfeasAbs;
        b.tolInfeasRel = tolInfeasRel;
        b.tolKtRatio = tolKtRatio;
        b.reducedTolGapAbs = reducedTolGapAbs;
        b.reducedTolGapRel = reducedTolGapRel;
        b.reducedTolFeas = reducedTolFeas;
        b.reducedTolInfeasAbs = reducedTolInfeasAbs;
        b.reducedTolInfeasRel = reducedTolInfeasRel;
        b.reducedTolKtRatio = reducedTolKtRatio;
        b.maxStepFraction = maxStepFraction;
        b.equilibrate = equilibrate;
        b.equilibrateMaxIterations = equilibrateMaxIterations;
        b.equilibrateMinScaling = equilibrateMinScaling;
        b.equilibrateMaxScaling = equilibrateMaxScaling;
        b.staticRegularizationConstant = staticRegularizationConstant;
        b.staticRegularizationProportional = staticRegularizationProportional;
        b.dynamicRegularizationEps = dynamicRegularizationEps;
        b.dynamicRegularizationDelta = dynamicRegularizationDelta;
        b.iterativeRefinementMaxSteps = iterativeRefinementMaxSteps;
        b.iterativeRefinementRelTol = iterativeRefinementRelTol;
        b.iterativeRefinementAbsTol = iterativeRefinementAbsTol;
        b.directionRefinementMaxSteps = directionRefinementMaxSteps;
        b.verbose = verbose;
        return b;
    }

    /** Mutable builder of {@link SolverSettings}. */
    public static final class Builder {
        private int maxIterations = 200;
        private double timeLimitSeconds = Double.POSITIVE_INFINITY;
        private double tolGapAbs = 1e-8;
        private double tolGapRel = 1e-8;
        private double tolFeas = 1e-8;
        private double tolInfeasAbs = 1e-8;
        private double tolInfeasRel = 1e-8;
        private double tolKtRatio = 1e-6;
        private double reducedTolGapAbs = 5e-5;
        private double reducedTolGapRel = 5e-5;
        private double reducedTolFeas = 1e-4;
        private double reducedTolInfeasAbs = 5e-5;
        private double reducedTolInfeasRel = 5e-5;
        private double reducedTolKtRatio = 1e-4;
        private double maxStepFraction = 0.99;
        private boolean equilibrate = true;
        private int equilibrateMaxIterations = 10;
        private double equilibrateMinScaling = 1e-4;
        private double equilibrateMaxScaling = 1e4;
        private double staticRegularizationConstant = 1e-8;
        private double staticRegularizationProportional = 4.9e-32; // eps²
        private double dynamicRegularizationEps = 1e-13;
        private double dynamicRegularizationDelta = 2e-7;
        private int iterativeRefinementMaxSteps = 30;
        private double iterativeRefinementRelTol = 1e-13;
        private double iterativeRefinementAbsTol = 1e-12;
        private int directionRefinementMaxSteps = 10;
        private boolean verbose = false;

        private Builder() {
        }

        public Builder maxIterations(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("maxIterations must be >= 0, got " + v);
            }
            maxIterations = v;
            return this;
        }

        public Builder timeLimitSeconds(double v) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("timeLimitSeconds must be > 0, got " + v);
            }
            timeLimitSeconds = v;
            return this;
        }

        public Builder tolGapAbs(double v) {
            tolGapAbs = positive("tolGapAbs", v);
            return this;
        }

        public Builder tolGapRel(double v) {
            tolGapRel = positive("tolGapRel", v);
            return this;
        }

        public Builder tolFeas(double v) {
            tolFeas = positive("tolFeas", v);
            return this;
        }

        public Builder tolInfeasAbs(double v) {
            tolInfeasAbs = positive("tolInfeasAbs", v);
            return this;
        }

        public Builder tolInfeasRel(double v) {
            tolInfeasRel = positive("tolInfeasRel", v);
            return this;
        }

        public Builder tolKtRatio(double v) {
            tolKtRatio = positive("tolKtRatio", v);
            return this;
        }

        public Builder reducedTolGapAbs(double v) {
            reducedTolGapAbs = positive("reducedTolGapAbs", v);
            return this;
        }

        public Builder reducedTolGapRel(double v) {
            reducedTolGapRel = positive("reducedTolGapRel", v);
            return this;
        }

        public Builder reducedTolFeas(double v) {
            reducedTolFeas = positive("reducedTolFeas", v);
            return this;
        }

        public Builder reducedTolInfeasAbs(double v) {
            reducedTolInfeasAbs = positive("reducedTolInfeasAbs", v);
            return this;
        }

        public Builder reducedTolInfeasRel(double v) {
            reducedTolInfeasRel = positive("reducedTolInfeasRel", v);
            return this;
        }

        public Builder reducedTolKtRatio(double v) {
            reducedTolKtRatio = positive("reducedTolKtRatio", v);
            return this;
        }

        public Builder maxStepFraction(double v) {
            if (!(v > 0 && v < 1)) {
                throw new IllegalArgumentException("maxStepFraction must lie in (0, 1), got " + v);
            }
            maxStepFraction = v;
            return this;
        }

        public Builder equilibrate(boolean v) {
            equilibrate = v;
            return this;
        }

        public Builder equilibrateMaxIterations(int v) {
            equilibrateMaxIterations = v;
            return this;
        }

        public Builder equilibrateMinScaling(double v) {
            equilibrateMinScaling = positive("equilibrateMinScaling", v);
            return this;
        }

        public Builder equilibrateMaxScaling(double v) {
            equilibrateMaxScaling = positive("equilibrateMaxScaling", v);
            return this;
        }

        public Builder staticRegularizationConstant(double v) {
            staticRegularizationConstant = v;
            return this;
        }

        public Builder staticRegularizationProportional(double v) {
            staticRegularizationProportional = v;
            return this;
        }

        public Builder dynamicRegularizationEps(double v) {
            dynamicRegularizationEps = v;
            return this;
        }

        public Builder dynamicRegularizationDelta(double v) {
            dynamicRegularizationDelta = v;
            return this;
        }

        public Builder iterativeRefinementMaxSteps(int v) {
            iterativeRefinementMaxSteps = v;
            return this;
        }

        public Builder iterativeRefinementRelTol(double v) {
            iterativeRefinementRelTol = v;
            return this;
        }

        public Builder iterativeRefinementAbsTol(double v) {
            iterativeRefinementAbsTol = v;
            return this;
        }

        /**
         * Refinement steps of each combined Newton direction against its own KKT system (0 disables; beyond
         * Clarabel, see {@code InteriorPointSolver}).
         */
        public Builder directionRefinementMaxSteps(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("directionRefinementMaxSteps must be >= 0, got " + v);
            }
            directionRefinementMaxSteps = v;
            return this;
        }

        public Builder verbose(boolean v) {
            verbose = v;
            return this;
        }

        private static double positive(String name, double v) {
            if (!(v > 0)) {
                throw new IllegalArgumentException(name + " must be > 0, got " + v);
            }
            return v;
        }

        public SolverSettings build() {
            return new SolverSettings(maxIterations, timeLimitSeconds, tolGapAbs, tolGapRel, tolFeas, tolInfeasAbs,
                    tolInfeasRel, tolKtRatio, reducedTolGapAbs, reducedTolGapRel, reducedTolFeas, reducedTolInfeasAbs,
                    reducedTolInfeasRel, reducedTolKtRatio, maxStepFraction, equilibrate, equilibrateMaxIterations,
                    equilibrateMinScaling, equilibrateMaxScaling, staticRegularizationConstant,
                    staticRegularizationProportional, dynamicRegularizationEps, dynamicRegularizationDelta,
                    iterativeRefinementMaxSteps, iterativeRefinementRelTol, iterativeRefinementAbsTol,
                    directionRefinementMaxSteps, verbose);
        }
    }
}
