package org.cvxlayers.solvers.ipm.cones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Per-iteration allocation of the cone blocks, measured with the JVM's per-thread allocation counter: none for
 * the exponential and power cones; for the PSD cone only the small objects ojAlgo's Cholesky and eigenvalue
 * calls create (independent of n², unlike its SVD, which the cone therefore does not use).
 */
class ConeAllocationTest {

    private static com.sun.management.ThreadMXBean bean() {
        java.lang.management.ThreadMXBean b = ManagementFactory.getThreadMXBean();
        assumeTrue(b instanceof com.sun.management.ThreadMXBean, "allocation counter not available");
        com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) b;
        assumeTrue(sun.isThreadAllocatedMemorySupported(), "allocation counter not supported");
        sun.setThreadAllocatedMemoryEnabled(true);
        return sun;
    }

    /** One iteration's worth of cone calls. */
    private static double iteration(IpmCone k, double[] s, double[] z, double[] ds, double[] dz, double[] work,
            double[] out) {
        k.updateScaling(s, z, 0.5);
        k.getHs(work, 0);
        k.mulHs(out, dz, work);
        k.affineDs(work, s);
        k.combinedDsShift(out, dz, ds, 0.1);
        k.deltaSFromDeltaZOffset(out, ds, work, z);
        double[] pair = PAIR;
        k.stepLength(dz, ds, z, s, 1.0, pair);
        return pair[0] + k.computeBarrier(z, s, dz, ds, 0.5 * pair[0]);
    }

    private static final double[] PAIR = new double[2];

    private static long allocated(IpmCone k, double[] s, double[] z, double[] ds, double[] dz, int reps) {
        com.sun.management.ThreadMXBean b = bean();
        double[] work = new double[Math.max(64, k.dim() * (k.dim() + 1) / 2)];
        double[] out = new double[s.length];
        double sink = 0;
        for (int i = 0; i < 2000; i++) {
            sink += iteration(k, s, z, ds.clone(), dz.clone(), work, out);
        }
        double[] ds2 = ds.clone();
        double[] dz2 = dz.clone();
        long tid = Thread.currentThread().getId();
        long before = b.getThreadAllocatedBytes(tid);
        for (int i = 0; i < reps; i++) {
            System.arraycopy(ds, 0, ds2, 0, ds.length);
            System.arraycopy(dz, 0, dz2, 0, dz.length);
            sink += iteration(k, s, z, ds2, dz2, work, out);
        }
        long after = b.getThreadAllocatedBytes(tid);
        assertTrue(Double.isFinite(sink) || Double.isNaN(sink));
        return after - before;
    }

    @Test
    void exponentialAndPowerConesDoNotAllocate() {
        Random rnd = new Random(41);
        NonsymmetricConeIpm[] cones = {new ExponentialConeIpm(0), new PowerConeIpm(0, 0.4)};
        for (NonsymmetricConeIpm k : cones) {
            double[] s = NonsymmetricConeIpmTest.randomInterior(k, true, rnd);
            double[] z = NonsymmetricConeIpmTest.randomInterior(k, false, rnd);
            double[] ds = {0.1, -0.2, 0.05};
            double[] dz = {-0.1, 0.1, 0.2};
            assertEquals(0L, allocated(k, s, z, ds, dz, 1000), k.getClass().getSimpleName());
        }
    }

    @Test
    void psdConeAllocatesOnlySmallObjectsFromOjAlgo() {
        Random rnd = new Random(42);
        for (int n : new int[] {4, 12, 24, 48}) {
            PsdConeIpm k = new PsdConeIpm(2, n);
            double[] s = PsdConeIpmTest.randomPd(n, rnd, 0.5);
            double[] z = PsdConeIpmTest.randomPd(n, rnd, 0.5);
            double[] ds = PsdConeIpmTest.randomPd(n, rnd, -2.0);
            double[] dz = PsdConeIpmTest.randomPd(n, rnd, -2.0);
            long perIteration = allocated(k, s, z, ds, dz, 200) / 200;
            // the n×n work matrices are preallocated; ojAlgo's Cholesky/eigenvalue calls leave a few small
            // objects, far below one n×n matrix (8n² bytes)
            assertTrue(perIteration < 2048, "n=" + n + ": " + perIteration + " bytes per iteration");
        }
    }
}
