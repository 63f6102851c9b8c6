package org.cvxlayers.solvers.ipm.cones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cvxlayers.solvers.cones.DualPowerCone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.junit.jupiter.api.Test;

class OrthantAndZeroConeTest {

    @Test
    void orthantScalingAndSteps() {
        NonnegativeConeIpm k = new NonnegativeConeIpm(1, 2);
        double[] s = {9, 4, 1};
        double[] z = {9, 1, 4};
        assertTrue(k.updateScaling(s, z, 1.0));
        double[] hs = new double[2];
        k.getHs(hs, 0);
        assertEquals(4.0, hs[0], 1e-15);
        assertEquals(0.25, hs[1], 1e-15);
        double[] ds = new double[3];
        k.affineDs(ds, s);
        assertEquals(4.0, ds[1], 1e-14); // λ² = s z
        double[] off = new double[3];
        k.deltaSFromDeltaZOffset(off, ds, null, z);
        assertEquals(4.0, off[1], 1e-14); // ds / z = s
        assertEquals(1.0, off[2], 1e-14);
        double[] out = new double[2];
        k.stepLength(new double[] {0, -2, 1}, new double[] {0, 1, -4}, z, s, 1.0, out);
        assertEquals(0.5, out[0], 1e-15);
        assertEquals(0.25, out[1], 1e-15);
        assertFalse(k.updateScaling(new double[] {0, -1, 1}, z, 1.0));
    }

    @Test
    void zeroConeNeverLimitsAndForcesSlackToZero() {
        ZeroConeIpm k = new ZeroConeIpm(0, 2);
        double[] s = {3, -2};
        k.scaledUnitShift(s, 5.0, true);
        assertEquals(0.0, s[0], 0.0);
        assertEquals(0.0, s[1], 0.0);
        double[] out = new double[2];
        k.stepLength(new double[] {-1, -1}, new double[] {-1, -1}, s, s, 0.7, out);
        assertEquals(0.7, out[0], 0.0);
        assertEquals(0, k.degree());
    }

    @Test
    void compositeConeLoopsOverBlocks() {
        CompositeCone c = new CompositeCone(List.of(new ZeroCone(1), new NonnegativeCone(2), new SecondOrderCone(3)));
        assertEquals(6, c.dim());
        assertEquals(3, c.degree());
        assertTrue(c.isSymmetric());
        double[] z = {7, 1, 2, 3, 0, 0};
        double[] m = new double[2];
        c.margins(z, true, m);
        assertEquals(1.0, m[0], 0.0); // orthant min 1, SOC margin 3
        double[] s = new double[6];
        double[] zz = new double[6];
        c.unitInitialization(zz, s);
        assertEquals(0.0, s[0], 0.0);
        assertEquals(1.0, s[1], 0.0);
        assertEquals(1.0, s[3], 0.0);
        assertEquals(0.0, s[4], 0.0);
        // dual exponential/power blocks reach the IPM only after DualConeReduction (cones branch)
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> IpmCones.create(new DualPowerCone(0.3), 4));
        assertTrue(ex.getMessage().contains("DualConeReduction"), ex.getMessage());
    }
}
