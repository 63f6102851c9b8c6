package org.cvxlayers.core.constraints;

import java.util.List;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;
import org.cvxlayers.solvers.cones.PsdCone;

/**
 * {@code X >> 0}: the symmetric part {@code (X + Xᵀ)/2} of an affine square matrix is positive semidefinite,
 * as one PSD cone over its svec (upper triangle column by column, off-diagonals ×√2). The dual is the PSD
 * matrix Z of {@code f − tr(Z X)}, recovered from the cone's dual by dividing off-diagonals by √2.
 */
public final class PsdConstraint extends Constraint {
    private final int n;

    public PsdConstraint(Expression x) {
        super(List.of(x));
        if (!x.shape().isSquare()) {
            throw new ShapeException("PSD constraint on " + x + " of non-square shape " + x.shape());
        }
        n = x.shape().rows();
    }


    @Override
    public void checkDcp(boolean dpp) {
        requireAffine(args().get(0), dpp, this);
    }

    @Override
    public void canonicalize(CanonContext ctx) {
        ctx.addPsd(ctx.canonicalize(args().get(0)), n, this);
    }

    @Override
    public Shape dualShape() {
        return args().get(0).shape().isScalar() ? Shape.scalar() : Shape.matrix(n, n);
    }

    @Override
    protected double[] dualFromCone(double[] y) {
        double[] z = new double[n * n];
        double r = Math.sqrt(2.0);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double v = y[PsdCone.svecIndex(i, j)];
                if (i != j) {
                    v /= r;
                }
                z[i + n * j] = v;
                z[j + n * i] = v;
            }
        }
        return z;
    }

    @Override
    protected double[] dualFromConeAdjoint(double[] dz) {
        double[] dy = new double[n * (n + 1) / 2];
        double r = Math.sqrt(2.0);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                dy[PsdCone.svecIndex(i, j)] = i == j ? dz[i + n * j] : (dz[i + n * j] + dz[j + n * i]) / r;
            }
        }
        return dy;
    }

    @Override
    public String toString() {
        return args().get(0) + " >> 0";
    }
}
