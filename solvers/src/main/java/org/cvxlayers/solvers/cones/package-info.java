/**
 * The cones of the standard form {@code A x + s = b, s ∈ K}: a sealed {@link org.cvxlayers.solvers.cones.Cone}
 * with one record per cone type, describing dimension and conventions.
 */
package org.cvxlayers.solvers.cones;
