package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;

/**
 * Total variation {@code tv(x)}: for a vector Σ|x_{i+1} − x_i|; for an m×n matrix the isotropic
 * Σ_{i<m−1, j<n−1} ‖(X_{i+1,j} − X_{ij}, X_{i,j+1} − X_{ij})‖₂ (as CVXPY's tv of one matrix).
 */
public final class TotalVariation extends ConvexScalarAtom {
    public TotalVariation(Expression x) {
        super(List.of(x));
    }

    @Override
    public String name() {
        return "tv";
    }

    @Override
    public Monotonicity monotonicity(int i) {
        return Monotonicity.NONE;
    }

    @Override
    public double[] evaluate() {
        double[] v = args().get(0).evaluate();
        double s = 0;
        if (!args().get(0).shape().isMatrix()) {
            for (int i = 0; i + 1 < v.length; i++) {
                s += Math.abs(v[i + 1] - v[i]);
            }
            return new double[] {s};
        }
        int m = args().get(0).shape().rows();
        int n = args().get(0).shape().cols();
        for (int j = 0; j + 1 < n; j++) {
            for (int i = 0; i + 1 < m; i++) {
                double a = v[i + 1 + m * j] - v[i + m * j];
                double b = v[i + m * (j + 1)] - v[i + m * j];
                s += Math.hypot(a, b);
            }
        }
        return new double[] {s};
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        AffineTensor x = args.get(0);
        if (!args().get(0).shape().isMatrix()) {
            int n = x.size();
            if (n < 2) {
                return AffineTensor.zeros(1);
            }
            int[] hi = new int[n - 1];
            int[] lo = new int[n - 1];
            for (int i = 0; i + 1 < n; i++) {
                hi[i] = i + 1;
                lo[i] = i;
            }
            return Abs.epigraph(ctx, x.select(hi).minus(x.select(lo))).sumAll();
        }
        int m = args().get(0).shape().rows();
        int n = args().get(0).shape().cols();
        AffineTensor total = AffineTensor.zeros(1);
        if (m < 2 || n < 2) {
            return total;
        }
        AffineTensor t = ctx.newVariable((m - 1) * (n - 1));
        int k = 0;
        for (int j = 0; j + 1 < n; j++) {
            for (int i = 0; i + 1 < m; i++) {
                AffineTensor here = x.entry(i + m * j);
                AffineTensor d = AffineTensor.concat(x.entry(i + 1 + m * j).minus(here), x.entry(i + m * (j + 1)).minus(here));
                ctx.addSoc(t.entry(k++), d);
            }
        }
        return t.sumAll();
    }
}
