/**
 * DCP and DPP analysis: sign, curvature and monotonicity lattices and the checker that applies CVXPY's
 * composition rules to an expression tree ({@link org.cvxlayers.core.analysis.DcpAnalyzer}).
 */
package org.cvxlayers.core.analysis;
