package org.cvxlayers.solvers.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.Cone;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * Collects rows of {@code A x + s = b} in any order and assembles a {@link ConeProgram} whose rows are
 * ordered zero-cone rows first, then nonnegative rows, then the other cone blocks in the order they were
 * added — so equalities and inequalities form one block each, whatever order the file lists them in.
 */
final class ConeProgramBuilder {
    private static final byte ZERO = 0;
    private static final byte NONNEG = 1;
    private static final byte OTHER = 2;

    private byte[] kind = new byte[64];
    private double[] b = new double[64];
    private int rows;
    private final List<Cone> otherCones = new ArrayList<>();

    private final Triplets a = new Triplets();
    private final Triplets p = new Triplets();

    /** Adds an equality row ({@code aᵀx = b}); returns its provisional id. */
    int addZeroRow(double rhs) {
        return addRow(ZERO, rhs);
    }

    /** Adds an inequality row ({@code aᵀx ≤ b}); returns its provisional id. */
    int addNonnegRow(double rhs) {
        return addRow(NONNEG, rhs);
    }

    /**
     * Adds the rows of one cone block (zero right-hand side; use {@link #addB}); returns the provisional id of
     * its first row, the others follow consecutively. Zero and nonnegative cones go to the shared blocks.
     */
    int addCone(Cone cone) {
        byte k = cone instanceof ZeroCone ? ZERO : cone instanceof NonnegativeCone ? NONNEG : OTHER;
        int first = rows;
        for (int i = 0; i < cone.dim(); i++) {
            addRow(k, 0.0);
        }
        if (k == OTHER) {
            otherCones.add(cone);
        }
        return first;
    }

    private int addRow(byte k, double rhs) {
        if (rows == kind.length) {
            kind = Arrays.copyOf(kind, 2 * rows);
            b = Arrays.copyOf(b, 2 * rows);
        }
        kind[rows] = k;
        b[rows] = rhs;
        return rows++;
    }

    int rowCount() {
        return rows;
    }

    /** Adds {@code v} to {@code A[row, col]}. */
    void addA(int row, int col, double v) {
        a.add(row, col, v);
    }

    /** Adds {@code v} to {@code b[row]}. */
    void addB(int row, double v) {
        b[row] += v;
    }

    /** Adds {@code v} to the entry (i, j) of the upper triangle of P (the pair is ordered here). */
    void addP(int i, int j, double v) {
        p.add(Math.min(i, j), Math.max(i, j), v);
    }

    /**
     * The program with {@code n} variables; {@code sign = −1} negates c, P and the constant (maximisation
     * turned into minimisation).
     */
    ConeProgram build(int n, double[] c, double constant, double sign) {
        int[] perm = new int[rows];
        int nz = 0;
        int nn = 0;
        for (int r = 0; r < rows; r++) {
            if (kind[r] == ZERO) {
                nz++;
            } else if (kind[r] == NONNEG) {
                nn++;
            }
        }
        int[] next = {0, nz, nz + nn};
        for (int r = 0; r < rows; r++) {
            perm[r] = next[kind[r]]++;
        }
        double[] bb = new double[rows];
        for (int r = 0; r < rows; r++) {
            bb[perm[r]] = b[r];
        }
        List<Cone> cones = new ArrayList<>();
        if (nz > 0) {
            cones.add(new ZeroCone(nz));
        }
        if (nn > 0) {
            cones.add(new NonnegativeCone(nn));
        }
        cones.addAll(otherCones);
        int[] ai = new int[a.size];
        for (int k = 0; k < a.size; k++) {
            ai[k] = perm[a.i[k]];
        }
        CscMatrix am = CscMatrix.fromTriplets(rows, n, ai, a.j, a.v, a.size);
        double[] pv = Arrays.copyOf(p.v, p.size);
        double[] cc = c.clone();
        if (sign < 0) {
            for (int k = 0; k < pv.length; k++) {
                pv[k] = -pv[k];
            }
            for (int k = 0; k < cc.length; k++) {
                cc[k] = -cc[k];
            }
        }
        CscMatrix pm = CscMatrix.fromTriplets(n, n, p.i, p.j, pv, p.size);
        return new ConeProgram(pm, cc, am, bb, cones, sign * constant);
    }

    /** A growable triplet list. */
    private static final class Triplets {
        int[] i = new int[256];
        int[] j = new int[256];
        double[] v = new double[256];
        int size;

        void add(int r, int c, double x) {
            if (size == i.length) {
                int cap = 2 * size;
                i = Arrays.copyOf(i, cap);
                j = Arrays.copyOf(j, cap);
                v = Arrays.copyOf(v, cap);
            }
            i[size] = r;
            j[size] = c;
            v[size++] = x;
        }
    }
}
