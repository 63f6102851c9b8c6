/**
 * Constraints of the modelling language (equalities, inequalities, PSD and second-order-cone constraints)
 * with their DCP checks, canonicalization into cone blocks and dual values in CVXPY's sign conventions.
 */
package org.cvxlayers.core.constraints;
