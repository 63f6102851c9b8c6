package org.cvxlayers.solvers.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SDPLIB gpp124-2 (one order-124 PSD block, eliminated into a 125×125 Schur complement with one dense all-ones
 * constraint) ended ALMOST_SOLVED with the dual residual stalled at 2e-6: near the optimum the Schur complement
 * M reaches 1e10 while the static regularization of its pivots was the constant 1e-8, so M (not PSD in floating
 * point at that condition number) was factored unregularized. With the x-pivots regularized relative to M's
 * diagonal ({@link KktSystem#X_STATIC_REG_REL}) it must end SOLVED within 1e-6 of the reference in
 * sdplib/optimal.csv (benchmarks/results/sdpend.md).
 */
class SchurRegularizationTest {

    @Test
    void gpp124x2Solved() throws IOException {
        Path dir = BenchmarkSuiteTest.benchdata("sdplib");
        List<BenchmarkRunner.Row> rows = BenchmarkRunner.run(dir, "gpp124-2"::equals, SolverSettings.defaults(),
                null);
        assertEquals(1, rows.size(), "gpp124-2 listed in sdplib/optimal.csv");
        BenchmarkRunner.Row r = rows.get(0);
        assertEquals(SolveStatus.SOLVED, r.status(), BenchmarkRunner.format(r));
        assertTrue(r.relError() <= BenchmarkRunner.REL_TOL, BenchmarkRunner.format(r));
    }
}
