package org.cvxlayers.core.canon;

import java.util.Arrays;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * An affine expression during canonicalization: a sparse 3-way tensor mapping {@code [x; 1] ⊗ [θ; 1]} to the
 * (column-major) entries of the expression,
 * <pre>  e[row] = Σ val · (col == CONST ? 1 : x[col]) · (par == CONST ? 1 : θ[par])</pre>
 * stored as coordinate entries (duplicates allowed, summed at assembly). Every coefficient of the variables
 * is thus affine in the parameters, the invariant that makes the compiled data affine in θ (DPP).
 *
 * <p>Operations never form dense Kronecker products: linear maps are applied entry by entry through a sparse
 * matrix, and products with a parameter-affine factor pair up entries sharing an inner index.
 * Instances are treated as immutable once built.
 */
public final class AffineTensor {
    /** Marker for "no variable" (the constant column) and "no parameter" (the 1 in [θ; 1]). */
    public static final int CONST = -1;

    private final int size;
    private int count;
    private int[] row;
    private int[] col;
    private int[] par;
    private double[] val;

    /** An empty (zero) tensor for an expression with {@code size} entries; fill with {@link #add}. */
    public AffineTensor(int size, int capacity) {
        this.size = size;
        int cap = Math.max(4, capacity);
        row = new int[cap];
        col = new int[cap];
        par = new int[cap];
        val = new double[cap];
    }

    public static AffineTensor zeros(int size) {
        return new AffineTensor(size, 0);
    }

