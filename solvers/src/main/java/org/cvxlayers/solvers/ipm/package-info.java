/**
 * The interior-point conic solver (Clarabel's algorithm, Goulart &amp; Chen 2024, written for Java).
 *
 * <ul>
 *   <li>{@link org.cvxlayers.solvers.ipm.InteriorPointSolver}: the predictor–corrector loop on the homogeneous
 *       embedding, initialization, step lengths, termination, solution recovery;</li>
 *   <li>{@link org.cvxlayers.solvers.ipm.SolverStructure}: the immutable, shareable symbolic part (KKT
 *       pattern, index maps, pivot signs, symbolic LDLᵀ);</li>
 *   <li>{@code ProblemData}: original and equilibrated data (Ruiz, primal and cost scaling);</li>
 *   <li>{@code KktSystem}: KKT assembly on the fixed pattern, regularization, factorization, refined solves;</li>
 *   <li>{@code Variables}, {@code Residuals}, {@code IterationInfo}: iterate, residuals and the
 *       termination tests in original units;</li>
 *   <li>{@link org.cvxlayers.solvers.ipm.SolverSettings}, {@link org.cvxlayers.solvers.ipm.SolveStatus},
 *       {@link org.cvxlayers.solvers.ipm.Solution}, {@link org.cvxlayers.solvers.ipm.SolveInfo}: the public
 *       contract.</li>
 * </ul>
 * The cone blocks live in {@link org.cvxlayers.solvers.ipm.cones}.
 */
package org.cvxlayers.solvers.ipm;
