package org.cvxlayers.solvers.ipm;

import java.util.Arrays;
import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.ipm.cones.IpmCone;
import org.cvxlayers.solvers.ipm.cones.IpmCones;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.cvxlayers.solvers.sparse.LdlSymbolic;
import org.cvxlayers.solvers.sparse.Ordering;

/**
 * Everything about a cone program that depends only on its sparsity patterns and cone list: the pattern of
 * the KKT matrix, the maps from problem entries into it, the pivot signs and the symbolic LDLᵀ analysis
 * (fill-reducing ordering, elimination tree).
 *
 * <p>Immutable and thread-safe. Build it once per pattern and share it between any number of
 * {@link InteriorPointSolver} instances (for example one per thread of a batched layer) through
 * {@link InteriorPointSolver#InteriorPointSolver(SolverStructure, ConeProgram, SolverSettings)}; each
 * solver owns only its numeric workspaces.
 *
 * <p>KKT layout (upper triangle, CSC), with {@code N = n + m + 2p} for {@code p} second-order cones of
 * dimension above {@link org.cvxlayers.solvers.ipm.cones.SecondOrderConeIpm#SPARSE_THRESHOLD}:
 * <pre>
 *   [ P + εI   Aᵀ          0   ]   rows/cols 0..n-1      (sign +1)
 *   [ A       −Hs − εI     U V ]   rows/cols n..n+m-1    (sign −1)
 *   [ 0        Uᵀ Vᵀ   diag(+1, −1) ] two rows per sparse cone (signs +1, −1)
 * </pre>
 * where a sparse cone's block of {@code Hs} is stored as its diagonal part {@code η²D} and the columns
 * {@code U = ηu}, {@code V = ηv} (so that the Schur complement gives {@code −η²(D + uuᵀ − vvᵀ)}); diagonal
 * cones store a diagonal, other cones a dense upper triangle.
 */
public final class SolverStructure {
    /** How a cone block's Hs is stored in the KKT matrix. */
    static final int HS_DIAGONAL = 0;
    static final int HS_DENSE = 1;
    static final int HS_SPARSE_SOC = 2;

    private final int n;
    private final int m;
    private final List<Cone> cones;
    private final CscMatrix pPattern;
    private final CscMatrix aPattern;
    private final int kktDim;
    private final int[] kktColPtr;
    private final int[] kktRowIdx;
    private final int[] pMap;
    private final int[] aMap;
    private final int[] diagPos;
    private final double[] signs;
    private final int[] coneKind;
    private final int[] coneOffset;
    private final int[] hsStart;
    private final int[] hsPos;
    private final int[] extraIndex;
    private final int hsMaxLen;
    private final LdlSymbolic symbolic;

    /**
     * Largest dimension of a cone block with a dense scaling block (PSD cones; exponential and power cones
     * have 3) that the KKT system accepts: svec dimension 2485 is a PSD block of order 70.
     */
    public static final int MAX_DENSE_BLOCK_DIM = 2500;

    /**
     * Analyses the patterns of {@code program} (values are ignored).
     *
     * @throws IllegalArgumentException if P has entries below the diagonal or a cone type is unsupported
     */
    public SolverStructure(ConeProgram program) {
        this(DualConeReduction.of(program).reduced(), true);
    }

    /** The structure of a program whose dual exponential/power blocks were rewritten as primal ones. */
    private SolverStructure(ConeProgram reduced, boolean alreadyReduced) {
        this(reduced.p(), reduced.a(), reduced.cones());
    }

