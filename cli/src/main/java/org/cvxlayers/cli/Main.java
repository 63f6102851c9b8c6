package org.cvxlayers.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cvxlayers} command. Subcommands: solve, bench, demo. */
@Command(name = "cvxlayers", mixinStandardHelpOptions = true, version = "cvxlayers 0.1.0-SNAPSHOT",
        description = "Differentiable convex optimization layers for the JVM.",
        subcommands = {SolveCommand.class, BenchCommand.class, DemoCommand.class})
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** The command line of {@code cvxlayers}, for running it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
