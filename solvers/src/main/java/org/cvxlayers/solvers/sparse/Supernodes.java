package org.cvxlayers.solvers.sparse;

import java.util.Arrays;

/**
 * Supernodal structure of L for the left-looking supernodal LDLᵀ (Ng &amp; Peyton 1993; Davis 2006, ch. 9):
 * runs of consecutive columns j, j+1, … where parent(j) = j+1 and L(:, j) has exactly one more entry than
 * L(:, j+1), i.e. the columns share one row structure below their diagonal block, then relaxed
 * (amalgamated) with their parent when few explicit zeros result (Ashcraft &amp; Grimes 1989). Each
 * supernode is stored as a dense column-major panel (its rows × its columns), so the numeric phase works
 * with dense kernels.
 *
 * <p>Everything structural the numeric phase needs is precomputed here: where each matrix entry goes in the
 * panels, and the full update schedule (which earlier supernode updates which later one, through which
 * contiguous range of its rows). Immutable, package-private.
 */
final class Supernodes {
    final int count;
    /** Columns of supernode s: first[s] .. first[s+1]-1. */
    final int[] first;
    /** Row structure of supernode s (diagonal block rows first, all sorted): rows[rowPtr[s] .. rowPtr[s+1]-1]. */
    final int[] rowPtr;
    final int[] rows;
    /** Offset of supernode s's panel in the value array; panel is (rowPtr[s+1]-rowPtr[s]) × width, column-major. */
    final int[] valPtr;
    final int valueCount;
    /** Matrix entries of the permuted upper triangle, grouped by supernode: value position and source entry. */
    final int[] asmPtr;
    final int[] asmPos;
    final int[] asmSrc;
    /** Updates into supernode s: from supernode updSource[t], through its row indices updR0[t] .. updR1[t]-1. */
    final int[] updPtr;
    final int[] updSource;
    final int[] updR0;
    final int[] updR1;
    /** Largest panel height, for workspace sizing. */
    final int maxRows;
    /**
     * Panel position of every entry of the compressed-column L (in {@code lColPtr}/{@code lRowIdx} order):
     * after a supernodal factorization L is copied out without the panels' explicit zeros, so solves run
     * on the compact form.
     */
    final int[] lPanelPos;

    private Supernodes(int count, int[] first, int[] rowPtr, int[] rows, int[] valPtr, int valueCount, int[] asmPtr,
            int[] asmPos, int[] asmSrc, int[] updPtr, int[] updSource, int[] updR0, int[] updR1, int maxRows,
            int[] lPanelPos) {
        this.count = count;
        this.first = first;
        this.rowPtr = rowPtr;
        this.rows = rows;
        this.valPtr = valPtr;
        this.valueCount = valueCount;
        this.asmPtr = asmPtr;
        this.asmPos = asmPos;
        this.asmSrc = asmSrc;
        this.updPtr = updPtr;
        this.updSource = updSource;
        this.updR0 = updR0;
        this.updR1 = updR1;
        this.maxRows = maxRows;
        this.lPanelPos = lPanelPos;
    }

    /**
     * Relaxed amalgamation rule with CHOLMOD's default parameters (Davis, CHOLMOD user guide: nrelax =
     * 4, 16, 48 and zrelax = 0.8, 0.1, 0.05): always merge up to 4 columns; up to 16 columns if under 80 %
     * of the panel entries are explicit zeros, up to 48 under 10 %, any size under 5 %.
     */
    private static boolean relax(long cols, double zeroFraction) {
        return cols <= 4 || (cols <= 16 && zeroFraction < 0.8) || (cols <= 48 && zeroFraction < 0.1)
                || zeroFraction < 0.05;
    }

