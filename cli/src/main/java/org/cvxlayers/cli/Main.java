package org.cvxlayers.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code cvxlayers} command. Subcommands: solve, bench, demo. */
@Command(name = "cvxlayers", mixinStandardHelpOptions = true, version = "cvxlayers 0.1.0-SNAPSHOT",
        description = "Differentiable convex optimization layers for the JVM.")
public final class Main implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
