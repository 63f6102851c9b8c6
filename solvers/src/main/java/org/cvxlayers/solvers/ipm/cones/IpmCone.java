package org.cvxlayers.solvers.ipm.cones;

/**
 * What the interior-point method needs from one cone block (modelled on Clarabel's cone trait, written for
 * Java): initialization, interior margins, scaling, the scaled Hessian block {@code Hs} that enters the KKT
 * matrix, the affine and combined step right-hand sides, and step lengths.
 *
 * <p>An instance covers the entries {@code [offset(), offset() + dim())} of the global slack vector
 * {@code s} and dual vector {@code z} (= y). Every method takes the full-length global arrays and reads or
 * writes only its own range, so the composite cone is a plain loop. Instances are mutable workspaces (they
 * hold the current scaling) and belong to one solver workspace; they must not allocate after construction.
 *
 * <p>Symmetric cones (zero, nonnegative, second-order, PSD) use Nesterov–Todd scaling {@code W}, with
 * {@code Hs = WᵀW}; nonsymmetric cones (exponential, power) use the primal–dual scaling of Dahl &amp; Andersen
 * (2021) with {@code Hs} the scaling matrix and a third-order corrector.
 */
public interface IpmCone {

    /** First index of this block in the global s and z vectors. */
    int offset();

    /** Number of entries of the block. */
    int dim();

    /** Barrier degree (0 for the zero cone). */
    int degree();

    /** Whether the cone is symmetric (NT scaling, Mehrotra corrector) or not (Dahl–Andersen scaling). */
    boolean isSymmetric();

    /**
     * Makes the equilibration row scalings {@code e} acceptable to this cone. On return {@code delta} holds,
     * on this block's range, factors such that {@code e[i]·delta[i]} is a scaling the cone allows: 1 for
     * cones that accept any per-row scaling (zero cone, orthant), {@code mean(e)/e[i]} for cones that need
     * one scaling for the whole block (all others), as in Clarabel. Returns true if any factor differs from 1.
     */
    boolean rectifyEquilibration(double[] delta, double[] e);

    /**
     * The {@link #rectifyEquilibration} of a cone whose rows must share one scaling (second-order, PSD,
     * exponential and power cones): {@code delta[i] = mean(e) / e[i]} over the block.
     */
    static boolean equalizeBlock(double[] delta, double[] e, int offset, int dim) {
        double mean = 0.0;
        for (int i = offset; i < offset + dim; i++) {
            mean += e[i];
        }
        mean /= dim;
        boolean changed = false;
        for (int i = offset; i < offset + dim; i++) {
            delta[i] = mean / e[i];
            changed |= delta[i] != 1.0;
        }
        return changed;
    }

    /**
     * Writes the unit initialization: z and s set to the cone's central point {@code e} (for the zero cone
     * s = 0 and z = 0).
     */
    void unitInitialization(double[] z, double[] s);

    /**
     * The step by which {@code z} lies inside the cone: {@code alpha} such that {@code z − alpha·e} is on
     * the boundary (min eigenvalue for symmetric cones); negative if {@code z} is outside. The second value
     * (the sum of the eigenvalues, or any positive measure for nonsymmetric cones) is written into
     * {@code out[1]}; out[0] is the margin.
     *
     * @param primal true to measure against the primal cone, false for the dual cone
     */
    void margins(double[] z, boolean primal, double[] out);

    /** z ← z + alpha·e, the shift used to make an initial point interior. */
    void scaledUnitShift(double[] z, double alpha, boolean primal);

    /** Sets the scaling to identity (used by the initial KKT solve). */
    void setIdentityScaling();

    /**
     * Updates the scaling from the current iterate; returns false if it failed (e.g. an iterate left the
     * cone numerically), which the solver reports as a numerical problem.
     *
     * @param mu the complementarity measure sᵀz / degree
     */
    boolean updateScaling(double[] s, double[] z, double mu);

    /**
     * Updates the scaling with a choice of strategy, as Clarabel's solver loop does for nonsymmetric cones:
     * with {@code dualOnly} the scaling is built from the dual iterate alone (used after a primal–dual
     * scaled step proved too short). Symmetric cones ignore the flag; the default delegates to
     * {@link #updateScaling(double[], double[], double)}.
     */
    default boolean updateScaling(double[] s, double[] z, double mu, boolean dualOnly) {
        return updateScaling(s, z, mu);
    }

    /** Whether {@code Hs} is diagonal (zero cone, orthant). */
    boolean hsIsDiagonal();

    /**
     * Writes {@code Hs}: its diagonal (dim entries) if {@link #hsIsDiagonal()}, otherwise its upper triangle
     * packed column by column (dim·(dim+1)/2 entries), starting at {@code out[outOffset]}.
     */
    void getHs(double[] out, int outOffset);

    /** y ← Hs·x on this block ({@code work} is scratch of the global length). */
    void mulHs(double[] y, double[] x, double[] work);

    /** The affine right-hand side: ds ← λ∘λ (symmetric) or ds ← s (nonsymmetric). */
    void affineDs(double[] ds, double[] s);

    /**
     * The combined (corrector) right-hand side: for symmetric cones
     * {@code shift ← (W⁻ᵀ Δs_aff)∘(W Δz_aff) − σμ e}; for nonsymmetric cones the Dahl–Andersen third-order
     * correction minus {@code σμ ∇f*(z)}. {@code stepZ} and {@code stepS} are the affine directions and may
     * be overwritten.
     */
    void combinedDsShift(double[] shift, double[] stepZ, double[] stepS, double sigmaMu);

    /** Maps the complementarity right-hand side to the offset used in the KKT right-hand side for Δs. */
    void deltaSFromDeltaZOffset(double[] out, double[] ds, double[] work, double[] z);

    /**
     * The largest steps {@code (αz, αs) ≤ alphaMax} keeping {@code z + αz·dz} and {@code s + αs·ds} inside
     * the dual and primal cones; written to out[0], out[1].
     */
    void stepLength(double[] dz, double[] ds, double[] z, double[] s, double alphaMax, double[] out);

    /**
     * The barrier value at {@code (z + α dz, s + α ds)}, used by nonsymmetric cones' step-length backtracking
     * (symmetric cones return 0).
     */
    double computeBarrier(double[] z, double[] s, double[] dz, double[] ds, double alpha);
}
