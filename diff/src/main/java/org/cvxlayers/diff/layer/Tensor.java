package org.cvxlayers.diff.layer;

import java.util.Arrays;
import java.util.List;

/**
 * A small immutable dense array: a shape and its entries in row-major order (the last index varies fastest).
 * Shape {@code []} is a scalar, {@code [n]} a vector, {@code [m, n]} a matrix; a layer's batched values add
 * one leading dimension, e.g. {@code [B, m, n]}.
 *
 * <p>The constructor and the accessors copy, so a tensor never changes after construction and may be
 * shared between threads. Factories convert from {@code double}, {@code double[]}, {@code double[][]} and
 * {@code double[][][]}; {@link #toArray()}, {@link #toMatrix()} and {@link #toArray3()} convert back.
 *
 * @param shape the dimensions (each ≥ 0)
 * @param data  the entries, row-major; its length is the product of the dimensions
 */
public record Tensor(int[] shape, double[] data) {

    public Tensor {
        if (shape == null || data == null) {
            throw new IllegalArgumentException("shape and data must not be null");
        }
        shape = shape.clone();
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + size
                    + " entries but the data has " + data.length);
        }
        data = data.clone();
    }

    /** A scalar (shape {@code []}). */
    public static Tensor scalar(double v) {
        return new Tensor(new int[0], new double[] {v});
    }

    /** A vector (shape {@code [n]}). */
    public static Tensor vector(double... v) {
        return new Tensor(new int[] {v.length}, v);
    }

    /** A matrix from rows (shape {@code [m, n]}); all rows must have the same length. */
    public static Tensor matrix(double[][] rows) {
        int m = rows.length;
        int n = m == 0 ? 0 : rows[0].length;
        double[] d = new double[m * n];
        for (int i = 0; i < m; i++) {
            if (rows[i].length != n) {
                throw new IllegalArgumentException("ragged matrix: row 0 has " + n + " entries, row " + i + " has "
                        + rows[i].length);
            }
            System.arraycopy(rows[i], 0, d, i * n, n);
        }
        return new Tensor(new int[] {m, n}, d);
    }

    /** A 3-D array (shape {@code [B, m, n]}), e.g. a batch of matrices. */
    public static Tensor of(double[][][] v) {
        int b = v.length;
        int m = b == 0 ? 0 : v[0].length;
        int n = m == 0 ? 0 : v[0][0].length;
        double[] d = new double[b * m * n];
        for (int k = 0; k < b; k++) {
            if (v[k].length != m) {
                throw new IllegalArgumentException("ragged array: slice 0 has " + m + " rows, slice " + k + " has "
                        + v[k].length);
            }
            for (int i = 0; i < m; i++) {
                if (v[k][i].length != n) {
                    throw new IllegalArgumentException("ragged array at [" + k + "][" + i + "]: expected " + n
                            + " entries, got " + v[k][i].length);
                }
                System.arraycopy(v[k][i], 0, d, (k * m + i) * n, n);
            }
        }
        return new Tensor(new int[] {b, m, n}, d);
    }

    /** Zeros of the given shape. */
    public static Tensor zeros(int... shape) {
        long size = 1;
        for (int d : shape) {
            size *= Math.max(d, 0);
        }
        return new Tensor(shape, new double[(int) size]);
    }

    /** Stacks tensors of one shape along a new leading dimension. */
    public static Tensor stack(List<Tensor> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("cannot stack an empty list (its element shape is unknown)");
        }
        int[] inner = parts.get(0).shape;
        int len = parts.get(0).data.length;
        double[] d = new double[parts.size() * len];
        for (int k = 0; k < parts.size(); k++) {
            Tensor t = parts.get(k);
            if (!Arrays.equals(t.shape, inner)) {
                throw new IllegalArgumentException("cannot stack shapes " + Arrays.toString(inner) + " and "
                        + Arrays.toString(t.shape) + " (element " + k + ")");
            }
            System.arraycopy(t.data, 0, d, k * len, len);
        }
        int[] s = new int[inner.length + 1];
        s[0] = parts.size();
        System.arraycopy(inner, 0, s, 1, inner.length);
        return new Tensor(s, d);
    }

    /** The dimensions (a copy). */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The entries, row-major (a copy). */
    @Override
    public double[] data() {
        return data.clone();
    }

    /** The entries without copying; callers inside the package must not modify them. */
    double[] buffer() {
        return data;
    }

    /** The shape without copying; callers inside the package must not modify it. */
    int[] shapeBuffer() {
        return shape;
    }

    /** Number of dimensions. */
    public int ndim() {
        return shape.length;
    }

    /** Dimension {@code i}. */
    public int dim(int i) {
        return shape[i];
    }

    /** Number of entries. */
    public int size() {
        return data.length;
    }

    /** The entry at the given indices (one per dimension). */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " needs "
                    + shape.length + " indices, got " + index.length);
        }
        int flat = 0;
        for (int k = 0; k < shape.length; k++) {
            if (index[k] < 0 || index[k] >= shape[k]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " out of bounds for shape "
                        + Arrays.toString(shape));
            }
            flat = flat * shape[k] + index[k];
        }
        return data[flat];
    }

    /** The single entry of a tensor of size one. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("item() needs a tensor of size 1, shape is " + Arrays.toString(shape));
        }
        return data[0];
    }

    /** The entries as a flat row-major array (a copy); same as {@link #data()}. */
    public double[] toArray() {
        return data.clone();
    }

    /** A 2-D tensor as rows. */
    public double[][] toMatrix() {
        if (shape.length != 2) {
            throw new IllegalStateException("toMatrix() needs a 2-D tensor, shape is " + Arrays.toString(shape));
        }
        double[][] out = new double[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            System.arraycopy(data, i * shape[1], out[i], 0, shape[1]);
        }
        return out;
    }

    /** A 3-D tensor as nested arrays. */
    public double[][][] toArray3() {
        if (shape.length != 3) {
            throw new IllegalStateException("toArray3() needs a 3-D tensor, shape is " + Arrays.toString(shape));
        }
        double[][][] out = new double[shape[0]][shape[1]][shape[2]];
        for (int k = 0; k < shape[0]; k++) {
            for (int i = 0; i < shape[1]; i++) {
                System.arraycopy(data, (k * shape[1] + i) * shape[2], out[k][i], 0, shape[2]);
            }
        }
        return out;
    }

    /** Slice {@code i} along the leading dimension (e.g. one batch element). */
    public Tensor slice(int i) {
        if (shape.length == 0) {
            throw new IllegalStateException("a scalar has no leading dimension");
        }
        if (i < 0 || i >= shape[0]) {
            throw new IndexOutOfBoundsException("slice " + i + " out of bounds for leading dimension " + shape[0]);
        }
        int len = shape[0] == 0 ? 0 : data.length / shape[0];
        return new Tensor(Arrays.copyOfRange(shape, 1, shape.length), Arrays.copyOfRange(data, i * len, (i + 1) * len));
    }

    /** The same entries with another shape of the same size. */
    public Tensor reshape(int... newShape) {
        return new Tensor(newShape, data);
    }

    /** Entrywise sum with a tensor of the same shape. */
    public Tensor plus(Tensor o) {
        requireSameShape(o, "plus");
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] + o.data[i];
        }
        return new Tensor(shape, d);
    }

    /** Entrywise difference with a tensor of the same shape. */
    public Tensor minus(Tensor o) {
        requireSameShape(o, "minus");
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i] - o.data[i];
        }
        return new Tensor(shape, d);
    }

    /** This tensor times a scalar. */
    public Tensor times(double a) {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a * data[i];
        }
        return new Tensor(shape, d);
    }

    /** Sum of all entries. */
    public double sum() {
        double s = 0.0;
        for (double v : data) {
            s += v;
        }
        return s;
    }

    /** Inner product of the entries with a tensor of the same shape. */
    public double dot(Tensor o) {
        requireSameShape(o, "dot");
        double s = 0.0;
        for (int i = 0; i < data.length; i++) {
            s += data[i] * o.data[i];
        }
        return s;
    }

    private void requireSameShape(Tensor o, String op) {
        if (!Arrays.equals(shape, o.shape)) {
            throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(shape) + " and "
                    + Arrays.toString(o.shape) + " differ");
        }
    }

    /** Shapes and entries equal (entries compared as by {@link Arrays#equals(double[], double[])}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Arrays.toString(shape)).append(' ');
        format(sb, 0, 0);
        return sb.toString();
    }

    private int format(StringBuilder sb, int dim, int pos) {
        if (dim == shape.length) {
            sb.append(String.format(java.util.Locale.ROOT, "%.6g", data[pos]));
            return pos + 1;
        }
        sb.append('[');
        for (int i = 0; i < shape[dim]; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            pos = format(sb, dim + 1, pos);
        }
        sb.append(']');
        return pos;
    }
}
