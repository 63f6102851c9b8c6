/**
 * The peer-solver suite: benchmark instances read with our readers and solved by ojAlgo, JOptimizer and
 * Hipparchus' ADMM QP optimizer beside our solver, scored like {@code cvxlayers bench}; see {@link
 * org.cvxlayers.benchmarks.suite.PeerSuite}. LPs/QPs (NETLIB, Maros–Mészáros) go to every peer as
 * {@link org.cvxlayers.benchmarks.suite.LinearQp}; cone programs (CBLIB SOCP, SDPLIB) as
 * {@link org.cvxlayers.benchmarks.suite.ConicInstance} to the peers with cone support, i.e. JOptimizer's
 * barrier method ({@link org.cvxlayers.benchmarks.suite.JOptimizerConic}); the others report them unsupported.
 */
package org.cvxlayers.benchmarks.suite;
