package org.cvxlayers.core.canon;

/**
 * One block of cone constraints {@code s ∈ K} where {@code s} is an affine tensor (so {@code A = −F, b = g}
 * for {@code s = F x + g}).
 *
 * @param kind  cone kind
 * @param s     the affine expression constrained to the cone
 * @param order matrix order for PSD blocks (s is the svec), exponent for power cones; unused otherwise
 * @param owner the user constraint this block implements (for dual values), or null for internal blocks
 */
public record ConeBlock(ConeKind kind, AffineTensor s, double order, Object owner) {
}
