/**
 * Derivative and adjoint of a cone program's solution map (diffcp's residual-map approach, extended with
 * the quadratic objective): {@link org.cvxlayers.diff.conic.SolutionMapStructure} holds the per-pattern
 * symbolic work, {@link org.cvxlayers.diff.conic.SolutionMapDerivative} linearizes at one solution and
 * offers the JVP ({@code derivative}), the VJP ({@code adjoint}) and the optimal-value derivative;
 * {@link org.cvxlayers.diff.conic.Lsqr} is the matrix-free fallback solver and
 * {@link org.cvxlayers.diff.conic.SolutionRefinement} polishes a solution by Newton steps on the same map.
 */
package org.cvxlayers.diff.conic;
