package org.cvxlayers.solvers.ipm;

import java.util.Arrays;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * The pattern data of one PSD block eliminated from the KKT system (part of an immutable
 * {@link SolverStructure}): the columns of A that touch the block's rows, their entries inside the block, and
 * for every pair of such columns the position its Schur-complement entry {@code (A_kᵀ Hs_k⁻¹ A_k)[j, j']} takes
 * in the reduced KKT values. Everything a numeric iteration needs is listed here, so nothing is searched per
 * iteration.
 *
 * <p>Columns are kept in processing order (most entries in the block first, ties by column index): the pair
 * {@code (t, t')} with {@code t ≤ t'} is formed from column {@code t}'s product {@code G_t = Q⁻¹ mat(a_t) Q⁻¹}
 * and column {@code t'}'s entries, so the dense columns form their G once and the sparse ones meet few
 * partners (the ordering SDPA uses).
 */
final class SchurBlock {
    /** Index of the cone in the cone list. */
    final int cone;
    /** First row of the block in A (z-space). */
    final int offset;
    /** Matrix order k of the block. */
    final int order;
    /** Columns of A with an entry in the block, in processing order. */
    final int[] cols;
    /** Entries of column t inside the block: {@code entPtr[t] .. entPtr[t+1]}. */
    final int[] entPtr;
    /** svec position (within the block) of each entry. */
    final int[] entRow;
    /** Matrix row i and column j (i ≤ j) of each entry. */
    final int[] entI;
    final int[] entJ;
    /** Index of each entry in {@code A.values()}. */
    final int[] entA;
    /** Slots of i and j among the distinct matrix rows of the entry's column. */
    final int[] entSlotI;
    final int[] entSlotJ;
    /** Distinct matrix rows touched by column t: {@code rows[rowPtr[t] .. rowPtr[t+1]]}. */
    final int[] rowPtr;
    final int[] rows;
    /** Whether column t forms its G in full (dense upper triangle) rather than entry by entry. */
    final boolean[] fullG;
    /** Largest number of distinct rows of one column. */
    final int maxRows;
    /** KKT value position of pair {@code (t, t')}, {@code t ≤ t'}, at index {@code t'(t'+1)/2 + t}; filled by
     *  {@link SolverStructure}. */
    final int[] pairPos;

    private SchurBlock(int cone, int offset, int order, int[] cols, int[] entPtr, int[] entRow, int[] entI,
            int[] entJ, int[] entA, int[] entSlotI, int[] entSlotJ, int[] rowPtr, int[] rows, boolean[] fullG,
            int maxRows) {
        this.cone = cone;
        this.offset = offset;
        this.order = order;
        this.cols = cols;
        this.entPtr = entPtr;
        this.entRow = entRow;
        this.entI = entI;
        this.entJ = entJ;
        this.entA = entA;
        this.entSlotI = entSlotI;
        this.entSlotJ = entSlotJ;
        this.rowPtr = rowPtr;
        this.rows = rows;
        this.fullG = fullG;
        this.maxRows = maxRows;
        long pairs = (long) cols.length * (cols.length + 1) / 2;
        this.pairPos = new int[(int) pairs];
    }

    /** svec dimension of the block. */
    int dim() {
        return order * (order + 1) / 2;
    }

    /**
     * Collects the block's column data from the pattern of A.
     *
     * @param touchCols {@code touchCols[from .. to)}: the columns of A with an entry in the block's rows
     */
    static SchurBlock of(CscMatrix a, int cone, int offset, int order, int[] touchCols, int from, int to) {
        int dim = order * (order + 1) / 2;
        int[] cp = a.colPtr();
        int[] ri = a.rowIdx();
        // svec position → (i, j)
        int[] rowOf = new int[dim];
        int[] colOf = new int[dim];
        for (int j = 0, p = 0; j < order; j++) {
            for (int i = 0; i <= j; i++, p++) {
                rowOf[p] = i;
                colOf[p] = j;
            }
        }
        int touching = to - from;
        int total = 0;
        // processing order: most entries first, ties by column index (deterministic)
        long[] keys = new long[touching];
        for (int t = 0; t < touching; t++) {
            int j = touchCols[from + t];
            int count = 0;
            for (int q = cp[j]; q < cp[j + 1]; q++) {
                if (ri[q] >= offset && ri[q] < offset + dim) {
                    count++;
                }
            }
            total += count;
            keys[t] = ((long) (Integer.MAX_VALUE - count) << 32) | j;
        }
        Arrays.sort(keys);
        int[] cols = new int[touching];
        for (int t = 0; t < touching; t++) {
            cols[t] = (int) keys[t];
        }
        int[] entPtr = new int[touching + 1];
        int[] entRow = new int[total];
        int[] entI = new int[total];
        int[] entJ = new int[total];
        int[] entA = new int[total];
        int[] entSlotI = new int[total];
        int[] entSlotJ = new int[total];
        int[] rowPtr = new int[touching + 1];
        int[] rowsTmp = new int[2 * total];
        int[] slotOf = new int[order];
        int[] stamp = new int[order];
        Arrays.fill(stamp, -1);
        int e = 0;
        int nr = 0;
        int maxRows = 0;
        for (int t = 0; t < touching; t++) {
            int j = cols[t];
            int firstRow = nr;
            for (int q = cp[j]; q < cp[j + 1]; q++) {
                int r = ri[q];
                if (r < offset || r >= offset + dim) {
                    continue;
                }
                int p = r - offset;
                entRow[e] = p;
                entI[e] = rowOf[p];
                entJ[e] = colOf[p];
                entA[e] = q;
                for (int side = 0; side < 2; side++) {
                    int idx = side == 0 ? rowOf[p] : colOf[p];
                    if (stamp[idx] != t) {
                        stamp[idx] = t;
                        slotOf[idx] = nr - firstRow;
                        rowsTmp[nr++] = idx;
                    }
                }
                entSlotI[e] = slotOf[rowOf[p]];
                entSlotJ[e] = slotOf[colOf[p]];
                e++;
            }
            entPtr[t + 1] = e;
            rowPtr[t + 1] = nr;
            maxRows = Math.max(maxRows, nr - firstRow);
        }
        int[] rows = Arrays.copyOf(rowsTmp, nr);
        // per column, form G in full when that is cheaper than entry by entry: a full upper triangle costs
        // r·k(k+1)/2 plus one pass over the partners' entries, entry by entry costs r per partner entry
        boolean[] fullG = new boolean[touching];
        long partnerEntries = 0;
        for (int t = touching - 1; t >= 0; t--) {
            partnerEntries += entPtr[t + 1] - entPtr[t];
            long r = rowPtr[t + 1] - rowPtr[t];
            long full = r * order * (order + 1L) / 2 + partnerEntries;
            long sparse = r * partnerEntries;
            fullG[t] = full < sparse;
        }
        return new SchurBlock(cone, offset, order, cols, entPtr, entRow, entI, entJ, entA, entSlotI, entSlotJ,
                rowPtr, rows, fullG, maxRows);
    }
}
