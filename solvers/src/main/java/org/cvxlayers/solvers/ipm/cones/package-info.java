/**
 * The interior-point side of each cone: {@link org.cvxlayers.solvers.ipm.cones.IpmCone} and one class per
 * cone type (scaling, Hessian block, step length), plus the composite cone that loops over the blocks.
 */
package org.cvxlayers.solvers.ipm.cones;
