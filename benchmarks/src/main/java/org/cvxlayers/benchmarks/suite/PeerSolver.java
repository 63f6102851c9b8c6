package org.cvxlayers.benchmarks.suite;

/**
 * A Java solver the suite compares against: every peer takes LPs/QPs ({@link LinearQp}); the ones with cone
 * support also take the other cone programs ({@link ConicInstance}), the others report them as unsupported.
 */
interface PeerSolver {

    /**
     * The outcome of one solve: status ("SOLVED" when the peer reports an optimum), the point, a note (why the
     * status is what it is, may be empty) and the iteration count ({@code -1} when the peer does not say).
     */
    record Outcome(String status, double[] x, String note, int iterations) {
        Outcome(String status, double[] x) {
            this(status, x, "", -1);
        }
    }

    String name();

    /** Why the peer is not run on this instance (too large for a dense method, unsupported), or null. */
    String skipReason(LinearQp qp);

    /** Solves; exceptions mean failure. */
    Outcome solve(LinearQp qp, double timeLimitSeconds) throws Exception;

    /**
     * Why the peer is not run on this cone program, or null; a reason that starts with "unsupported" is
     * reported as status UNSUPPORTED. The default is for LP/QP-only peers.
     */
    default String skipReason(ConicInstance program) {
        return "unsupported: " + name() + " takes LPs and QPs only";
    }

    /** Solves a cone program; only called when {@link #skipReason(ConicInstance)} is null. */
    default Outcome solve(ConicInstance program, double timeLimitSeconds) throws Exception {
        throw new UnsupportedOperationException(name() + " takes LPs and QPs only");
    }
}
