package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DppException;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Eigen;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;

/**
 * {@code quad_form(x, P) = xᵀ P x} with P a constant symmetric matrix (convex if PSD, concave if NSD) or a
 * parameter declared PSD. As a term of the objective it goes to the solver's P (affine in θ for a
 * parameter P); elsewhere a constant P is factored, P = FᵀF, and {@code ‖F x‖²} lifted into a cone.
 */
public final class QuadForm extends Atom implements QuadraticAtom {

    public QuadForm(Expression x, Expression p) {
        super(Shape.scalar(), List.of(x, p));
        int n = x.size();
        if (!x.shape().isMatrix() && p.shape().isSquare() && (p.shape().rows() == n)) {
            return;
        }
        throw new ShapeException("quad_form(" + x + ", " + p + "): x must be a vector of length n and P n×n, got "
                + x.shape() + " and " + p.shape());
    }

    private Expression x() {
        return args().get(0);
    }

    private Expression matrix() {
        return args().get(1);
    }

    private Integer constantDefiniteness; // cached for a constant P (parameters may change value)

    /** +1 if P is known PSD, −1 if NSD, 0 if unknown. */
    private int definiteness() {
        if (constantDefiniteness != null) {
            return constantDefiniteness;
        }
        int d = computeDefiniteness();
        if (matrix().isConstant()) {
            constantDefiniteness = d;
        }
        return d;
    }

    private int computeDefiniteness() {
        Expression p = matrix();
        if (p instanceof Parameter par) {
            if (par.attributes().psd()) {
                return 1;
            }
            if (par.attributes().nsd()) {
                return -1;
            }
            if (!par.hasValue()) {
                return 0;
            }
        } else if (p.hasVariables() || p.hasParameters()) {
            return 0;
        }
        // sparse LDLᵀ first (cheap for sparse definite P), dense eigenvalues only when that is inconclusive
        return Eigen.semidefiniteSign(p.evaluate(), p.shape().rows());
    }

    @Override
    public String name() {
        return "quad_form";
    }

    @Override
    public String argumentViolation(boolean dpp) {
        Expression p = matrix();
        if (p.hasVariables()) {
            return "the matrix P of quad_form must be constant or a parameter";
        }
        if (p.hasParameters() && !(p instanceof Parameter) && dpp) {
            return "the matrix P of quad_form must be a constant or a single parameter to be DPP";
        }
        if (dpp && p.hasParameters() && x().hasParameters()) {
            return "quad_form of a parameter-dependent x with a parameter P is not DPP";
        }
        if (dpp && p instanceof Parameter par && !par.attributes().psd() && !par.attributes().nsd()) {
            return "a parameter P of quad_form must be declared PSD (or NSD) to be DPP";
        }
        if (definiteness() == 0) {
            return "P is neither positive nor negative semidefinite (declare parameters PSD=True)";
        }
        return null;
    }

    @Override
    public Curvature functionCurvature() {
        return definiteness() < 0 ? Curvature.CONCAVE : Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return Monotonicity.NONE;
    }

    @Override
    public Sign sign() {
        int d = definiteness();
        return d > 0 ? Sign.NONNEG : d < 0 ? Sign.NONPOS : Sign.UNKNOWN;
    }

    @Override
    public double[] evaluate() {
        double[] x = x().evaluate();
        double[] p = matrix().evaluate();
        int n = x.length;
        double s = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                s += x[i] * p[i + n * j] * x[j];
            }
        }
        return new double[] {s};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor p = args.get(1);
        if (p.hasParameters()) {
            throw new DppException(toString(), "quad_form with a parameter matrix is supported only as a term of the "
                    + "objective (it is then part of the quadratic objective)");
        }
        int n = x().size();
        double[] pv = p.constantValue();
        int sign = definiteness();
        if (sign < 0) {
            for (int k = 0; k < pv.length; k++) {
                pv[k] = -pv[k];
            }
        }
        double[][] f = Eigen.psdFactor(pv, n, "P of " + this);
        AffineTensor fx = AffineTensor.constant(new double[0]);
        if (f.length > 0) {
            double[] fc = new double[f.length * n];
            for (int r = 0; r < f.length; r++) {
                for (int j = 0; j < n; j++) {
                    fc[r + f.length * j] = f[r][j];
                }
            }
            fx = AffineTensor.matmul(AffineTensor.constant(fc), f.length, n, args.get(0), 1);
        } else {
            return AffineTensor.zeros(1);
        }
        AffineTensor t = QuadOverLin.epigraph(ctx, fx, AffineTensor.scalar(1.0));
        return sign < 0 ? t.scale(-1.0) : t;
    }

    @Override
    public boolean hasQuadraticForm() {
        return definiteness() > 0;
    }

    @Override
    public AffineTensor canonicalizeQuadratic(CanonContext ctx, AffineTensor coef) {
        int[] cols = ctx.asColumns(ctx.canonicalize(x()));
        ctx.quadratic().addQuadForm(cols, ctx.canonicalize(matrix()), coef);
        return AffineTensor.zeros(1);
    }
}