    /**
     * Analyses the patterns of P (upper triangle) and A and the cone list (values are ignored).
     *
     * @throws IllegalArgumentException if P has entries below the diagonal, shapes disagree, or a cone type
     *                                  is unsupported
     */
    public SolverStructure(CscMatrix p, CscMatrix a, List<Cone> cones) {
        this.n = p.cols();
        this.m = a.rows();
        if (p.rows() != n || a.cols() != n) {
            throw new IllegalArgumentException("P is " + p.rows() + "x" + p.cols() + " and A is " + a.rows() + "x"
                    + a.cols() + ": expected n x n and m x n");
        }
        if (Cone.totalDim(cones) != m) {
            throw new IllegalArgumentException("cones cover " + Cone.totalDim(cones) + " rows but A has " + m);
        }
        this.cones = List.copyOf(cones);
        this.pPattern = p.withValues(new double[p.nnz()]);
        this.aPattern = a.withValues(new double[a.nnz()]);
        int[] pcp = p.colPtr();
        int[] pri = p.rowIdx();
        for (int j = 0; j < n; j++) {
            for (int q = pcp[j]; q < pcp[j + 1]; q++) {
                if (pri[q] > j) {
                    throw new IllegalArgumentException("P must be given as its upper triangle: entry (" + pri[q]
                            + ", " + j + ") lies below the diagonal");
                }
            }
        }

        // cone layout
        int k = this.cones.size();
        coneKind = new int[k];
        coneOffset = new int[k];
        extraIndex = new int[k];
        Arrays.fill(extraIndex, -1);
        int offset = 0;
        int extras = 0;
        int hsLen = 0;
        int maxLen = 0;
        for (int c = 0; c < k; c++) {
            Cone spec = this.cones.get(c);
            IpmCone probe = IpmCones.create(spec, offset); // validates support; discarded
            coneOffset[c] = offset;
            int d = spec.dim();
            int len;
            if (spec instanceof SecondOrderCone && d > org.cvxlayers.solvers.ipm.cones.SecondOrderConeIpm.SPARSE_THRESHOLD) {
                coneKind[c] = HS_SPARSE_SOC;
                extraIndex[c] = n + m + extras;
                extras += 2;
                len = 3 * d + 2;
            } else if (probe.hsIsDiagonal()) {
                coneKind[c] = HS_DIAGONAL;
                len = d;
            } else {
                if (d > MAX_DENSE_BLOCK_DIM) {
                    // A dense Hs block of this size makes every factorization cost O(d³) and O(d²) memory
                    // (an order-161 PSD block: 85 M KKT entries, minutes per iteration). Refuse up front
                    // rather than run past any time limit; a Schur-complement KKT would be needed.
                    throw new IllegalArgumentException("cone " + c + " (" + spec + ") has dimension " + d
                            + ": its dense scaling block exceeds the supported " + MAX_DENSE_BLOCK_DIM
                            + " rows (PSD order about 70)");
                }
                coneKind[c] = HS_DENSE;
                len = d * (d + 1) / 2;
            }
            hsLen += len;
            maxLen = Math.max(maxLen, len);
            offset += d;
        }
        hsMaxLen = maxLen;
        kktDim = n + m + extras;

        // row counts of A (entries per z-column of the KKT upper triangle)
        int[] acp = a.colPtr();
        int[] ari = a.rowIdx();
        int[] rowCount = new int[m];
        for (int q = 0; q < a.nnz(); q++) {
            rowCount[ari[q]]++;
        }
        // z-block entries per column: how many upper entries of Hs lie in z-column i
        int[] zBlockCount = new int[m];
        for (int c = 0; c < k; c++) {
            int off = coneOffset[c];
            int d = this.cones.get(c).dim();
            for (int l = 0; l < d; l++) {
                zBlockCount[off + l] = coneKind[c] == HS_DENSE ? l + 1 : 1;
            }
        }
        int[] colCount = new int[kktDim];
        for (int j = 0; j < n; j++) {
            int cnt = 1; // diagonal always present
            for (int q = pcp[j]; q < pcp[j + 1]; q++) {
                if (pri[q] < j) {
                    cnt++;
                }
            }
            colCount[j] = cnt;
        }
        for (int i = 0; i < m; i++) {
            colCount[n + i] = rowCount[i] + zBlockCount[i];
        }
        for (int c = 0; c < k; c++) {
            if (coneKind[c] == HS_SPARSE_SOC) {
                int d = this.cones.get(c).dim();
                colCount[extraIndex[c]] = d + 1;
                colCount[extraIndex[c] + 1] = d + 1;
            }
        }
        kktColPtr = new int[kktDim + 1];
        for (int j = 0; j < kktDim; j++) {
            kktColPtr[j + 1] = kktColPtr[j] + colCount[j];
        }
        int nnz = kktColPtr[kktDim];
        kktRowIdx = new int[nnz];
        diagPos = new int[kktDim];
        pMap = new int[p.nnz()];
        aMap = new int[a.nnz()];

        // x columns: strict upper part of P, then the diagonal
        for (int j = 0; j < n; j++) {
            int dst = kktColPtr[j];
            int diagSource = -1;
            for (int q = pcp[j]; q < pcp[j + 1]; q++) {
                if (pri[q] < j) {
                    kktRowIdx[dst] = pri[q];
                    pMap[q] = dst++;
                } else {
                    diagSource = q;
                }
            }
            kktRowIdx[dst] = j;
            diagPos[j] = dst;
            if (diagSource >= 0) {
                pMap[diagSource] = dst;
            }
        }
        // z columns: Aᵀ part (rows ascend because A's columns are visited in order)
        int[] fill = new int[m];
        for (int j = 0; j < n; j++) {
            for (int q = acp[j]; q < acp[j + 1]; q++) {
                int i = ari[q];
                int dst = kktColPtr[n + i] + fill[i]++;
                kktRowIdx[dst] = j;
                aMap[q] = dst;
            }
        }
        // Hs blocks and the extra columns of sparse cones
        hsStart = new int[k + 1];
        hsPos = new int[hsLen];
        int h = 0;
        for (int c = 0; c < k; c++) {
            hsStart[c] = h;
            int off = coneOffset[c];
            int d = this.cones.get(c).dim();
            if (coneKind[c] == HS_DENSE) {
                for (int l = 0; l < d; l++) {
                    int col = n + off + l;
                    int dst = kktColPtr[col] + rowCount[off + l];
                    for (int r = 0; r <= l; r++) {
                        kktRowIdx[dst] = n + off + r;
                        hsPos[h++] = dst;
                        if (r == l) {
                            diagPos[col] = dst;
                        }
                        dst++;
                    }
                }
            } else {
                for (int l = 0; l < d; l++) {
                    int col = n + off + l;
                    int dst = kktColPtr[col] + rowCount[off + l];
                    kktRowIdx[dst] = col;
                    diagPos[col] = dst;
                    hsPos[h++] = dst;
                }
                if (coneKind[c] == HS_SPARSE_SOC) {
                    for (int e = 0; e < 2; e++) {
                        int col = extraIndex[c] + e;
                        int dst = kktColPtr[col];
                        for (int l = 0; l < d; l++) {
                            kktRowIdx[dst] = n + off + l;
                            hsPos[h + e * d + l] = dst++;
                        }
                        kktRowIdx[dst] = col;
                        diagPos[col] = dst;
                        hsPos[h + 2 * d + e] = dst;
                    }
                    h += 2 * d + 2;
                }
            }
        }
        hsStart[k] = h;

        signs = new double[kktDim];
        Arrays.fill(signs, 0, n, 1.0);
        Arrays.fill(signs, n, n + m, -1.0);
        for (int c = 0; c < k; c++) {
            if (coneKind[c] == HS_SPARSE_SOC) {
                signs[extraIndex[c]] = 1.0;
                signs[extraIndex[c] + 1] = -1.0;
            }
        }
        CscMatrix kktPattern = new CscMatrix(kktDim, kktDim, kktColPtr, kktRowIdx, new double[nnz]);
        symbolic = LdlSymbolic.analyze(kktPattern, Ordering.AMD);
    }

