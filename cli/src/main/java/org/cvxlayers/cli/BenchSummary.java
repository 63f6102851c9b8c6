package org.cvxlayers.cli;

import java.util.List;
import java.util.Locale;

/**
 * The counting rules of {@code cvxlayers bench} (DESIGN.md): an instance counts as solved when its status is
 * SOLVED and {@code |obj − opt| / max(1, |opt|) ≤ 1e-6}; N counts the instances with a reference value; the
 * time is the shifted geometric mean {@code exp(mean(log(t + 10))) − 10} of the solver times (setup + solve)
 * of those N instances, where an instance that failed to read or solve is charged the time limit when one
 * was given (its measured time otherwise).
 */
final class BenchSummary {
    static final double TOLERANCE = 1e-6;
    static final double SHIFT_MS = 10.0;

    /** One instance with a reference value: its outcome and solver time. */
    record Entry(String name, String status, double objective, double reference, double timeMs) {
        double relativeError() {
            return Math.abs(objective - reference) / Math.max(1.0, Math.abs(reference));
        }

        boolean solved() {
            return "SOLVED".equals(status) && relativeError() <= TOLERANCE;
        }
    }

    private BenchSummary() {
    }

    /** Number of solved entries. */
    static int solvedCount(List<Entry> entries) {
        int k = 0;
        for (Entry e : entries) {
            if (e.solved()) {
                k++;
            }
        }
        return k;
    }

    /** Shifted geometric mean of the times in ms (0 for an empty list). */
    static double shiftedGeometricMean(double[] timesMs) {
        if (timesMs.length == 0) {
            return 0.0;
        }
        double s = 0.0;
        for (double t : timesMs) {
            s += Math.log(Math.max(0.0, t) + SHIFT_MS);
        }
        return Math.exp(s / timesMs.length) - SHIFT_MS;
    }

    /** Times charged to the entries: measured, or the time limit for an unsolved instance when given. */
    static double[] chargedTimes(List<Entry> entries, Double timeLimitSeconds) {
        double[] t = new double[entries.size()];
        for (int k = 0; k < t.length; k++) {
            Entry e = entries.get(k);
            boolean failed = !"SOLVED".equals(e.status()) && !"ALMOST_SOLVED".equals(e.status());
            t[k] = failed && timeLimitSeconds != null ? 1000.0 * timeLimitSeconds : e.timeMs();
            if (!Double.isFinite(t[k])) {
                t[k] = timeLimitSeconds != null ? 1000.0 * timeLimitSeconds : 0.0;
            }
        }
        return t;
    }

    /** The final line: {@code solved K/N within 1e-6 relative; shifted geometric mean T ms (shift 10 ms)}. */
    static String line(int solved, int total, double meanMs) {
        return String.format(Locale.ROOT, "solved %d/%d within 1e-6 relative; shifted geometric mean %.1f ms (shift 10 ms)",
                solved, total, meanMs);
    }

    /** The final line for a list of entries. */
    static String line(List<Entry> entries, Double timeLimitSeconds) {
        return line(solvedCount(entries), entries.size(), shiftedGeometricMean(chargedTimes(entries, timeLimitSeconds)));
    }
}
