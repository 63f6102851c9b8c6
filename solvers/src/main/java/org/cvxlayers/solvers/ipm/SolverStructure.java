package org.cvxlayers.solvers.ipm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.ipm.cones.IpmCone;
import org.cvxlayers.solvers.ipm.cones.IpmCones;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.cvxlayers.solvers.sparse.LdlSymbolic;
import org.cvxlayers.solvers.sparse.Ordering;

/**
 * Everything about a cone program that depends only on its sparsity patterns and cone list: which PSD blocks
 * are eliminated, the pattern of the (reduced) KKT matrix, the maps from problem entries into it, the pivot
 * signs and the symbolic LDLᵀ analysis (fill-reducing ordering, elimination tree).
 *
 * <p>Immutable and thread-safe. Build it once per pattern and share it between any number of
 * {@link InteriorPointSolver} instances (for example one per thread of a batched layer) through
 * {@link InteriorPointSolver#InteriorPointSolver(SolverStructure, ConeProgram, SolverSettings)}; each
 * solver owns only its numeric workspaces.
 *
 * <p>Full KKT system (the layout of every right-hand side and solution, {@code N = n + m + 2p} for {@code p}
 * second-order cones of dimension above
 * {@link org.cvxlayers.solvers.ipm.cones.SecondOrderConeIpm#SPARSE_THRESHOLD}):
 * <pre>
 *   [ P + εI   Aᵀ          0   ]   rows/cols 0..n-1      (sign +1)
 *   [ A       −Hs − εI     U V ]   rows/cols n..n+m-1    (sign −1)
 *   [ 0        Uᵀ Vᵀ   diag(+1, −1) ] two rows per sparse cone (signs +1, −1)
 * </pre>
 * where a sparse cone's block of {@code Hs} is stored as its diagonal part {@code η²D} and the columns
 * {@code U = ηu}, {@code V = ηv} (so that the Schur complement gives {@code −η²(D + uuᵀ − vvᵀ)}); diagonal
 * cones store a diagonal, other cones a dense upper triangle.
 *
 * <p>Eliminated PSD blocks ({@link PsdElimination}): for such a block k with rows I_k, the equations
 * {@code A_k Δx − Hs_k Δz_k = r_k} give {@code Δz_k = Hs_k⁻¹(A_k Δx − r_k)}, so its rows and columns leave the
 * factored matrix and the x-x block gains {@code M_k = A_kᵀ Hs_k⁻¹ A_k} on the clique of the columns that
 * touch the block (SDPA's Schur complement matrix). The factored (reduced) matrix keeps the rows of x, of the
 * other cones and the extra columns, in that order; {@link #kktDim()} is its dimension, {@link #fullDim()}
 * the full one. Each eliminated block's data is a {@link SchurBlock}.
 */
public final class SolverStructure {
    /** How a cone block's Hs is stored in the KKT matrix. */
    static final int HS_DIAGONAL = 0;
    static final int HS_DENSE = 1;
    static final int HS_SPARSE_SOC = 2;
    /** The block's rows are eliminated (Schur complement); nothing of its Hs is stored. */
    static final int HS_ELIMINATED = 3;

    private final int n;
    private final int m;
    private final List<Cone> cones;
    private final CscMatrix pPattern;
    private final CscMatrix aPattern;
    private final int fullDim;
    private final int kktDim;
    private final int[] fullOfReduced;
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
    private final SchurBlock[] schurBlocks;
    private final LdlSymbolic symbolic;

    /**
     * Largest dimension of a cone block with a dense scaling block (PSD cones; exponential and power cones
     * have 3) that the KKT system accepts: svec dimension 2485 is a PSD block of order 70. Larger PSD blocks
     * are eliminated (Schur complement); the same limit applies to the number of columns that touch them.
     */
    public static final int MAX_DENSE_BLOCK_DIM = 2500;

    /** The few-columns part of the AUTO rule applies above this svec dimension (PSD order 32 and up). */
    private static final int FEW_COLUMNS_RULE_MIN_DIM = 500;

    /** Smallest svec dimension (order 8) to which the shared-columns part of the AUTO rule applies. */
    private static final int SHARED_RULE_MIN_DIM = 36;

