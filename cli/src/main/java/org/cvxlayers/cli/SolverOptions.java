package org.cvxlayers.cli;

import org.cvxlayers.solvers.ipm.SolverSettings;
import picocli.CommandLine.Option;

/** Solver options shared by {@code solve} (all of them) and, for the time limit, by {@code bench}. */
final class SolverOptions {
    @Option(names = "--max-iter", paramLabel = "N", description = "maximum interior-point iterations")
    Integer maxIter;

    @Option(names = "--time-limit", paramLabel = "SEC", description = "time limit per solve in seconds")
    Double timeLimit;

    @Option(names = "--tol-gap-rel", paramLabel = "X", description = "relative duality-gap tolerance (default 1e-8)")
    Double tolGapRel;

    @Option(names = "--tol-feas", paramLabel = "X", description = "feasibility tolerance (default 1e-8)")
    Double tolFeas;

    @Option(names = "--verbose", description = "print the solver's iteration log")
    boolean verbose;

    /** The settings these options describe; invalid values raise IllegalArgumentException naming the option. */
    SolverSettings settings() {
        SolverSettings.Builder b = SolverSettings.builder();
        if (maxIter != null) {
            b.maxIterations(maxIter);
        }
        if (timeLimit != null) {
            b.timeLimitSeconds(timeLimit);
        }
        if (tolGapRel != null) {
            b.tolGapRel(tolGapRel);
        }
        if (tolFeas != null) {
            b.tolFeas(tolFeas);
        }
        b.verbose(verbose);
        return b.build();
    }
}
