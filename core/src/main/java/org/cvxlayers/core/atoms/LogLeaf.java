package org.cvxlayers.core.atoms;

import java.util.List;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Leaf;
import org.cvxlayers.core.expr.Parameter;

/**
 * {@code log(v)} of a positive variable or parameter in the log-space (DGP → DCP) problem: an affine atom
 * whose canonical form is the leaf's own columns of x or slots of θ, because a program compiled with
 * {@code gp = true} stores {@code log x} in x and {@code log θ} in θ. Only valid inside such a compilation.
 */
public final class LogLeaf extends FixedTraitsAtom {
    public LogLeaf(Leaf leaf) {
        super(leaf.shape(), List.of(leaf), "log", Curvature.AFFINE, Monotonicity.INCREASING, Sign.UNKNOWN);
    }

    @Override
    public double[] evaluate() {
        double[] v = args().get(0).evaluate();
        for (int k = 0; k < v.length; k++) {
            v[k] = Math.log(v[k]);
        }
        return v;
    }

    @Override
    public AffineTensor canonicalize(CanonContext ctx, List<AffineTensor> args) {
        if (!ctx.isLogSpace()) {
            throw new IllegalStateException(this + " can only be canonicalized in a gp (log-space) compilation");
        }
        if (args().get(0) instanceof Parameter && ctx.parametersAsConstants()) {
            return AffineTensor.constant(evaluate());
        }
        return args.get(0);
    }
}
