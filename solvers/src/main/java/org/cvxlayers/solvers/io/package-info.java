/** Readers of MPS/QPS, CBF and SDPA files into {@link org.cvxlayers.solvers.ConeProgram}s. */
package org.cvxlayers.solvers.io;
