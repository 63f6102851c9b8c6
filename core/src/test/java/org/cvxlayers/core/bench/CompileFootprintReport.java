package org.cvxlayers.core.bench;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.canon.ParametricConeProgram;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/**
 * Compile time and memory of {@code minimize sum_squares(A x − b)} with a parameter matrix A (n×n).
 * Not part of the default test run (the class name does not match surefire's patterns); run with
 * {@code mvn -B -q -o -pl core -am test -Dtest=CompileFootprintReport -Dsurefire.failIfNoSpecifiedTests=false}.
 * It prints figures and asserts only the sizes of the compiled program, never times. The sizes can be chosen
 * with {@code -Dcvxlayers.footprint.sizes=300}; with {@code -DargLine=-Xmx32m} it shows the heap suffices.
 */
class CompileFootprintReport {

    @Test
    void leastSquaresWithParameterMatrix() {
        String sizes = System.getProperty("cvxlayers.footprint.sizes", "100,300");
        for (String n : sizes.split(",")) {
            report(Integer.parseInt(n.trim()));
        }
    }

    private static void report(int n) {
        Random r = new Random(n);
        // warm-up compilations (JIT)
        for (int w = 0; w < 3; w++) {
            build(n, r).compile();
        }
        int reps = 7;
        double[] ms = new double[reps];
        ParametricConeProgram pcp = null;
        for (int k = 0; k < reps; k++) {
            Problem p = build(n, r);
            long t0 = System.nanoTime();
            pcp = p.compile();
            ms[k] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        assertEquals(2 * n, pcp.n());
        assertEquals(n * n + n, pcp.tensorA().nnz());

        // allocation during one compilation (an upper bound of the extra peak heap it needs) and what stays
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Problem p = build(n, r);
        System.gc();
        long baseline = heapUsed();
        long a0 = tmx.getThreadAllocatedBytes(Thread.currentThread().getId());
        ParametricConeProgram held = p.compile();
        long allocated = tmx.getThreadAllocatedBytes(Thread.currentThread().getId()) - a0;
        System.gc();
        long retained = heapUsed() - baseline;
        double[] theta = held.theta();
        long i0 = System.nanoTime();
        for (int k = 0; k < 20; k++) {
            held.instantiate(theta); // warm-up
        }
        int instReps = 50;
        for (int k = 0; k < instReps; k++) {
            held.instantiate(theta);
        }
        double instMs = (System.nanoTime() - i0) / 1e6 / instReps;
        System.out.printf(Locale.ROOT,
                "n=%d: compile median %.1f ms (min %.1f, max %.1f, %d runs); allocated during compile %.1f MB; "
                        + "retained after GC %.1f MB (problem + program); instantiate %.2f ms; %s%n",
                n, ms[reps / 2], ms[0], ms[reps - 1], reps, allocated / 1e6, retained / 1e6, instMs, held);
    }

    private static Problem build(int n, Random r) {
        Variable x = variable(n, "x");
        Parameter a = parameter(n, n, "A");
        Parameter b = parameter(n, "b");
        double[][] av = new double[n][n];
        for (double[] row : av) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextGaussian();
            }
        }
        a.setValue(av);
        b.setValue(new double[n]);
        return Problem.minimize(sumSquares(a.matmul(x).minus(b)));
    }

    private static long heapUsed() {
        long s = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                s += pool.getUsage().getUsed();
            }
        }
        return s;
    }

}
