/**
 * The modelling API: {@link org.cvxlayers.core.Problem}, its {@link org.cvxlayers.core.ProblemStatus}, and the
 * atom facade {@link org.cvxlayers.core.Cvx}.
 */
package org.cvxlayers.core;