    /**
     * Analyses the patterns of {@code program} (values are ignored), eliminating PSD blocks by the
     * {@link PsdElimination#AUTO} rule.
     *
     * @throws IllegalArgumentException if P has entries below the diagonal or a cone type is unsupported
     */
    public SolverStructure(ConeProgram program) {
        this(program, PsdElimination.AUTO);
    }

    /**
     * Analyses the patterns of {@code program} (values are ignored) with an explicit choice of PSD block
     * elimination.
     *
     * @throws IllegalArgumentException if P has entries below the diagonal, a cone type is unsupported, or a
     *                                  PSD block is too large for the chosen form
     */
    public SolverStructure(ConeProgram program, PsdElimination elimination) {
        this(DualConeReduction.of(program).reduced(), elimination, true);
    }

    /** The structure of a program whose dual exponential/power blocks were rewritten as primal ones. */
    private SolverStructure(ConeProgram reduced, PsdElimination elimination, boolean alreadyReduced) {
        this(reduced.p(), reduced.a(), reduced.cones(), elimination);
    }

    /**
     * Analyses the patterns of P (upper triangle) and A and the cone list (values are ignored), with the
     * {@link PsdElimination#AUTO} rule.
     *
     * @throws IllegalArgumentException if P has entries below the diagonal, shapes disagree, or a cone type
     *                                  is unsupported
     */
    public SolverStructure(CscMatrix p, CscMatrix a, List<Cone> cones) {
        this(p, a, cones, PsdElimination.AUTO);
    }

