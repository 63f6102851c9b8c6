package org.cvxlayers.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSummaryTest {

    @Test
    void shiftedGeometricMean() {
        // exp((ln 10 + ln 100) / 2) − 10 = √1000 − 10
        assertEquals(Math.sqrt(1000) - 10, BenchSummary.shiftedGeometricMean(new double[] {0, 90}), 1e-12);
        assertEquals(5.0, BenchSummary.shiftedGeometricMean(new double[] {5, 5, 5}), 1e-12);
        assertEquals(0.0, BenchSummary.shiftedGeometricMean(new double[0]));
    }

    @Test
    void solvedNeedsStatusAndRelativeError() {
        assertTrue(new BenchSummary.Entry("a", "SOLVED", 1000.0009, 1000, 1).solved()); // 9e-7 relative
        assertFalse(new BenchSummary.Entry("a", "SOLVED", 1000.0011, 1000, 1).solved());
        assertTrue(new BenchSummary.Entry("a", "SOLVED", 9e-7, 0, 1).solved()); // max(1, |ref|)
        assertFalse(new BenchSummary.Entry("a", "ALMOST_SOLVED", 1000, 1000, 1).solved());
        assertFalse(new BenchSummary.Entry("a", "SOLVED", Double.NaN, 1000, 1).solved());
    }

    @Test
    void failuresAreChargedTheTimeLimit() {
        List<BenchSummary.Entry> e = List.of(new BenchSummary.Entry("a", "SOLVED", 1, 1, 3),
                new BenchSummary.Entry("b", "MAX_ITERATIONS", 1, 1, 4),
                new BenchSummary.Entry("c", "READ_ERROR", Double.NaN, 1, Double.NaN));
        assertArrayEquals(new double[] {3, 2000, 2000}, BenchSummary.chargedTimes(e, 2.0));
        assertArrayEquals(new double[] {3, 4, 0}, BenchSummary.chargedTimes(e, null));
    }

    @Test
    void summaryLineFormat() {
        assertEquals("solved 3/5 within 1e-6 relative; shifted geometric mean 12.3 ms (shift 10 ms)",
                BenchSummary.line(3, 5, 12.34));
    }
}
