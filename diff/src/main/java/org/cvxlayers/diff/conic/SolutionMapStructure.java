package org.cvxlayers.diff.conic;

import java.util.Arrays;
import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.projection.ConeProjections;
import org.cvxlayers.solvers.cones.projection.ProductProjection;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.cvxlayers.solvers.sparse.LdlSymbolic;
import org.cvxlayers.solvers.sparse.Ordering;

/**
 * Everything about the solution-map derivative that depends only on the sparsity patterns of P and A and
 * on the cone list: the row lists of A, the pattern of the symmetric system
 * <pre>
 *   K = [ P      AᵀS    ]        (n + m square, stored as its upper triangle)
 *       [ SA   −(I − D) ]
 * </pre>
 * with every index map from P, A and the cone blocks into K's values, and the symbolic LDLᵀ analysis
 * (AMD ordering, elimination tree) of that pattern. {@code S = D^{1/2}} is diagonal on zero and orthant
 * blocks and dense on the others, so a dense block's rows of SA share the union of its rows' patterns.
 *
 * <p>Immutable and thread-safe: build once per pattern (e.g. per compiled layer) and derive any number of
 * {@link SolutionMapDerivative}s from it.
 */
public final class SolutionMapStructure {
    final int n;
    final int m;
    final int nnzP;
    final int nnzA;
    final int[] pColPtr;
    final int[] pRowIdx;
    final int[] aColPtr;
    final int[] aRowIdx;
    final List<Cone> cones;
    final ProductProjection projection;
    final boolean[] diagonalBlock;
    final int[] blockOfRow;
    // rows of A: entries of row i are q in rowPtr[i] .. rowPtr[i+1]-1, column rowCol[q], A entry rowSrc[q],
    // position rowUnion[q] of that column within the SA row pattern of row i's block
    final int[] rowPtr;
    final int[] rowCol;
    final int[] rowSrc;
    final int[] rowUnion;
    // K
    final CscMatrix kPattern;
    final int[] pToK;
    final int[] diagPos;
    final int[] saStart;
    final int[] blockStart;
    final LdlSymbolic symbolic;

    /** Analyses the patterns of a program (its values are ignored). */
    public static SolutionMapStructure of(ConeProgram program) {
        return new SolutionMapStructure(program.p(), program.a(), program.cones());
    }

