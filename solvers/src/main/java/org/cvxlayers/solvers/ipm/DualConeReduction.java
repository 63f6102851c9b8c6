package org.cvxlayers.solvers.ipm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.DualExponentialCone;
import org.cvxlayers.solvers.cones.DualPowerCone;
import org.cvxlayers.solvers.cones.ExponentialCone;
import org.cvxlayers.solvers.cones.PowerCone;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * Rewrites dual exponential and dual power cone blocks as primal blocks, so the interior-point method needs
 * barriers for the primal cones only.
 *
 * <p>Each such block has an invertible 3×3 map {@code M} with {@code s ∈ K* ⇔ M s ∈ K}:
 * <ul>
 *   <li>dual exponential cone: {@code (u, v, w) ∈ K*_exp ⇔ (u − v, −u, w) ∈ K_exp}. Indeed with
 *       {@code x = u − v}, {@code y = −u} (so {@code y > 0 ⇔ u < 0}), {@code y·exp(x/y) = −u·exp(v/u − 1)}, and
 *       {@code −u·exp(v/u)/e ≤ w} is the defining inequality of K*_exp; M is linear and invertible, so the
 *       closures correspond as well.</li>
 *   <li>dual power cone: {@code (u, v, w) ∈ K*_α ⇔ (u/α, v/(1−α), w) ∈ K_α}, which is the definition of K*_α
 *       read through {@code M = diag(1/α, 1/(1−α), 1)}.</li>
 * </ul>
 * The constraint {@code A x + s = b, s ∈ K*} becomes {@code (M A) x + s' = M b, s' = M s ∈ K}. The Lagrangian
 * term {@code y'ᵀ(M A x + s' − M b) = (Mᵀy')ᵀ(A x + s − b)} shows that the original multiplier is
 * {@code y = Mᵀ y'}; the slack maps back as {@code s = M⁻¹ s'}. Objectives are unchanged
 * ({@code bᵀy = (Mb)ᵀy'}), and so are infeasibility certificates under the same maps.
 *
 * <p>The map of A's values onto the reduced pattern is kept, so new values on the same pattern
 * ({@link #reduceAValues}, {@link #reduceB}) cost one pass over the contributions.
 */
public final class DualConeReduction {

    private final ConeProgram original;
    private final ConeProgram reduced;
    private final boolean changed;
    // per row: the block start of its 3×3 map, or −1
    private final int[] blockStartOfRow;
    // per row: the map of its block (row-major 3×3) and its inverse, indexed by block start
    private final double[][] mapOfRow;
    private final double[][] inverseOfRow;
    // reduced A values: valuesʹ[target[k]] += coef[k] * values[source[k]]
    private final int[] contribTarget;
    private final int[] contribSource;
    private final double[] contribCoef;
    private final int reducedNnz;

    private DualConeReduction(ConeProgram program) {
        this.original = program;
        int m = program.m();
        blockStartOfRow = new int[m];
        Arrays.fill(blockStartOfRow, -1);
        mapOfRow = new double[m][];
        inverseOfRow = new double[m][];
        List<Cone> cones = new ArrayList<>();
        boolean any = false;
        int row = 0;
        for (Cone k : program.cones()) {
            double[] map = null;
            double[] inv = null;
            if (k instanceof DualExponentialCone) {
                map = new double[] {1, -1, 0, -1, 0, 0, 0, 0, 1};
                inv = new double[] {0, -1, 0, -1, -1, 0, 0, 0, 1};
                cones.add(new ExponentialCone());
            } else if (k instanceof DualPowerCone dp) {
                double a = dp.alpha();
                map = new double[] {1 / a, 0, 0, 0, 1 / (1 - a), 0, 0, 0, 1};
                inv = new double[] {a, 0, 0, 0, 1 - a, 0, 0, 0, 1};
                cones.add(new PowerCone(a));
            } else {
                cones.add(k);
            }
            if (map != null) {
                any = true;
                for (int i = 0; i < 3; i++) {
                    blockStartOfRow[row + i] = row;
                    mapOfRow[row + i] = map;
                    inverseOfRow[row + i] = inv;
                }
            }
            row += k.dim();
        }
        this.changed = any;
        if (!any) {
            reduced = program;
            contribTarget = new int[0];
            contribSource = new int[0];
            contribCoef = new double[0];
            reducedNnz = program.a().nnz();
            return;
        }
        // reduced pattern, column by column: each entry in a mapped block spreads to the block's rows
        CscMatrix a = program.a();
        int n = a.cols();
        int[] colPtr = a.colPtr();
        int[] rowIdx = a.rowIdx();
        int[] newColPtr = new int[n + 1];
        int[] tRow = new int[0];
        int[] tSrc = new int[0];
        double[] tCoef = new double[0];
        List<Integer> newRows = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        List<Integer> sources = new ArrayList<>();
        List<Double> coefList = new ArrayList<>();
        int nnz = 0;
        for (int j = 0; j < n; j++) {
            // gather (targetRow, source, coef) for this column
            int count = 0;
            int cap = 3 * (colPtr[j + 1] - colPtr[j]);
            if (tRow.length < cap) {
                tRow = new int[cap];
                tSrc = new int[cap];
                tCoef = new double[cap];
            }
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int r = rowIdx[p];
                int start = blockStartOfRow[r];
                if (start < 0) {
                    tRow[count] = r;
                    tSrc[count] = p;
                    tCoef[count] = 1.0;
                    count++;
                } else {
                    int local = r - start;
                    double[] map = mapOfRow[r];
                    for (int i = 0; i < 3; i++) {
                        double c = map[3 * i + local];
                        if (c != 0.0) {
                            tRow[count] = start + i;
                            tSrc[count] = p;
                            tCoef[count] = c;
                            count++;
                        }
                    }
                }
            }
            // sort contributions of this column by target row (insertion sort: columns are short)
            for (int x = 1; x < count; x++) {
                int r = tRow[x];
                int sIdx = tSrc[x];
                double c = tCoef[x];
                int y = x - 1;
                while (y >= 0 && tRow[y] > r) {
                    tRow[y + 1] = tRow[y];
                    tSrc[y + 1] = tSrc[y];
                    tCoef[y + 1] = tCoef[y];
                    y--;
                }
                tRow[y + 1] = r;
                tSrc[y + 1] = sIdx;
                tCoef[y + 1] = c;
            }
            int lastRow = -1;
            for (int x = 0; x < count; x++) {
                if (tRow[x] != lastRow) {
                    newRows.add(tRow[x]);
                    lastRow = tRow[x];
                    nnz++;
                }
                targets.add(nnz - 1);
                sources.add(tSrc[x]);
                coefList.add(tCoef[x]);
            }
            newColPtr[j + 1] = nnz;
        }
        reducedNnz = nnz;
        contribTarget = new int[targets.size()];
        contribSource = new int[targets.size()];
        contribCoef = new double[targets.size()];
        for (int k = 0; k < contribTarget.length; k++) {
            contribTarget[k] = targets.get(k);
            contribSource[k] = sources.get(k);
            contribCoef[k] = coefList.get(k);
        }
        int[] newRowIdx = new int[nnz];
        for (int k = 0; k < nnz; k++) {
            newRowIdx[k] = newRows.get(k);
        }
        CscMatrix reducedA = new CscMatrix(program.m(), n, newColPtr, newRowIdx, reduceAValues(a.values()));
        reduced = new ConeProgram(program.p(), program.c(), reducedA, reduceB(program.b()), cones,
                program.constant());
    }

    /** Analyses {@code program}; {@link #changed()} tells whether it had dual exponential or power blocks. */
    public static DualConeReduction of(ConeProgram program) {
        return new DualConeReduction(program);
    }

    /** Whether the program had blocks to rewrite (otherwise {@link #reduced()} is the original). */
    public boolean changed() {
        return changed;
    }

    /** The program the solver sees: only primal exponential and power cones. */
    public ConeProgram reduced() {
        return reduced;
    }

    /** The program as given. */
    public ConeProgram original() {
        return original;
    }

    /** Values of the reduced A for new values {@code aValues} on the original pattern. */
    public double[] reduceAValues(double[] aValues) {
        if (aValues.length != original.a().nnz()) {
            throw new IllegalArgumentException(
                    "A values have length " + aValues.length + " but the pattern has " + original.a().nnz());
        }
        if (!changed) {
            return aValues;
        }
        double[] out = new double[reducedNnz];
        for (int k = 0; k < contribTarget.length; k++) {
            out[contribTarget[k]] += contribCoef[k] * aValues[contribSource[k]];
        }
        return out;
    }

    /** {@code M b} blockwise. */
    public double[] reduceB(double[] b) {
        if (b.length != original.m()) {
            throw new IllegalArgumentException("b has length " + b.length + " but the program has " + original.m() + " rows");
        }
        return changed ? applyBlockwise(b, mapOfRow, false) : b;
    }

    /** Maps a solution of the reduced program back: {@code s = M⁻¹ s'}, {@code y = Mᵀ y'}; x is unchanged. */
    public Solution restore(Solution reducedSolution) {
        if (!changed) {
            return reducedSolution;
        }
        double[] y = applyBlockwise(reducedSolution.y(), mapOfRow, true);
        double[] s = applyBlockwise(reducedSolution.s(), inverseOfRow, false);
        return new Solution(reducedSolution.x(), y, s, reducedSolution.status(), reducedSolution.info());
    }

    /** Applies the 3×3 block maps (or their transposes) to a copy of v; rows outside mapped blocks are copied. */
    private double[] applyBlockwise(double[] v, double[][] maps, boolean transpose) {
        double[] out = v.clone();
        for (int r = 0; r < v.length; r++) {
            int start = blockStartOfRow[r];
            if (start < 0) {
                continue;
            }
            int i = r - start;
            double[] map = maps[r];
            double acc = 0.0;
            for (int j = 0; j < 3; j++) {
                double mij = transpose ? map[3 * j + i] : map[3 * i + j];
                acc += mij * v[start + j];
            }
            out[r] = acc;
        }
        return out;
    }
}
