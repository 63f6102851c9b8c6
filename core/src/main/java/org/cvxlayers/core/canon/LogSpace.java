package org.cvxlayers.core.canon;

import java.util.IdentityHashMap;
import java.util.Map;
import org.cvxlayers.core.atoms.LogLeaf;
import org.cvxlayers.core.atoms.LogLogAtom;
import org.cvxlayers.core.expr.Constant;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Leaf;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;

/**
 * The DGP → DCP reduction (the log change of variables): maps an expression {@code f} of positive leaves to
 * the DCP expression of {@code log f(exp(u))}. Variables and parameters become {@link LogLeaf}s (the compiled
 * program holds their logs in x and θ), numeric constants their logarithms, and each {@link LogLogAtom} its
 * {@link LogLogAtom#logSpace} form. Shared subexpressions map to shared log-space nodes. Callers check the DGP
 * rules first.
 */
public final class LogSpace {
    private final Map<Expression, Expression> memo = new IdentityHashMap<>();

    /** The log-space form of {@code e}. */
    public Expression of(Expression e) {
        Expression out = memo.get(e);
        if (out == null) {
            out = convert(e);
            memo.put(e, out);
        }
        return out;
    }

    private Expression convert(Expression e) {
        if (e instanceof Variable || e instanceof Parameter) {
            return new LogLeaf((Leaf) e);
        }
        if (e instanceof Constant c) {
            double[] v = c.evaluate();
            for (int k = 0; k < v.length; k++) {
                if (!(v[k] > 0)) {
                    throw new IllegalArgumentException("constant " + c + " has a non-positive entry " + v[k]
                            + " and has no logarithm (DGP needs positive constants)");
                }
                v[k] = Math.log(v[k]);
            }
            return Constant.ofColMajor(c.shape(), v, null);
        }
        if (e instanceof LogLogAtom a) {
            return a.logSpace(this);
        }
        throw new IllegalArgumentException(e + " is not a DGP expression");
    }
}