    /**
     * Builds the structure, or returns null if the panels would not fit in one Java array.
     *
     * @param parent   elimination tree of the permuted matrix
     * @param lColPtr  column pointers of the strictly lower L
     * @param lRowIdx  sorted row indices of the strictly lower L
     * @param cColPtr  permuted upper triangle: column pointers
     * @param cRowIdx  its row indices
     * @param cSource  its source entry in the original upper triangle
     */
    static Supernodes build(int n, int[] parent, int[] lColPtr, int[] lRowIdx, int[] cColPtr, int[] cRowIdx,
            int[] cSource) {
        // 1. fundamental-style supernodes (no single-child condition: left-looking does not need it), then
        //    relaxed amalgamation: a run of supernodes is merged with the next one when that one holds the
        //    etree parent of the run's last column and the merged panel has few explicit zeros
        int[] firstTmp = new int[n + 1];
        int count = 0;
        int groupStart = 0;
        long groupZeros = 0;
        for (int j = 0; j < n; j++) {
            boolean extends_ = j > 0 && parent[j - 1] == j
                    && lColPtr[j] - lColPtr[j - 1] == lColPtr[j + 1] - lColPtr[j] + 1;
            if (extends_ || j == 0) {
                continue;
            }
            // column j starts a new fundamental supernode q = j .. qe; decide whether to merge it into the run
            int qe = j;
            while (qe + 1 < n && parent[qe] == qe + 1
                    && lColPtr[qe + 1] - lColPtr[qe] == lColPtr[qe + 2] - lColPtr[qe + 1] + 1) {
                qe++;
            }
            int groupEnd = j - 1;
            if (parent[groupEnd] == j) {
                long wG = groupEnd - groupStart + 1;
                long bG = lColPtr[groupEnd + 1] - lColPtr[groupEnd];
                long bQ = lColPtr[qe + 1] - lColPtr[qe];
                long zeros = groupZeros + wG * ((qe - groupEnd) + bQ - bG);
                long cols = qe - groupStart + 1;
                long entries = cols * (cols + 1) / 2 + cols * bQ;
                double frac = (double) zeros / entries;
                if (relax(cols, frac)) {
                    groupZeros = zeros;
                    j = qe; // the loop continues after q, which now belongs to the run
                    continue;
                }
            }
            firstTmp[count++] = groupStart;
            groupStart = j;
            groupZeros = 0;
            j = qe;
        }
        if (n > 0) {
            firstTmp[count++] = groupStart;
        }
        firstTmp[count] = n;
        int[] first = Arrays.copyOf(firstTmp, count + 1);
        int[] colToSuper = new int[n];
        int[] rowPtr = new int[count + 1];
        int[] valPtr = new int[count + 1];
        long values = 0;
        int maxRows = 0;
        for (int s = 0; s < count; s++) {
            int f = first[s];
            int w = first[s + 1] - f;
            int l = f + w - 1;
            int m = w + lColPtr[l + 1] - lColPtr[l]; // diagonal block plus the rows below the last column
            for (int j = f; j < f + w; j++) {
                colToSuper[j] = s;
            }
            rowPtr[s + 1] = rowPtr[s] + m;
            valPtr[s] = (int) Math.min(values, Integer.MAX_VALUE);
            values += (long) m * w;
            maxRows = Math.max(maxRows, m);
        }
        if (values > Integer.MAX_VALUE - 8) {
            return null;
        }
        valPtr[count] = (int) values;
        int[] rows = new int[rowPtr[count]];
        for (int s = 0; s < count; s++) {
            int p = rowPtr[s];
            int l = first[s + 1] - 1;
            for (int j = first[s]; j <= l; j++) {
                rows[p++] = j;
            }
            for (int q = lColPtr[l]; q < lColPtr[l + 1]; q++) {
                rows[p++] = lRowIdx[q];
            }
        }
        // 2. assembly map: entry (i, j), i <= j, of the permuted upper triangle is L-position (row j, column i)
        int nnz = cColPtr[n];
        int[] asmPtr = new int[count + 1];
        for (int j = 0; j < n; j++) {
            for (int p = cColPtr[j]; p < cColPtr[j + 1]; p++) {
                asmPtr[colToSuper[cRowIdx[p]] + 1]++;
            }
        }
        for (int s = 0; s < count; s++) {
            asmPtr[s + 1] += asmPtr[s];
        }
        int[] next = Arrays.copyOf(asmPtr, count);
        int[] asmPos = new int[nnz];
        int[] asmSrc = new int[nnz];
        int[] rel = new int[n];
        int[] lPanelPos = new int[lColPtr[n]];
        // relative row positions are found per supernode; process entries column-major by lower column
        int[] byLowerPtr = new int[n + 1];
        for (int j = 0; j < n; j++) {
            for (int p = cColPtr[j]; p < cColPtr[j + 1]; p++) {
                byLowerPtr[cRowIdx[p] + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            byLowerPtr[i + 1] += byLowerPtr[i];
        }
        int[] lowRow = new int[nnz];
        int[] lowSrc = new int[nnz];
        int[] fill = Arrays.copyOf(byLowerPtr, n);
        for (int j = 0; j < n; j++) {
            for (int p = cColPtr[j]; p < cColPtr[j + 1]; p++) {
                int q = fill[cRowIdx[p]]++;
                lowRow[q] = j;
                lowSrc[q] = cSource[p];
            }
        }
        for (int s = 0; s < count; s++) {
            int f = first[s];
            int m = rowPtr[s + 1] - rowPtr[s];
            for (int r = 0; r < m; r++) {
                rel[rows[rowPtr[s] + r]] = r;
            }
            for (int i = f; i < first[s + 1]; i++) {
                for (int q = byLowerPtr[i]; q < byLowerPtr[i + 1]; q++) {
                    int t = next[s]++;
                    asmPos[t] = valPtr[s] + (i - f) * m + rel[lowRow[q]];
                    asmSrc[t] = lowSrc[q];
                }
                for (int p = lColPtr[i]; p < lColPtr[i + 1]; p++) {
                    lPanelPos[p] = valPtr[s] + (i - f) * m + rel[lRowIdx[p]];
                }
            }
        }
        // 3. update schedule: supernode d updates every later supernode that owns a run of its rows
        int[] runCount = new int[count + 1];
        int total = 0;
        for (int d = 0; d < count; d++) {
            int w = first[d + 1] - first[d];
            int end = rowPtr[d + 1];
            for (int r = rowPtr[d] + w; r < end; ) {
                int s = colToSuper[rows[r]];
                int r1 = r;
                while (r1 < end && colToSuper[rows[r1]] == s) {
                    r1++;
                }
                runCount[s + 1]++;
                total++;
                r = r1;
            }
        }
        for (int s = 0; s < count; s++) {
            runCount[s + 1] += runCount[s];
        }
        int[] updPtr = runCount;
        int[] updSource = new int[total];
        int[] updR0 = new int[total];
        int[] updR1 = new int[total];
        int[] at = Arrays.copyOf(updPtr, count);
        for (int d = 0; d < count; d++) {
            int w = first[d + 1] - first[d];
            int end = rowPtr[d + 1];
            for (int r = rowPtr[d] + w; r < end; ) {
                int s = colToSuper[rows[r]];
                int r1 = r;
                while (r1 < end && colToSuper[rows[r1]] == s) {
                    r1++;
                }
                int t = at[s]++;
                updSource[t] = d;
                updR0[t] = r - rowPtr[d];
                updR1[t] = r1 - rowPtr[d];
                r = r1;
            }
        }
        return new Supernodes(count, first, rowPtr, rows, valPtr, (int) values, asmPtr, asmPos, asmSrc, updPtr,
                updSource, updR0, updR1, maxRows, lPanelPos);
    }
}
