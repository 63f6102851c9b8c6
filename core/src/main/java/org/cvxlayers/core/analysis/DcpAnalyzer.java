package org.cvxlayers.core.analysis;

import java.util.IdentityHashMap;
import java.util.Map;
import org.cvxlayers.core.atoms.AddExpression;
import org.cvxlayers.core.atoms.Atom;
import org.cvxlayers.core.atoms.BilinearAtom;
import org.cvxlayers.core.expr.Constant;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;

/**
 * Applies CVXPY's DCP composition rules bottom-up. An atom f with curvature κ and arguments of curvatures
 * κᵢ is DCP when every non-affine argument is matched by monotonicity (convex argument of a convex
 * nondecreasing or concave nonincreasing f, and symmetrically), and the resulting curvature is the join.
 *
 * <p>In DPP mode (Agrawal et al. 2019) parameters count as affine, not constant; a product is then allowed
 * when one factor is constant, or parameter-affine while the other is parameter-free. The first violation
 * is reported with the offending subexpression and the reason.
 */
public final class DcpAnalyzer {
    private final boolean dpp;
    private final boolean throwOnError;
    private final Map<Expression, Curvature> memo = new IdentityHashMap<>();

    private DcpAnalyzer(boolean dpp, boolean throwOnError) {
        this.dpp = dpp;
        this.throwOnError = throwOnError;
    }

    /** Curvature of e (UNKNOWN if it breaks the rules); {@code dpp} treats parameters as affine. */
    public static Curvature curvature(Expression e, boolean dpp) {
        return new DcpAnalyzer(dpp, false).visit(e);
    }

    /**
     * Curvature of e, throwing {@link DcpException} (or {@link DppException} when only the DPP rules are
     * broken) at the first violation.
     */
    public static Curvature check(Expression e, boolean dpp) {
        try {
            return new DcpAnalyzer(dpp, true).visit(e);
        } catch (DcpException ex) {
            String root = e.toString();
            throw ex.subexpression().equals(root) ? ex : ex.inContext(root);
        }
    }

    /** Whether e has no variables and (in DPP mode) no parameters. */
    private boolean isConstant(Expression e) {
        return !e.hasVariables() && !(dpp && e.hasParameters());
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
        if (e instanceof Variable) {
            return Curvature.AFFINE;
        }
        if (e instanceof Parameter) {
            return dpp ? Curvature.AFFINE : Curvature.CONSTANT;
        }
        if (e instanceof Constant) {
            return Curvature.CONSTANT;
        }
        Curvature[] argc = new Curvature[e.args().size()];
        for (int i = 0; i < argc.length; i++) {
            argc[i] = visit(e.args().get(i));
            if (argc[i] == Curvature.UNKNOWN) {
                return Curvature.UNKNOWN;
            }
        }
        if (!(e instanceof Atom atom)) {
            throw new IllegalStateException("unknown expression type " + e.getClass().getName());
        }
        String violation = atom.argumentViolation(dpp);
        if (violation != null) {
            return fail(e, violation, !dpp || atom.argumentViolation(false) != null);
        }
        if (e instanceof BilinearAtom b) {
            return product(e, b);
        }
        if (isConstant(e)) {
            return Curvature.CONSTANT;
        }
        Curvature f = atom.functionCurvature();
        Curvature result = f;
        for (int i = 0; i < argc.length; i++) {
            Curvature ci = argc[i];
            if (ci.isAffine()) {
                continue;
            }
            Monotonicity m = atom.monotonicity(i);
            Curvature contribution = switch (m) {
                case INCREASING -> ci;
                case DECREASING -> ci.negate();
                case NONE -> Curvature.UNKNOWN;
            };
            if (contribution == Curvature.UNKNOWN) {
                return fail(e, f.label() + " function of a " + ci.label() + " argument "
                        + e.args().get(i) + " in which it is not monotone", true);
            }
            Curvature joined = result.join(contribution);
            if (joined == Curvature.UNKNOWN) {
                if (e instanceof AddExpression) {
                    return fail(e, "sum of a convex and a concave expression", true);
                }
                return fail(e, f.label() + " function of a " + ci.label() + " argument", true);
            }
            result = joined;
        }
        return result == Curvature.CONSTANT ? Curvature.AFFINE : result;
    }

    private Curvature product(Expression e, BilinearAtom b) {
        Expression l = b.lhs();
        Expression r = b.rhs();
        boolean lc = isConstant(l);
        boolean rc = isConstant(r);
        if (lc && rc) {
            return Curvature.CONSTANT;
        }
        Expression coef;
        Expression other;
        if (rc) {
            coef = r;
            other = l;
        } else if (lc && !b.rhsMustBeConstant()) {
            coef = l;
            other = r;
        } else if (b.rhsMustBeConstant()) {
            boolean dcpOk = !r.hasVariables();
            return fail(e, dcpOk ? "division by a parameter expression is not DPP"
                    : "division by a non-constant expression", !dcpOk);
        } else if (dpp && isParamAffine(r) && !l.hasParameters()) {
            coef = r;
            other = l;
        } else if (dpp && isParamAffine(l) && !r.hasParameters()) {
            coef = l;
            other = r;
        } else {
            boolean dcpOk = !l.hasVariables() || !r.hasVariables();
            if (dcpOk) {
                return fail(e, "product of two parameter-dependent expressions is not DPP", false);
            }
            return fail(e, "product of two non-constant expressions", true);
        }
        Curvature oc = visit(other);
        if (oc.isAffine()) {
            return Curvature.AFFINE;
        }
        Sign s = coef.sign();
        if (s.isNonneg()) {
            return oc;
        }
        if (s.isNonpos()) {
            return oc.negate();
        }
        return fail(e, "product of a " + oc.label() + " expression and " + coef + " of unknown sign", true);
    }

    private boolean isParamAffine(Expression e) {
        return !e.hasVariables() && visit(e).isAffine();
    }

    private Curvature fail(Expression e, String reason, boolean dcpViolation) {
        if (throwOnError) {
            throw dcpViolation ? new DcpException(e.toString(), reason) : new DppException(e.toString(), reason);
        }
        return Curvature.UNKNOWN;
    }
}
