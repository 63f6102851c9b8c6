/**
 * The peer-solver suite: NETLIB and Maros–Mészáros instances read with our readers and solved by ojAlgo,
 * JOptimizer and Hipparchus' ADMM QP optimizer, scored like {@code cvxlayers bench}; see {@link
 * org.cvxlayers.benchmarks.suite.PeerSuite}.
 */
package org.cvxlayers.benchmarks.suite;
