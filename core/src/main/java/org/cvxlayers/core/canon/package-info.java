/**
 * Canonicalization: affine expressions as sparse parameter tensors ({@link org.cvxlayers.core.canon.AffineTensor}),
 * the canonicalization context with its cone blocks, the geometric-mean cone trees, and the compiled
 * {@link org.cvxlayers.core.canon.ParametricConeProgram} whose data is affine in the parameters.
 */
package org.cvxlayers.core.canon;
