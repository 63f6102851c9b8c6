package org.cvxlayers.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cvxlayers.diff.layer.examples.GpExample;
import org.cvxlayers.diff.layer.examples.ReadmeExample;
import org.cvxlayers.diff.layer.examples.TrainingExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cvxlayers demo}: the cvxpylayers README example (solution and gradients of sum(x)), its
 * geometric-programming example (a {@code gp = true} layer: solution and gradients of x + y + z) and a short
 * training loop through a constrained least-squares layer, printing the loss per epoch.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the README examples (solution and gradients; DCP and GP) and a short training loop.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--seed", description = "Random seed of the data (default: ${DEFAULT-VALUE}).")
    long seed = 0;

    @Option(names = "--epochs", description = "Gradient steps of the training loop (default: ${DEFAULT-VALUE}).")
    int epochs = 15;

    @Override
    public Integer call() {
        if (epochs < 0) {
            spec.commandLine().getErr().println("--epochs must be >= 0, got " + epochs);
            spec.commandLine().getErr().flush();
            return 2;
        }
        long t0 = System.nanoTime();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            ReadmeExample.run(ps, seed);
            ps.println();
            GpExample.run(ps);
            ps.println();
            double[] losses = TrainingExample.run(ps, seed, epochs);
            ps.println(String.format(Locale.ROOT, "  loss %.6e -> %.6e", losses[0], losses[losses.length - 1]));
            ps.println(String.format(Locale.ROOT, "demo finished in %.0f ms", (System.nanoTime() - t0) / 1e6));
        }
        spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
