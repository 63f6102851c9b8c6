package org.cvxlayers.core.constraints;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DcpAnalyzer;
import org.cvxlayers.core.analysis.DcpException;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.canon.ConicConstraint;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;

/**
 * A constraint of the modelling language. After a solve it carries its dual value with CVXPY's sign
 * conventions (Lagrangian {@code f + Σ λ·(lhs − rhs)} for {@code lhs ≤ rhs} with λ ≥ 0, and
 * {@code f + ν·(lhs − rhs)} for {@code lhs == rhs}; a PSD constraint's dual is a PSD matrix).
 */
public abstract class Constraint implements ConicConstraint {
    private final List<Expression> args;
    private double[] dual; // column-major, in dualShape()

    protected Constraint(List<Expression> args) {
        this.args = List.copyOf(args);
    }

    /** {@code X >> 0}: the symmetric part of the square matrix X is positive semidefinite. */
    public static PsdConstraint psd(Expression x) {
        return new PsdConstraint(x);
    }

    public List<Expression> args() {
        return args;
    }

    /** Checks the DCP (or DPP) rules, throwing a {@link DcpException} that names the violation. */
    public abstract void checkDcp(boolean dpp);

    /** Whether the constraint follows the DCP rules. */
    public boolean isDcp() {
        try {
            checkDcp(false);
            return true;
        } catch (DcpException e) {
            return false;
        }
    }

    /** Whether the constraint follows the DPP rules. */
    public boolean isDpp() {
        try {
            checkDcp(true);
            return true;
        } catch (DcpException e) {
            return false;
        }
    }

    @Override
    public abstract void canonicalize(CanonContext ctx);

    /** Shape of the dual value. */
    public abstract Shape dualShape();

    /** Converts the dual rows of this constraint's cone block into the dual value (column-major). */
    protected abstract double[] dualFromCone(double[] y);

    /**
     * The adjoint of {@link #dualFromCone}: given dL/d(dual value) column-major, returns dL/d(y-slice).
     */
    protected abstract double[] dualFromConeAdjoint(double[] dDual);

    /**
     * The dual value (row-major) that the cone block's dual rows {@code ySlice} represent, without storing
     * it (for the differentiation layer; the slice comes from {@code ParametricConeProgram.constraintSlice}).
     */
    public double[] dualValueFrom(double[] ySlice) {
        return dualShape().toRowMajor(dualFromCone(ySlice));
    }

    /** The adjoint of {@link #dualValueFrom}: dL/d(y-slice) from dL/d(dual value), row-major. */
    public double[] dualValueAdjoint(double[] dDualRowMajor) {
        return dualFromConeAdjoint(dualShape().toColMajor(dDualRowMajor));
    }

    /** Stores the dual from the solver's y-slice (used by {@code Problem}); null clears it. */
    public void setDualFromCone(double[] y) {
        dual = y == null ? null : dualFromCone(y);
    }

    /** Whether a dual value is present. */
    public boolean hasDualValue() {
        return dual != null;
    }

    /** The dual value flattened row-major. */
    public double[] dualValue() {
        if (dual == null) {
            throw new IllegalStateException("constraint " + this + " has no dual value (solve the problem first)");
        }
        return dualShape().toRowMajor(dual);
    }

    /** The dual value of a scalar constraint. */
    public double dualScalar() {
        double[] d = dualValue();
        if (d.length != 1) {
            throw new IllegalStateException("constraint " + this + " has a dual of shape " + dualShape());
        }
        return d[0];
    }

    /** The dual value as a row-major matrix. */
    public double[][] dualMatrix() {
        double[] d = dualValue();
        Shape s = dualShape();
        double[][] out = new double[s.rows()][s.cols()];
        for (int i = 0; i < s.rows(); i++) {
            System.arraycopy(d, i * s.cols(), out[i], 0, s.cols());
        }
        return out;
    }

    /** Throws if e is not affine (under the DCP or DPP rules). */
    protected static void requireAffine(Expression e, boolean dpp, Object owner) {
        Curvature c = DcpAnalyzer.check(e, dpp);
        if (!c.isAffine()) {
            throw new DcpException(owner.toString(), "both sides of an equality (and the argument of a cone "
                    + "constraint) must be affine, but " + e + " is " + c.label());
        }
    }
}
