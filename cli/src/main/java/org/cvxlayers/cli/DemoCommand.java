package org.cvxlayers.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Placeholder of {@code cvxlayers demo} (the README example and a short training loop), which another part of
 * the project provides; until then it says so and exits 1.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the README example (solution and gradients) and a short training loop.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("demo not available yet");
        spec.commandLine().getErr().flush();
        return 1;
    }
}
