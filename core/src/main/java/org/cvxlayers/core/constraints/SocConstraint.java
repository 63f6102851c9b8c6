package org.cvxlayers.core.constraints;

import java.util.List;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.canon.ConeKind;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;

/**
 * CVXPY's {@code SOC(t, x)}: {@code ‖vec(x)‖₂ ≤ t} for a scalar affine t and affine x. The dual is the vector
 * {@code (λ, μ)} of length 1 + size(x) in the second-order cone (μ in x's row-major order).
 */
public final class SocConstraint extends Constraint {

    public SocConstraint(Expression t, Expression x) {
        super(List.of(t, x));
        if (t.size() != 1) {
            throw new ShapeException("SOC(" + t + ", " + x + "): t must be a scalar, got " + t.shape());
        }
    }

    @Override
    public void checkDcp(boolean dpp) {
        requireAffine(args().get(0), dpp, this);
        requireAffine(args().get(1), dpp, this);
    }

    @Override
    public void canonicalize(CanonContext ctx) {
        AffineTensor t = ctx.canonicalize(args().get(0));
        AffineTensor x = ctx.canonicalize(args().get(1));
        ctx.addBlock(ConeKind.SOC, AffineTensor.concat(t, x), 0, this);
    }

    @Override
    public Shape dualShape() {
        return Shape.vector(1 + args().get(1).size());
    }

    @Override
    protected double[] dualFromCone(double[] y) {
        Shape xs = args().get(1).shape();
        double[] out = new double[y.length];
        out[0] = y[0];
        for (int k = 0; k + 1 < y.length; k++) {
            out[1 + xs.colMajorToRowMajor(k)] = y[1 + k];
        }
        return out;
    }

    @Override
    protected double[] dualFromConeAdjoint(double[] d) {
        Shape xs = args().get(1).shape();
        double[] dy = new double[d.length];
        dy[0] = d[0];
        for (int k = 0; k + 1 < d.length; k++) {
            dy[1 + k] = d[1 + xs.colMajorToRowMajor(k)];
        }
        return dy;
    }

    @Override
    public String toString() {
        return "SOC(" + args().get(0) + ", " + args().get(1) + ")";
    }
}
