package org.cvxlayers.core.atoms;

import org.cvxlayers.core.canon.LogSpace;

import java.util.ArrayList;
import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * An affine atom {@code out = Σᵢ Mᵢ · vec(argᵢ)} with constant sparse maps {@code Mᵢ} (out.size × argᵢ.size,
 * column-major vectorizations). Sums, negation, indexing, transposes, reshapes, stacking, sums along axes,
 * traces, diagonals, cumulative sums and Kronecker products with constants are all of this form, so one
 * canonicalization (apply the map to the argument's tensor) and one evaluation serve them all.
 * Monotonicity in an argument follows the sign of its map's entries.
 */
public abstract class LinearAtom extends Atom implements LogLogAtom {
    private final List<CscMatrix> maps;

    protected LinearAtom(Shape shape, List<Expression> args, List<CscMatrix> maps) {
        super(shape, args);
        this.maps = List.copyOf(maps);
        for (int i = 0; i < maps.size(); i++) {
            CscMatrix m = maps.get(i);
            if (m.rows() != shape.size() || m.cols() != args.get(i).size()) {
                throw new IllegalStateException(name() + ": map " + i + " is " + m.rows() + "x" + m.cols());
            }
        }
    }

    /** The map applied to argument {@code i}. */
    public CscMatrix map(int i) {
        return maps.get(i);
    }

    @Override
    public Curvature functionCurvature() {
        return Curvature.AFFINE;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        Sign s = Sign.of(java.util.Arrays.copyOf(maps.get(i).values(), maps.get(i).nnz()));
        if (s.isNonneg()) {
            return Monotonicity.INCREASING;
        }
        return s.isNonpos() ? Monotonicity.DECREASING : Monotonicity.NONE;
    }

    @Override
    public Sign sign() {
        Sign out = Sign.ZERO;
        for (int i = 0; i < maps.size(); i++) {
            Sign ms = Sign.of(java.util.Arrays.copyOf(maps.get(i).values(), maps.get(i).nnz()));
            Sign term = maps.get(i).nnz() == 0 ? Sign.ZERO : ms.times(args().get(i).sign());
            out = out.plus(term);
        }
        return out;
    }

    @Override
    public double[] evaluate() {
        double[] out = new double[size()];
        for (int i = 0; i < maps.size(); i++) {
            maps.get(i).mulVec(1.0, args().get(i).evaluate(), 1.0, out);
        }
        return out;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        List<AffineTensor> parts = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            parts.add(args.get(i).apply(maps.get(i)));
        }
        return parts.size() == 1 ? parts.get(0) : AffineTensor.sum(parts.toArray(new AffineTensor[0]));
    }

    // ---------------------------------------------------------------- DGP

    @Override
    public Curvature atomLogLogCurvature() {
        for (int c : DgpForms.termCounts(shape(), args(), maps)) {
            if (c != 1) {
                return Curvature.CONVEX;
            }
        }
        return Curvature.AFFINE;
    }

    @Override
    public Monotonicity logLogMonotonicity(int i) {
        return Monotonicity.INCREASING;
    }

    /** Constants are folded into the posynomial's coefficients, so zero entries are fine. */
    @Override
    public boolean acceptsNonnegativeConstant(int i) {
        return true;
    }

    @Override
    public String logLogViolation() {
        for (int i = 0; i < maps.size(); i++) {
            for (int p = 0; p < maps.get(i).nnz(); p++) {
                if (maps.get(i).values()[p] < 0) {
                    return name() + " has a negative coefficient, so it is not a posynomial of positive arguments";
                }
            }
        }
        int[] counts = DgpForms.termCounts(shape(), args(), maps);
        for (int r = 0; r < counts.length; r++) {
            if (counts[r] == 0) {
                return "entry " + r + " is identically zero (DGP expressions must be positive)";
            }
        }
        return null;
    }

    @Override
    public Expression logSpace(LogSpace ls) {
        return DgpForms.linear(ls, shape(), args(), maps);
    }
}