    /** A numeric constant (column-major values); zeros are not stored. */
    public static AffineTensor constant(double[] values) {
        AffineTensor t = new AffineTensor(values.length, values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0.0) {
                t.add(i, CONST, CONST, values[i]);
            }
        }
        return t;
    }

    /** A scalar constant. */
    public static AffineTensor scalar(double v) {
        return constant(new double[] {v});
    }

    /** Entries {@code x[offset .. offset+size-1]}. */
    public static AffineTensor variable(int offset, int size) {
        AffineTensor t = new AffineTensor(size, size);
        for (int i = 0; i < size; i++) {
            t.add(i, offset + i, CONST, 1.0);
        }
        return t;
    }

    /** Entry i equals {@code θ[thetaIndex[i]]}. */
    public static AffineTensor parameter(int[] thetaIndex) {
        AffineTensor t = new AffineTensor(thetaIndex.length, thetaIndex.length);
        for (int i = 0; i < thetaIndex.length; i++) {
            t.add(i, CONST, thetaIndex[i], 1.0);
        }
        return t;
    }

    /** Appends one coordinate entry. */
    public void add(int r, int c, int p, double v) {
        if (count == row.length) {
            int cap = row.length * 2;
            row = Arrays.copyOf(row, cap);
            col = Arrays.copyOf(col, cap);
            par = Arrays.copyOf(par, cap);
            val = Arrays.copyOf(val, cap);
        }
        row[count] = r;
        col[count] = c;
        par[count] = p;
        val[count] = v;
        count++;
    }

    /** Number of entries of the expression. */
    public int size() {
        return size;
    }

    /** Number of stored coordinate entries. */
    public int count() {
        return count;
    }

    public int row(int k) {
        return row[k];
    }

    public int col(int k) {
        return col[k];
    }

    public int par(int k) {
        return par[k];
    }

    public double val(int k) {
        return val[k];
    }

    public boolean hasVariables() {
        for (int k = 0; k < count; k++) {
            if (col[k] != CONST) {
                return true;
            }
        }
        return false;
    }

    public boolean hasParameters() {
        for (int k = 0; k < count; k++) {
            if (par[k] != CONST) {
                return true;
            }
        }
        return false;
    }

    /** Entrywise sum; sizes must agree. */
    public AffineTensor plus(AffineTensor o) {
        requireSize(o.size, "plus");
        AffineTensor t = new AffineTensor(size, count + o.count);
        t.append(this, 1.0);
        t.append(o, 1.0);
        return t;
    }

    /** {@code this - o}. */
    public AffineTensor minus(AffineTensor o) {
        requireSize(o.size, "minus");
        AffineTensor t = new AffineTensor(size, count + o.count);
        t.append(this, 1.0);
        t.append(o, -1.0);
        return t;
    }

    /** Multiplication by a number. */
    public AffineTensor scale(double a) {
        AffineTensor t = new AffineTensor(size, count);
        t.append(this, a);
        return t;
    }

    /** Sum of tensors of equal size. */
    public static AffineTensor sum(AffineTensor... ts) {
        int total = 0;
        for (AffineTensor t : ts) {
            total += t.count;
        }
        AffineTensor out = new AffineTensor(ts[0].size, total);
        for (AffineTensor t : ts) {
            out.requireSize(t.size, "sum");
            out.append(t, 1.0);
        }
        return out;
    }

    private void append(AffineTensor o, double a) {
        for (int k = 0; k < o.count; k++) {
            add(o.row[k], o.col[k], o.par[k], a * o.val[k]);
        }
    }

    /**
     * Applies a constant linear map {@code M} (newSize × size, CSC): entry k of row i becomes entries
     * {@code M[r, i]·val} of rows r.
     */
    public AffineTensor apply(CscMatrix m) {
        if (m.cols() != size) {
            throw new IllegalArgumentException("linear map has " + m.cols() + " columns, tensor has size " + size);
        }
        int[] cp = m.colPtr();
        int[] ri = m.rowIdx();
        double[] mv = m.values();
        int est = 0;
        for (int k = 0; k < count; k++) {
            est += cp[row[k] + 1] - cp[row[k]];
        }
        AffineTensor t = new AffineTensor(m.rows(), est);
        for (int k = 0; k < count; k++) {
            int i = row[k];
            for (int p = cp[i]; p < cp[i + 1]; p++) {
                t.add(ri[p], col[k], par[k], mv[p] * val[k]);
            }
        }
        return t;
    }

    /** The entries {@code rows[0], rows[1], …} as a new tensor (a selection map). */
    public AffineTensor select(int... rows) {
        int[] first = new int[size + 1];
        int[] next = new int[rows.length];
        Arrays.fill(first, -1);
        // linked lists of output positions per input row, so one pass over the entries suffices
        for (int r = rows.length - 1; r >= 0; r--) {
            next[r] = first[rows[r]];
            first[rows[r]] = r;
        }
        AffineTensor t = new AffineTensor(rows.length, count);
        for (int k = 0; k < count; k++) {
            for (int r = first[row[k]]; r >= 0; r = next[r]) {
                t.add(r, col[k], par[k], val[k]);
            }
        }
        return t;
    }

    /** Entry i as a scalar tensor. */
    public AffineTensor entry(int i) {
        return select(i);
    }

    /** Sum of all entries, as a scalar tensor. */
    public AffineTensor sumAll() {
        AffineTensor t = new AffineTensor(1, count);
        for (int k = 0; k < count; k++) {
            t.add(0, col[k], par[k], val[k]);
        }
        return t;
    }

    /** This scalar tensor repeated {@code n} times. */
    public AffineTensor broadcast(int n) {
        if (size != 1) {
            throw new IllegalArgumentException("broadcast of a tensor of size " + size);
        }
        AffineTensor t = new AffineTensor(n, count * n);
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < count; k++) {
                t.add(r, col[k], par[k], val[k]);
            }
        }
        return t;
    }

    /** Stacks tensors: the entries of {@code ts[1]} follow those of {@code ts[0]}, and so on. */
    public static AffineTensor concat(AffineTensor... ts) {
        int total = 0;
        int entries = 0;
        for (AffineTensor t : ts) {
            total += t.size;
            entries += t.count;
        }
        AffineTensor out = new AffineTensor(total, entries);
        int off = 0;
        for (AffineTensor t : ts) {
            for (int k = 0; k < t.count; k++) {
                out.add(off + t.row[k], t.col[k], t.par[k], t.val[k]);
            }
            off += t.size;
        }
        return out;
    }

    /** Elementwise product of equally sized tensors; one factor must be free of variables (DCP/DPP). */
    public static AffineTensor multiply(AffineTensor a, AffineTensor b) {
        a.requireSize(b.size, "multiply");
        if (a.hasVariables() && b.hasVariables()) {
            throw new IllegalStateException("product of two variable expressions reached the canonicalizer");
        }
        AffineTensor coef = a.hasVariables() ? b : a;
        AffineTensor other = coef == a ? b : a;
        Groups g = groupBy(coef, coef.size, null);
        int[] start = g.start();
        int[] order = g.order();
        AffineTensor t = new AffineTensor(a.size, Math.max(coef.count, other.count));
        for (int k = 0; k < other.count; k++) {
            int i = other.row[k];
            for (int q = start[i]; q < start[i + 1]; q++) {
                int e = order[q];
                t.add(i, other.col[k], joinParam(coef.par[e], other.par[k]), coef.val[e] * other.val[k]);
            }
        }
        return t;
    }

    /**
     * Matrix product {@code L (m×k) · R (k×n)} of column-major tensors; one factor must be free of variables.
     * Entries of R are grouped by their row index; each entry of L then meets exactly the entries of R in
     * its column, so the cost is the number of nonzero products, never a dense Kronecker product.
     */
    public static AffineTensor matmul(AffineTensor l, int m, int k, AffineTensor r, int n) {
        if (l.size != m * k || r.size != k * n) {
            throw new IllegalArgumentException("matmul sizes " + l.size + " vs " + m + "x" + k + ", " + r.size
                    + " vs " + k + "x" + n);
        }
        if (l.hasVariables() && r.hasVariables()) {
            throw new IllegalStateException("product of two variable expressions reached the canonicalizer");
        }
        int[] rowOfR = new int[r.count];
        for (int q = 0; q < r.count; q++) {
            rowOfR[q] = r.row[q] % k;
        }
        Groups g = groupBy(r, k, rowOfR);
        int[] start = g.start();
        int[] order = g.order();
        AffineTensor t = new AffineTensor(m * n, Math.max(l.count, r.count));
        for (int e = 0; e < l.count; e++) {
            int i = l.row[e] % m;
            int inner = l.row[e] / m;
            for (int q = start[inner]; q < start[inner + 1]; q++) {
                int f = order[q];
                int j = r.row[f] / k;
                int c = l.col[e] == CONST ? r.col[f] : l.col[e];
                t.add(i + m * j, c, joinParam(l.par[e], r.par[f]), l.val[e] * r.val[f]);
            }
        }
        return t;
    }

    /** Entries grouped by a key: those of bucket b are {@code order[start[b] .. start[b+1])}. */
    private record Groups(int[] start, int[] order) {
    }

    /** Counting sort of a tensor's entries by key (default: the row). */
    private static Groups groupBy(AffineTensor t, int buckets, int[] keys) {
        int[] start = new int[buckets + 1];
        for (int q = 0; q < t.count; q++) {
            start[(keys == null ? t.row[q] : keys[q]) + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] order = new int[t.count];
        int[] next = Arrays.copyOf(start, buckets);
        for (int q = 0; q < t.count; q++) {
            order[next[keys == null ? t.row[q] : keys[q]]++] = q;
        }
        return new Groups(start, order);
    }

    private static int joinParam(int p, int q) {
        if (p != CONST && q != CONST) {
            throw new IllegalStateException("product of two parameters reached the canonicalizer (not DPP)");
        }
        return p == CONST ? q : p;
    }

    /** The numeric value when the tensor has neither variables nor parameters. */
    public double[] constantValue() {
        double[] v = new double[size];
        for (int k = 0; k < count; k++) {
            if (col[k] != CONST || par[k] != CONST) {
                throw new IllegalStateException("tensor is not constant");
            }
            v[row[k]] += val[k];
        }
        return v;
    }

    /**
     * If every entry is exactly {@code x[c_i]} for distinct variables c_i (coefficient 1, no parameters, no
     * constant), returns those columns; otherwise null.
     */
    public int[] pureColumns() {
        if (count != size) {
            return null;
        }
        int[] cols = new int[size];
        Arrays.fill(cols, -1);
        for (int k = 0; k < count; k++) {
            if (col[k] == CONST || par[k] != CONST || val[k] != 1.0 || cols[row[k]] != -1) {
                return null;
            }
            cols[row[k]] = col[k];
        }
        int[] sorted = cols.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return null;
            }
        }
        return cols;
    }

    private void requireSize(int other, String op) {
        if (other != size) {
            throw new IllegalArgumentException(op + " of tensors of sizes " + size + " and " + other);
        }
    }

    @Override
    public String toString() {
        return "AffineTensor[size=" + size + ", entries=" + count + "]";
    }
}
