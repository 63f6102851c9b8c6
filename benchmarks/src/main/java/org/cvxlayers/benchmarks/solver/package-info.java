/**
 * JMH benchmarks that time whole LP/QP solves of benchmark instances, our interior-point solver side by side
 * with the peer Java solvers of {@link org.cvxlayers.benchmarks.suite}.
 */
package org.cvxlayers.benchmarks.solver;
