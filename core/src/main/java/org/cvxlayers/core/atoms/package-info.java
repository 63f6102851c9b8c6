/**
 * Atoms, one class each: affine maps ({@link org.cvxlayers.core.atoms.LinearAtom} subclasses), products,
 * and the nonlinear atoms with their sign, curvature, monotonicity and canonicalization.
 */
package org.cvxlayers.core.atoms;