    /**
     * Analyses the patterns of P (upper triangle) and A and the cone list (values are ignored).
     *
     * @param elimination which PSD blocks leave the factored matrix (Schur complement)
     * @throws IllegalArgumentException if P has entries below the diagonal, shapes disagree, a cone type is
     *                                  unsupported, or a PSD block exceeds {@link #MAX_DENSE_BLOCK_DIM} in the
     *                                  form chosen for it
     */
    public SolverStructure(CscMatrix p, CscMatrix a, List<Cone> cones, PsdElimination elimination) {
        if (elimination == null) {
            throw new IllegalArgumentException("elimination must not be null");
        }
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

        // columns touching each PSD cone (ascending), how many PSD cones each column touches, and how many of a
        // cone's columns touch another PSD cone too (for the AUTO elimination rule)
        int[] coneColPtr = new int[this.cones.size() + 1];
        int[] coneCols = touchingColumns(a, this.cones, coneColPtr);
        int[] psdBlocksPerColumn = new int[n];
        for (int e = 0; e < coneColPtr[this.cones.size()]; e++) {
            psdBlocksPerColumn[coneCols[e]]++;
        }
        int[] sharedCount = new int[this.cones.size()];
        for (int c = 0; c < this.cones.size(); c++) {
            for (int e = coneColPtr[c]; e < coneColPtr[c + 1]; e++) {
                if (psdBlocksPerColumn[coneCols[e]] > 1) {
                    sharedCount[c]++;
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
        int eliminatedRows = 0;
        List<SchurBlock> blocks = new ArrayList<>();
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
            } else if (spec instanceof PsdCone psd
                    && eliminate(elimination, coneColPtr[c + 1] - coneColPtr[c], sharedCount[c], d, c, spec)) {
                coneKind[c] = HS_ELIMINATED;
                blocks.add(SchurBlock.of(a, c, offset, psd.n(), coneCols, coneColPtr[c], coneColPtr[c + 1]));
                eliminatedRows += d;
                len = 0;
            } else {
                if (d > MAX_DENSE_BLOCK_DIM) {
                    // A dense Hs block of this size makes every factorization cost O(d³) and O(d²) memory
                    // (an order-161 PSD block: 85 M KKT entries, minutes per iteration). Refuse up front
                    // rather than run past any time limit.
                    throw new IllegalArgumentException("cone " + c + " (" + spec + ") has dimension " + d
                            + ": its dense scaling block exceeds the supported " + MAX_DENSE_BLOCK_DIM
                            + " rows (PSD order about 70) and elimination is " + elimination);
                }
                coneKind[c] = HS_DENSE;
                len = d * (d + 1) / 2;
            }
            hsLen += len;
            maxLen = Math.max(maxLen, len);
            offset += d;
        }
        hsMaxLen = maxLen;
        schurBlocks = blocks.toArray(new SchurBlock[0]);
        fullDim = n + m + extras;
        kktDim = fullDim - eliminatedRows;

        // full index → reduced index (−1 for eliminated rows) and back
        int[] reducedOf = new int[fullDim];
        boolean[] eliminatedRow = new boolean[m];
        for (SchurBlock b : schurBlocks) {
            Arrays.fill(eliminatedRow, b.offset, b.offset + b.dim(), true);
        }
        fullOfReduced = new int[kktDim];
        for (int f = 0, r = 0; f < fullDim; f++) {
            if (f >= n && f < n + m && eliminatedRow[f - n]) {
                reducedOf[f] = -1;
            } else {
                reducedOf[f] = r;
                fullOfReduced[r++] = f;
            }
        }

        // x columns: strict upper part of P and the cliques of the eliminated blocks, then the diagonal
        int[] memberPtr = new int[n + 1];
        for (SchurBlock b : schurBlocks) {
            for (int col : b.cols) {
                memberPtr[col + 1]++;
            }
        }
        for (int j = 0; j < n; j++) {
            memberPtr[j + 1] += memberPtr[j];
        }
        int[] memberBlock = new int[memberPtr[n]];
        int[] memberSlot = new int[memberPtr[n]];
        int[] memberFill = Arrays.copyOf(memberPtr, n);
        for (int bi = 0; bi < schurBlocks.length; bi++) {
            int[] cols = schurBlocks[bi].cols;
            for (int t = 0; t < cols.length; t++) {
                int dst = memberFill[cols[t]]++;
                memberBlock[dst] = bi;
                memberSlot[dst] = t;
            }
        }
        int[] stamp = new int[Math.max(n, 1)];
        Arrays.fill(stamp, -1);
        int[] colCount = new int[kktDim];
        for (int j = 0; j < n; j++) {
            int cnt = 1; // diagonal always present
            stamp[j] = j;
            for (int q = pcp[j]; q < pcp[j + 1]; q++) {
                if (stamp[pri[q]] != j) {
                    stamp[pri[q]] = j;
                    cnt++;
                }
            }
            for (int e = memberPtr[j]; e < memberPtr[j + 1]; e++) {
                for (int col : schurBlocks[memberBlock[e]].cols) {
                    if (col < j && stamp[col] != j) {
                        stamp[col] = j;
                        cnt++;
                    }
                }
            }
            colCount[j] = cnt;
        }

        // row counts of A in kept rows (entries per z-column of the KKT upper triangle)
        int[] acp = a.colPtr();
        int[] ari = a.rowIdx();
        int[] rowCount = new int[m];
        for (int q = 0; q < a.nnz(); q++) {
            rowCount[ari[q]]++;
        }
        for (int c = 0; c < k; c++) {
            if (coneKind[c] == HS_ELIMINATED) {
                continue;
            }
            int off = coneOffset[c];
            int d = this.cones.get(c).dim();
            for (int l = 0; l < d; l++) {
                colCount[reducedOf[n + off + l]] = rowCount[off + l] + (coneKind[c] == HS_DENSE ? l + 1 : 1);
            }
            if (coneKind[c] == HS_SPARSE_SOC) {
                colCount[reducedOf[extraIndex[c]]] = d + 1;
                colCount[reducedOf[extraIndex[c] + 1]] = d + 1;
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
        Arrays.fill(aMap, -1);

        Arrays.fill(stamp, -1);
        int[] posOfRow = new int[Math.max(n, 1)];
        for (int j = 0; j < n; j++) {
            int start = kktColPtr[j];
            int dst = start;
            stamp[j] = j;
            for (int q = pcp[j]; q < pcp[j + 1]; q++) {
                if (stamp[pri[q]] != j) {
                    stamp[pri[q]] = j;
                    kktRowIdx[dst++] = pri[q];
                }
            }
            for (int e = memberPtr[j]; e < memberPtr[j + 1]; e++) {
                for (int col : schurBlocks[memberBlock[e]].cols) {
                    if (col < j && stamp[col] != j) {
                        stamp[col] = j;
                        kktRowIdx[dst++] = col;
                    }
                }
            }
            kktRowIdx[dst++] = j; // diagonal last
            Arrays.sort(kktRowIdx, start, dst - 1);
            for (int q = start; q < dst; q++) {
                posOfRow[kktRowIdx[q]] = q;
            }
            diagPos[j] = dst - 1;
            for (int q = pcp[j]; q < pcp[j + 1]; q++) {
                pMap[q] = posOfRow[pri[q]];
            }
            // pair positions of the cliques: column j is the larger index of the pair
            for (int e = memberPtr[j]; e < memberPtr[j + 1]; e++) {
                SchurBlock b = schurBlocks[memberBlock[e]];
                int u = memberSlot[e];
                for (int v = 0; v < b.cols.length; v++) {
                    if (b.cols[v] <= j) {
                        int lo = Math.min(u, v);
                        int hi = Math.max(u, v);
                        b.pairPos[hi * (hi + 1) / 2 + lo] = posOfRow[b.cols[v]];
                    }
                }
            }
        }
        // z columns: Aᵀ part (rows ascend because A's columns are visited in order)
        int[] fill = new int[m];
        for (int j = 0; j < n; j++) {
            for (int q = acp[j]; q < acp[j + 1]; q++) {
                int i = ari[q];
                if (eliminatedRow[i]) {
                    continue; // enters through the block's Schur complement
                }
                int dst = kktColPtr[reducedOf[n + i]] + fill[i]++;
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
            if (coneKind[c] == HS_ELIMINATED) {
                continue;
            }
            if (coneKind[c] == HS_DENSE) {
                for (int l = 0; l < d; l++) {
                    int col = reducedOf[n + off + l];
                    int dst = kktColPtr[col] + rowCount[off + l];
                    for (int r = 0; r <= l; r++) {
                        kktRowIdx[dst] = reducedOf[n + off + r];
                        hsPos[h++] = dst;
                        if (r == l) {
                            diagPos[col] = dst;
                        }
                        dst++;
                    }
                }
            } else {
                for (int l = 0; l < d; l++) {
                    int col = reducedOf[n + off + l];
                    int dst = kktColPtr[col] + rowCount[off + l];
                    kktRowIdx[dst] = col;
                    diagPos[col] = dst;
                    hsPos[h++] = dst;
                }
                if (coneKind[c] == HS_SPARSE_SOC) {
                    for (int e = 0; e < 2; e++) {
                        int col = reducedOf[extraIndex[c] + e];
                        int dst = kktColPtr[col];
                        for (int l = 0; l < d; l++) {
                            kktRowIdx[dst] = reducedOf[n + off + l];
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
        for (int r = 0; r < kktDim; r++) {
            signs[r] = fullOfReduced[r] < n ? 1.0 : -1.0;
        }
        for (int c = 0; c < k; c++) {
            if (coneKind[c] == HS_SPARSE_SOC) {
                signs[reducedOf[extraIndex[c]]] = 1.0;
                signs[reducedOf[extraIndex[c] + 1]] = -1.0;
            }
        }
        CscMatrix kktPattern = new CscMatrix(kktDim, kktDim, kktColPtr, kktRowIdx, new double[nnz]);
        symbolic = LdlSymbolic.analyze(kktPattern, Ordering.AMD);
    }

    /**
     * Whether PSD cone {@code c} (rows {@code [offset, offset + d)}) leaves the factored matrix. AUTO: when
     * d exceeds {@link #FEW_COLUMNS_RULE_MIN_DIM} and fewer than d columns touch it (the clique its Schur
     * complement adds is smaller than its dense Hs block; smaller blocks are cheap to keep, and the unreduced
     * system stays better conditioned near the optimum than the Schur complement: SDPLIB control3, order 30,
     * ends SOLVED kept and ALMOST_SOLVED eliminated), or between d and 2d columns that mostly touch other PSD blocks too (kept, such blocks couple
     * through their shared columns and the factor fills far beyond the clique: truss8's 33 order-19 blocks),
     * or when d exceeds {@link #MAX_DENSE_BLOCK_DIM}. The shared-columns clause is a heuristic tuned on
     * SDPLIB: it applies from order 8 up and not at exactly d columns (truss7's 2×2 blocks and control2's
     * second block, d = 55 with 55 columns, solve more accurately kept).
     */
    private static boolean eliminate(PsdElimination mode, int touching, int shared, int d, int c, Cone spec) {
        boolean eliminate = switch (mode) {
            case ALWAYS -> true;
            case NEVER -> false;
            default -> (d > FEW_COLUMNS_RULE_MIN_DIM && touching < d)
                    || (d >= SHARED_RULE_MIN_DIM && touching > d && touching <= 2 * d && 2 * shared > touching)
                    || d > MAX_DENSE_BLOCK_DIM;
        };
        if (eliminate && touching > MAX_DENSE_BLOCK_DIM) {
            // the clique of the Schur complement would be as large a dense block
            throw new IllegalArgumentException("cone " + c + " (" + spec + ") has dimension " + d + " and "
                    + touching + " columns of A touch it: both its dense scaling block and its Schur "
                    + "complement exceed the supported " + MAX_DENSE_BLOCK_DIM + " rows");
        }
        return eliminate;
    }

    /**
     * The columns of A with an entry in each PSD cone's rows, ascending: cone c's are
     * {@code result[ptr[c] .. ptr[c+1])} (empty for other cones). One pass over A.
     */
    private static int[] touchingColumns(CscMatrix a, List<Cone> cones, int[] ptr) {
        int m = a.rows();
        int k = cones.size();
        int[] psdOf = new int[m];
        Arrays.fill(psdOf, -1);
        int off = 0;
        for (int c = 0; c < k; c++) {
            Cone spec = cones.get(c);
            if (spec instanceof PsdCone) {
                Arrays.fill(psdOf, off, off + spec.dim(), c);
            }
            off += spec.dim();
        }
        int[] cp = a.colPtr();
        int[] ri = a.rowIdx();
        int[] seen = new int[k];
        Arrays.fill(seen, -1);
        int[] count = new int[k];
        for (int j = 0; j < a.cols(); j++) {
            for (int q = cp[j]; q < cp[j + 1]; q++) {
                int c = psdOf[ri[q]];
                if (c >= 0 && seen[c] != j) {
                    seen[c] = j;
                    count[c]++;
                }
            }
        }
        for (int c = 0; c < k; c++) {
            ptr[c + 1] = ptr[c] + count[c];
        }
        int[] cols = new int[ptr[k]];
        int[] fill = Arrays.copyOf(ptr, k);
        Arrays.fill(seen, -1);
        for (int j = 0; j < a.cols(); j++) {
            for (int q = cp[j]; q < cp[j + 1]; q++) {
                int c = psdOf[ri[q]];
                if (c >= 0 && seen[c] != j) {
                    seen[c] = j;
                    cols[fill[c]++] = j;
                }
            }
        }
        return cols;
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

    /**
     * Dimension of the factored KKT matrix: n + m + 2 per sparse second-order cone, less the rows of the
     * eliminated PSD blocks.
     */
    public int kktDim() {
        return kktDim;
    }

    /** Dimension of the full KKT system (n + m + 2 per sparse second-order cone), the layout of its solutions. */
    public int fullDim() {
        return fullDim;
    }

    /** Number of PSD blocks eliminated from the factored matrix. */
    public int eliminatedBlocks() {
        return schurBlocks.length;
    }

    /** Whether cone {@code c} is eliminated from the factored matrix. */
    public boolean isEliminated(int c) {
        return coneKind[c] == HS_ELIMINATED;
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

    /** Full KKT index of each reduced index. */
    int[] fullOfReduced() {
        return fullOfReduced;
    }

    SchurBlock[] schurBlocks() {
        return schurBlocks;
    }

    int[] hsPos() {
        return hsPos;
    }

    int hsMaxLen() {
        return hsMaxLen;
    }
}
