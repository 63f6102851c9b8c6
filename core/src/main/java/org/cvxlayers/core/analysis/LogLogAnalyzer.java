package org.cvxlayers.core.analysis;

import java.util.IdentityHashMap;
import java.util.Map;
import org.cvxlayers.core.atoms.Atom;
import org.cvxlayers.core.atoms.LogLogAtom;
import org.cvxlayers.core.expr.Constant;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Leaf;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;

/**
 * Log-log curvature analysis of disciplined geometric programming (Agrawal, Diamond &amp; Boyd 2019). Leaves
 * must be positive: variables and parameters declared {@code pos}, constants with positive entries; they are
 * log-log affine (variables) or constant. An atom's log-log curvature composes with its arguments' by the DCP
 * rules read in log space: a log-log convex increasing function of a log-log convex argument is log-log
 * convex, and so on. Monomials are log-log affine, posynomials log-log convex. The returned {@link Curvature}
 * is the log-log curvature (AFFINE means log-log affine). The first violation is reported as a
 * {@link DgpException} naming the subexpression.
 */
public final class LogLogAnalyzer {
    private final boolean throwOnError;
    private final Map<Expression, Curvature> memo = new IdentityHashMap<>();

    private LogLogAnalyzer(boolean throwOnError) {
        this.throwOnError = throwOnError;
    }

    /** Log-log curvature of e (UNKNOWN if it breaks the DGP rules). */
    public static Curvature curvature(Expression e) {
        return new LogLogAnalyzer(false).visit(e);
    }

    /** Log-log curvature of e, throwing a {@link DgpException} at the first violation. */
    public static Curvature check(Expression e) {
        try {
            return new LogLogAnalyzer(true).visit(e);
        } catch (DgpException ex) {
            String root = e.toString();
            throw ex.subexpression().equals(root) ? ex : ex.inContext(root);
        }
    }

    /** "log-log convex" etc. */
    public static String label(Curvature c) {
        return c == Curvature.CONSTANT ? "log-log constant" : c == Curvature.UNKNOWN ? "not log-log curved"
                : "log-log " + c.label();
    }

    private Curvature visit(Expression e) {
        Curvature c = memo.get(e);
        if (c == null) {
            c = compute(e);
            memo.put(e, c);
        }
        return c;
    }

    private Curvature compute(Expression e) {
        if (e instanceof Variable || e instanceof Parameter) {
            Leaf l = (Leaf) e;
            if (!l.attributes().pos()) {
                String kind = e instanceof Variable ? "variable" : "parameter";
                return fail(e, kind + " " + l.name() + " is not positive: declare it with pos = true for DGP");
            }
            return e instanceof Variable ? Curvature.AFFINE : Curvature.CONSTANT;
        }
        if (e instanceof Constant) {
            for (double v : e.evaluate()) {
                if (!(v > 0)) {
                    return fail(e, "constant " + e + " is not positive (entry " + v + ")");
                }
            }
            return Curvature.CONSTANT;
        }
        if (!(e instanceof LogLogAtom atom)) {
            String name = e instanceof Atom a ? a.name() : e.getClass().getSimpleName();
            return fail(e, name + " is not a DGP atom (it has no log-log curvature)");
        }
        int n = e.args().size();
        Curvature[] argc = new Curvature[n];
        boolean allConstant = true;
        for (int i = 0; i < n; i++) {
            Expression a = e.args().get(i);
            if (atom.acceptsNonnegativeConstant(i) && LogLogAtom.isNonnegativeNumber(a)) {
                argc[i] = Curvature.CONSTANT;
            } else {
                argc[i] = visit(a);
                if (argc[i] == Curvature.UNKNOWN) {
                    return Curvature.UNKNOWN;
                }
            }
            allConstant &= argc[i] == Curvature.CONSTANT;
        }
        String violation = atom.logLogViolation();
        if (violation != null) {
            return fail(e, violation);
        }
        if (allConstant) {
            return Curvature.CONSTANT;
        }
        Curvature f = atom.atomLogLogCurvature();
        Curvature result = f;
        for (int i = 0; i < n; i++) {
            Curvature ci = argc[i];
            if (ci.isAffine()) {
                continue;
            }
            Curvature contribution = switch (atom.logLogMonotonicity(i)) {
                case INCREASING -> ci;
                case DECREASING -> ci.negate();
                case NONE -> Curvature.UNKNOWN;
            };
            Curvature joined = contribution == Curvature.UNKNOWN ? Curvature.UNKNOWN : result.join(contribution);
            if (joined == Curvature.UNKNOWN) {
                return fail(e, label(f) + " function of the " + label(ci) + " argument " + e.args().get(i)
                        + (contribution == Curvature.UNKNOWN ? " in which it is not monotone"
                                : " is not log-log convex or concave"));
            }
            result = joined;
        }
        return result == Curvature.CONSTANT ? Curvature.AFFINE : result;
    }

    private Curvature fail(Expression e, String reason) {
        if (throwOnError) {
            throw new DgpException(e.toString(), reason);
        }
        return Curvature.UNKNOWN;
    }
}