    /**
     * @param p     upper triangle of P (n×n), pattern only
     * @param a     A (m×n), pattern only
     * @param cones cones covering the m rows
     * @throws IllegalArgumentException on inconsistent shapes or an entry of P below the diagonal
     */
    public SolutionMapStructure(CscMatrix p, CscMatrix a, List<Cone> cones) {
        n = a.cols();
        m = a.rows();
        if (p.rows() != n || p.cols() != n) {
            throw new IllegalArgumentException("P is " + p.rows() + "x" + p.cols() + " but A has " + n + " columns");
        }
        if (Cone.totalDim(cones) != m) {
            throw new IllegalArgumentException("cones cover " + Cone.totalDim(cones) + " rows but A has " + m);
        }
        this.cones = List.copyOf(cones);
        nnzP = p.nnz();
        nnzA = a.nnz();
        pColPtr = p.colPtr().clone();
        pRowIdx = Arrays.copyOf(p.rowIdx(), nnzP);
        aColPtr = a.colPtr().clone();
        aRowIdx = Arrays.copyOf(a.rowIdx(), nnzA);
        for (int j = 0; j < n; j++) {
            for (int q = pColPtr[j]; q < pColPtr[j + 1]; q++) {
                if (pRowIdx[q] > j) {
                    throw new IllegalArgumentException("P must be an upper triangle, but has entry (" + pRowIdx[q]
                            + ", " + j + ") below the diagonal");
                }
            }
        }
        projection = ConeProjections.product(this.cones);
        int nb = projection.blockCount();
        diagonalBlock = new boolean[nb];
        blockOfRow = new int[m];
        for (int b = 0; b < nb; b++) {
            diagonalBlock[b] = ConeJacobian.isDiagonal(projection.block(b));
            for (int i = projection.offset(b); i < projection.offset(b + 1); i++) {
                blockOfRow[i] = b;
            }
        }
        // row lists of A (columns increasing within a row)
        rowPtr = new int[m + 1];
        for (int q = 0; q < nnzA; q++) {
            rowPtr[aRowIdx[q] + 1]++;
        }
        for (int i = 0; i < m; i++) {
            rowPtr[i + 1] += rowPtr[i];
        }
        rowCol = new int[nnzA];
        rowSrc = new int[nnzA];
        rowUnion = new int[nnzA];
        int[] next = Arrays.copyOf(rowPtr, m);
        for (int j = 0; j < n; j++) {
            for (int q = aColPtr[j]; q < aColPtr[j + 1]; q++) {
                int t = next[aRowIdx[q]]++;
                rowCol[t] = j;
                rowSrc[t] = q;
            }
        }
        // SA row pattern per block: the row's own pattern (diagonal blocks) or the union over the block
        int[] unionSize = new int[m];
        int[][] unionCols = new int[nb][];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] pos = new int[n];
        for (int b = 0; b < nb; b++) {
            int o = projection.offset(b);
            int e = projection.offset(b + 1);
            if (diagonalBlock[b]) {
                for (int i = o; i < e; i++) {
                    unionSize[i] = rowPtr[i + 1] - rowPtr[i];
                    for (int q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
                        rowUnion[q] = q - rowPtr[i];
                    }
                }
            } else {
                int cnt = 0;
                for (int i = o; i < e; i++) {
                    for (int q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
                        if (mark[rowCol[q]] != b) {
                            mark[rowCol[q]] = b;
                            cnt++;
                        }
                    }
                }
                int[] u = new int[cnt];
                int c = 0;
                for (int i = o; i < e; i++) {
                    for (int q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
                        if (mark[rowCol[q]] == b) {
                            mark[rowCol[q]] = -2 - b; // collected
                            u[c++] = rowCol[q];
                        }
                    }
                }
                Arrays.sort(u);
                unionCols[b] = u;
                for (int t = 0; t < cnt; t++) {
                    pos[u[t]] = t;
                }
                for (int i = o; i < e; i++) {
                    unionSize[i] = cnt;
                    for (int q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
                        rowUnion[q] = pos[rowCol[q]];
                    }
                }
            }
        }
        // K's upper triangle, column by column
        int size = n + m;
        int[] kColPtr = new int[size + 1];
        for (int j = 0; j < n; j++) {
            int cnt = pColPtr[j + 1] - pColPtr[j];
            boolean hasDiag = cnt > 0 && pRowIdx[pColPtr[j + 1] - 1] == j;
            kColPtr[j + 1] = kColPtr[j] + cnt + (hasDiag ? 0 : 1);
        }
        for (int i = 0; i < m; i++) {
            int b = blockOfRow[i];
            int blockPart = diagonalBlock[b] ? 1 : i - projection.offset(b) + 1;
            kColPtr[n + i + 1] = kColPtr[n + i] + unionSize[i] + blockPart;
        }
        int nnzK = kColPtr[size];
        int[] kRowIdx = new int[nnzK];
        pToK = new int[nnzP];
        diagPos = new int[size];
        saStart = new int[m];
        blockStart = new int[m];
        for (int j = 0; j < n; j++) {
            int t = kColPtr[j];
            for (int q = pColPtr[j]; q < pColPtr[j + 1]; q++) {
                pToK[q] = t;
                kRowIdx[t++] = pRowIdx[q];
            }
            if (t < kColPtr[j + 1]) {
                kRowIdx[t++] = j;
            }
            diagPos[j] = kColPtr[j + 1] - 1;
        }
        for (int i = 0; i < m; i++) {
            int b = blockOfRow[i];
            int t = kColPtr[n + i];
            saStart[i] = t;
            if (diagonalBlock[b]) {
                for (int q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
                    kRowIdx[t++] = rowCol[q];
                }
                blockStart[i] = t;
                kRowIdx[t++] = n + i;
            } else {
                for (int col : unionCols[b]) {
                    kRowIdx[t++] = col;
                }
                blockStart[i] = t;
                for (int k = projection.offset(b); k <= i; k++) {
                    kRowIdx[t++] = n + k;
                }
            }
            diagPos[n + i] = t - 1;
        }
        kPattern = new CscMatrix(size, size, kColPtr, kRowIdx, new double[nnzK]);
        symbolic = LdlSymbolic.analyze(kPattern, Ordering.AMD);
    }

    /** Number of variables n. */
    public int n() {
        return n;
    }

    /** Number of constraint rows m. */
    public int m() {
        return m;
    }

    /** Stored entries of K's upper triangle. */
    public int nnzK() {
        return kPattern.nnz();
    }

    /** Entries of the LDLᵀ factor of K. */
    public int nnzL() {
        return symbolic.nnzL();
    }

    /** Whether a program has the patterns and cones this structure was built for. */
    public boolean matches(ConeProgram program) {
        CscMatrix p = program.p();
        CscMatrix a = program.a();
        return p.rows() == n && a.rows() == m && a.cols() == n && p.nnz() == nnzP && a.nnz() == nnzA
                && Arrays.equals(p.colPtr(), pColPtr) && Arrays.equals(a.colPtr(), aColPtr)
                && Arrays.equals(Arrays.copyOf(p.rowIdx(), nnzP), pRowIdx)
                && Arrays.equals(Arrays.copyOf(a.rowIdx(), nnzA), aRowIdx) && program.cones().equals(cones);
    }
}
