/**
 * Euclidean projections onto the cones of the standard form and onto their duals, with the derivatives of
 * the projections: one {@link org.cvxlayers.solvers.cones.projection.ConeProjection} per cone type,
 * {@link org.cvxlayers.solvers.cones.projection.ConeProjections} as the factory from the
 * {@link org.cvxlayers.solvers.cones.Cone} records, and
 * {@link org.cvxlayers.solvers.cones.projection.ProductProjection} for a stacked product of cones. Used by
 * the differentiation of the solution map (module diff).
 */
package org.cvxlayers.solvers.cones.projection;
