package org.cvxlayers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void demoPrintsSolutionGradientsAndDecreasingLoss() {
        CliRun run = CliRun.of("demo", "--epochs", "5");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("x*") && run.out().contains("d sum(x)/dA") && run.out().contains("d sum(x)/db"),
                run.out());
        // the GP example: x* = √y* (shape constraint active), 2(xy + xz + yz) = 1, and its gradients
        Matcher gp = Pattern.compile("x\\* = (\\S+), y\\* = (\\S+), z\\* = (\\S+)").matcher(run.out());
        assertTrue(gp.find(), run.out());
        double x = Double.parseDouble(gp.group(1));
        double y = Double.parseDouble(gp.group(2));
        double z = Double.parseDouble(gp.group(3));
        assertEquals(Math.sqrt(y), x, 1e-5);
        assertEquals(1.0, 2 * (x * y + x * z + y * z), 1e-5);
        assertTrue(run.out().contains("d(x+y+z)/da") && run.out().contains("d(x+y+z)/db"), run.out());
        List<Double> losses = new ArrayList<>();
        Matcher m = Pattern.compile("epoch\\s+\\d+\\s+loss (\\S+)").matcher(run.out());
        while (m.find()) {
            losses.add(Double.parseDouble(m.group(1)));
        }
        assertEquals(6, losses.size(), run.out());
        assertTrue(losses.get(5) < 0.8 * losses.get(0), "loss should fall: " + losses);
    }

    @Test
    void negativeEpochsIsAnError() {
        assertEquals(2, CliRun.of("demo", "--epochs", "-1").exitCode());
    }
}
