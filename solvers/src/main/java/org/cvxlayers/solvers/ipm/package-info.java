/**
 * The interior-point conic solver: settings, status, solution and the solver loop with its KKT system,
 * residuals, equilibration and cone scalings.
 */
package org.cvxlayers.solvers.ipm;
