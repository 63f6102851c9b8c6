/**
 * Readers of MPS/QPS, CBF and SDPA files into {@link org.cvxlayers.solvers.ConeProgram}s.
 *
 * <p>{@link org.cvxlayers.solvers.io.ProblemReaders#read(java.nio.file.Path, ProblemFormat)} returns a
 * {@link org.cvxlayers.solvers.io.ProblemFile}: the program (always a minimisation, zero-cone rows first, then
 * nonnegative rows, then the other cone blocks), the sign that turns its objective back into the one the file
 * states, and the file's own sizes. Malformed or unsupported input raises a
 * {@link org.cvxlayers.solvers.io.ProblemFormatException} naming file and line.
 */
package org.cvxlayers.solvers.io;
