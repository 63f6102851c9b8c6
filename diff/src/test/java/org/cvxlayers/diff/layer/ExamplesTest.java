package org.cvxlayers.diff.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cvxlayers.diff.layer.examples.ReadmeExample;
import org.cvxlayers.diff.layer.examples.TrainingExample;
import org.junit.jupiter.api.Test;

/** The demo's examples: shapes, and the training loop lowers its loss. */
class ExamplesTest {

    @Test
    void readmeExampleShapes() {
        ReadmeExample.Output o = ReadmeExample.run(null, 0);
        assertArrayEquals(new int[] {2}, o.x().shape());
        assertArrayEquals(new int[] {3, 2}, o.gradA().shape());
        assertArrayEquals(new int[] {3}, o.gradB().shape());
    }

    @Test
    void trainingLowersTheLoss() {
        double[] losses = TrainingExample.run(null, 0, 8);
        for (int e = 1; e < losses.length; e++) {
            assertTrue(losses[e] < losses[e - 1], "loss rose at epoch " + e + ": " + java.util.Arrays.toString(losses));
        }
        assertTrue(losses[8] < 0.6 * losses[0], java.util.Arrays.toString(losses));
    }
}