    /** Whether {@code program} has exactly the patterns and cones this structure was built for. */
    public boolean matches(ConeProgram program) {
        program = DualConeReduction.of(program).reduced();
        return samePattern(pPattern, program.p()) && samePattern(aPattern, program.a())
                && cones.equals(program.cones());
    }

    private static boolean samePattern(CscMatrix x, CscMatrix y) {
        if (x.rows() != y.rows() || x.cols() != y.cols() || x.nnz() != y.nnz()) {
            return false;
        }
        if (x.colPtr() == y.colPtr() && x.rowIdx() == y.rowIdx()) {
            return true;
        }
        return Arrays.equals(x.colPtr(), y.colPtr())
                && Arrays.equals(x.rowIdx(), 0, x.nnz(), y.rowIdx(), 0, y.nnz());
    }

    /** Number of variables. */
    public int n() {
        return n;
    }

    /** Number of constraint rows. */
    public int m() {
        return m;
    }

    /** The cone list. */
    public List<Cone> cones() {
        return cones;
    }

    /** Dimension of the KKT matrix (n + m + 2 per sparse second-order cone). */
    public int kktDim() {
        return kktDim;
    }

    /** Stored entries of the KKT upper triangle. */
    public int kktNnz() {
        return kktColPtr[kktDim];
    }

    /** Entries of the LDLᵀ factor L. */
    public int factorNnz() {
        return symbolic.nnzL();
    }

    LdlSymbolic symbolic() {
        return symbolic;
    }

    int[] kktColPtr() {
        return kktColPtr;
    }

    int[] kktRowIdx() {
        return kktRowIdx;
    }

    CscMatrix pPattern() {
        return pPattern;
    }

    CscMatrix aPattern() {
        return aPattern;
    }

    int[] pMap() {
        return pMap;
    }

    int[] aMap() {
        return aMap;
    }

    int[] diagPos() {
        return diagPos;
    }

    double[] signs() {
        return signs;
    }

    int coneKind(int c) {
        return coneKind[c];
    }

    int hsStart(int c) {
        return hsStart[c];
    }

    int[] hsPos() {
        return hsPos;
    }

    int hsMaxLen() {
        return hsMaxLen;
    }
}
