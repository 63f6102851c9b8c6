package org.cvxlayers.solvers.cones;

/**
 * One block of the cone {@code K} in the standard form {@code A x + s = b, s ∈ K}.
 *
 * <p>Conventions (as in SCS, Clarabel and CVXPY):
 * <ul>
 *   <li>{@link ZeroCone}: {@code s = 0}; its dual is the free cone.</li>
 *   <li>{@link NonnegativeCone}: {@code s ≥ 0}, self-dual.</li>
 *   <li>{@link SecondOrderCone}: {@code s = (t, v)} with {@code t ≥ ‖v‖₂}, self-dual.</li>
 *   <li>{@link ExponentialCone}: closure of {@code {(x, y, z) : y > 0, y·exp(x/y) ≤ z}}. Note that CBF orders
 *       the triple the other way round.</li>
 *   <li>{@link DualExponentialCone}: closure of {@code {(u, v, w) : u < 0, −u·exp(v/u) ≤ e·w}}.</li>
 *   <li>{@link PowerCone}: {@code {(x, y, z) : x^α · y^(1−α) ≥ |z|, x ≥ 0, y ≥ 0}}, 0 &lt; α &lt; 1.</li>
 *   <li>{@link DualPowerCone}: {@code {(u, v, w) : (u/α)^α · (v/(1−α))^(1−α) ≥ |w|, u ≥ 0, v ≥ 0}}.</li>
 *   <li>{@link PsdCone}: symmetric n×n matrices that are positive semidefinite, in svec form: the upper
 *       triangle column by column, off-diagonal entries scaled by √2, so the dimension is n(n+1)/2.</li>
 * </ul>
 */
public sealed interface Cone permits ZeroCone, NonnegativeCone, SecondOrderCone, ExponentialCone,
        DualExponentialCone, PowerCone, DualPowerCone, PsdCone {

    /** Number of entries of {@code s} this block covers. */
    int dim();

    /** Barrier degree of the block (its contribution to the complementarity measure's divisor). */
    int degree();

    /** Whether the block is symmetric (self-scaled): zero, nonnegative, second-order and PSD cones. */
    boolean isSymmetric();

    /** Sum of {@link #dim()} over a list of cones. */
    static int totalDim(Iterable<? extends Cone> cones) {
        int m = 0;
        for (Cone k : cones) {
            m += k.dim();
        }
        return m;
    }
}
