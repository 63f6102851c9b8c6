package org.cvxlayers.benchmarks.suite;

/** A Java LP/QP solver the suite compares against. */
interface PeerSolver {

    /** The outcome of one solve: status ("SOLVED" when the peer reports an optimum) and the point. */
    record Outcome(String status, double[] x) {
    }

    String name();

    /** Why the peer is not run on this instance (too large for a dense method, unsupported), or null. */
    String skipReason(LinearQp qp);

    /** Solves; exceptions mean failure. */
    Outcome solve(LinearQp qp, double timeLimitSeconds) throws Exception;
}
