package org.cvxlayers.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cvxlayers.solvers.io.ProblemFile;
import org.cvxlayers.solvers.io.ProblemFormat;
import org.cvxlayers.solvers.io.ProblemFormatException;
import org.cvxlayers.solvers.io.ProblemReaders;
import org.cvxlayers.solvers.ipm.SolverSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cvxlayers solve FILE}: reads an MPS/QPS/CBF/SDPA file, solves it and prints the result (one JSON line
 * with {@code --json}). Exit 0 when a solve finished whatever its status, 2 when the input cannot be read
 * (the message names file and line), 1 when the solver fails with an exception.
 */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Solve an LP/QP/conic problem file (.mps, .qps, .cbf, .dat-s, optionally .gz).")
final class SolveCommand implements Callable<Integer> {
    static final int EXIT_UNREADABLE = 2;
    static final int EXIT_SOLVER_ERROR = 1;

    enum FormatOption { auto, mps, qps, cbf, sdpa }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the problem file")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "file format: ${COMPLETION-CANDIDATES} (default: from the extension)")
    FormatOption format;

    @Option(names = "--json", description = "print one JSON object on one line")
    boolean json;

    @Mixin
    SolverOptions solver;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SolverSettings settings;
        try {
            settings = solver.settings();
        } catch (IllegalArgumentException e) {
            err.println("cvxlayers solve: " + e.getMessage());
            err.flush();
            return spec.exitCodeOnInvalidInput();
        }
        long t0 = System.nanoTime();
        ProblemFile problem;
        try {
            problem = read(file, toFormat(format));
        } catch (IOException e) {
            err.println("cvxlayers solve: cannot read " + e.getMessage());
            err.flush();
            return EXIT_UNREADABLE;
        }
        double readMs = (System.nanoTime() - t0) / 1e6;
        SolveReport report;
        // with --json stdout carries exactly one line: the solver's --verbose log goes to stderr instead
        java.io.PrintStream stdout = System.out;
        if (json && settings.verbose()) {
            System.setOut(System.err);
        }
        try {
            report = SolveReport.solve(file.toString(), problem, readMs, settings);
        } catch (RuntimeException e) {
            err.println("cvxlayers solve: solver failed on " + file + ": " + e);
            err.flush();
            return EXIT_SOLVER_ERROR;
        } finally {
            System.setOut(stdout);
        }
        if (json) {
            out.println(report.toJson());
        } else {
            out.printf(Locale.ROOT, "file:            %s%n", report.file());
            out.printf(Locale.ROOT, "status:          %s%n", report.status());
            out.printf(Locale.ROOT, "objective:       %.12g%n", report.objective());
            out.printf(Locale.ROOT, "iterations:      %d%n", report.iterations());
            out.printf(Locale.ROOT, "primal residual: %.3e%n", report.primalResidual());
            out.printf(Locale.ROOT, "dual residual:   %.3e%n", report.dualResidual());
            out.printf(Locale.ROOT, "gap:             %.3e%n", report.gap());
            out.printf(Locale.ROOT, "time:            read %.1f ms, setup %.1f ms, solve %.1f ms%n",
                    report.readMs(), report.setupMs(), report.solveMs());
        }
        out.flush();
        return 0;
    }

    /** Reads a file; a missing or unreadable file is an IOException whose message starts with the path. */
    static ProblemFile read(Path file, ProblemFormat format) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        try {
            return ProblemReaders.read(file, format);
        } catch (ProblemFormatException e) {
            throw e; // its message names the path and the line
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    static ProblemFormat toFormat(FormatOption f) {
        return switch (f) {
            case auto -> ProblemFormat.AUTO;
            case mps -> ProblemFormat.MPS;
            case qps -> ProblemFormat.QPS;
            case cbf -> ProblemFormat.CBF;
            case sdpa -> ProblemFormat.SDPA;
        };
    }
}
