package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DcpException;
import org.cvxlayers.core.analysis.DppException;
import org.cvxlayers.core.analysis.Monotonicity;
import org.cvxlayers.core.analysis.Sign;
import org.cvxlayers.core.atoms.Atom;
import org.cvxlayers.core.expr.Attributes;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.ShapeException;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** Curvature, sign and monotonicity of every atom; DCP/DPP verdicts and their messages. */
class DcpAnalysisTest {
    private final Variable x = variable(3, "x");
    private final Variable y = variable("y");
    private final Variable pos = new Variable(Shape.vector(3), "p", Attributes.nonnegative());
    private final Variable nonposVar = new Variable(Shape.vector(3), "q", Attributes.NONE.withNonpos());

    private static void assertAtom(Expression e, Curvature curvature, Sign sign) {
        assertEquals(curvature, e.curvature(), e.toString());
        assertEquals(sign, e.sign(), e.toString());
    }

    private static Monotonicity mono(Expression e, int i) {
        return ((Atom) e).monotonicity(i);
    }

    @Test
    void elementwiseAtoms() {
        assertAtom(abs(x), Curvature.CONVEX, Sign.NONNEG);
        assertEquals(Monotonicity.NONE, mono(abs(x), 0));
        assertEquals(Monotonicity.INCREASING, mono(abs(pos), 0));
        assertEquals(Monotonicity.DECREASING, mono(abs(nonposVar), 0));
        assertAtom(pos(x), Curvature.CONVEX, Sign.NONNEG);
        assertEquals(Monotonicity.INCREASING, mono(pos(x), 0));
        assertAtom(negPart(x), Curvature.CONVEX, Sign.NONNEG);
        assertEquals(Monotonicity.DECREASING, mono(negPart(x), 0));
        assertAtom(square(x), Curvature.CONVEX, Sign.NONNEG);
        assertEquals(Monotonicity.NONE, mono(square(x), 0));
        assertEquals(Monotonicity.INCREASING, mono(square(pos), 0));
        assertAtom(sqrt(x), Curvature.CONCAVE, Sign.NONNEG);
        assertEquals(Monotonicity.INCREASING, mono(sqrt(x), 0));
        assertAtom(invPos(x), Curvature.CONVEX, Sign.NONNEG);
        assertEquals(Monotonicity.DECREASING, mono(invPos(x), 0));
        assertAtom(power(x, 3), Curvature.CONVEX, Sign.NONNEG);
        assertEquals(Monotonicity.INCREASING, mono(power(x, 3), 0));
        assertEquals(Monotonicity.NONE, mono(power(x, 4), 0));
        assertAtom(power(x, 0.25), Curvature.CONCAVE, Sign.NONNEG);
        assertAtom(power(x, -1.5), Curvature.CONVEX, Sign.NONNEG);
        assertAtom(huber(x, 2), Curvature.CONVEX, Sign.NONNEG);
        assertEquals(Monotonicity.INCREASING, mono(huber(pos), 0));
        assertAtom(maximum(x, pos), Curvature.CONVEX, Sign.NONNEG);
        assertAtom(maximum(nonposVar, nonposVar), Curvature.CONVEX, Sign.NONPOS);
        assertAtom(minimum(x, nonposVar), Curvature.CONCAVE, Sign.NONPOS);
        assertAtom(minimum(pos, pos), Curvature.CONCAVE, Sign.NONNEG);
        assertEquals(Monotonicity.INCREASING, mono(minimum(x, pos), 1));
    }

    @Test
    void reductionAtoms() {
        assertAtom(norm1(x), Curvature.CONVEX, Sign.NONNEG);
        assertAtom(norm2(x), Curvature.CONVEX, Sign.NONNEG);
        assertAtom(normInf(x), Curvature.CONVEX, Sign.NONNEG);
        assertAtom(pnorm(x, 3), Curvature.CONVEX, Sign.NONNEG);
        assertEquals(Monotonicity.INCREASING, mono(norm2(pos), 0));
        assertEquals(Monotonicity.NONE, mono(norm2(x), 0));
        assertAtom(sumSquares(x), Curvature.CONVEX, Sign.NONNEG);
        assertAtom(quadOverLin(x, y), Curvature.CONVEX, Sign.NONNEG);
        assertEquals(Monotonicity.DECREASING, mono(quadOverLin(x, y), 1));
        assertAtom(quadForm(x, new double[][] {{2, 0, 0}, {0, 1, 0}, {0, 0, 1}}), Curvature.CONVEX, Sign.NONNEG);
        assertAtom(quadForm(x, new double[][] {{-2, 0, 0}, {0, -1, 0}, {0, 0, 0}}), Curvature.CONCAVE, Sign.NONPOS);
        assertAtom(geoMean(x), Curvature.CONCAVE, Sign.NONNEG);
        assertEquals(Monotonicity.INCREASING, mono(geoMean(x), 0));
        assertAtom(max(x), Curvature.CONVEX, Sign.UNKNOWN);
        assertAtom(max(pos), Curvature.CONVEX, Sign.NONNEG);
        assertAtom(min(x), Curvature.CONCAVE, Sign.UNKNOWN);
        assertAtom(sumLargest(x, 2), Curvature.CONVEX, Sign.UNKNOWN);
        assertAtom(sumSmallest(x, 2), Curvature.CONCAVE, Sign.UNKNOWN);
        assertAtom(tv(x), Curvature.CONVEX, Sign.NONNEG);
        assertEquals(Monotonicity.NONE, mono(tv(x), 0));
    }

    @Test
    void affineAtomsAndProducts() {
        assertAtom(x.plus(1), Curvature.AFFINE, Sign.UNKNOWN);
        assertAtom(pos.plus(1), Curvature.AFFINE, Sign.NONNEG);
        assertAtom(pos.neg(), Curvature.AFFINE, Sign.NONPOS);
        assertAtom(sum(pos), Curvature.AFFINE, Sign.NONNEG);
        assertAtom(cumsum(x), Curvature.AFFINE, Sign.UNKNOWN);
        assertAtom(constant(2).mul(square(x)), Curvature.CONVEX, Sign.NONNEG);
        assertAtom(constant(-2).mul(square(x)), Curvature.CONCAVE, Sign.NONPOS);
        assertAtom(sum(square(x)), Curvature.CONVEX, Sign.NONNEG);
        assertAtom(sum(square(x)).neg(), Curvature.CONCAVE, Sign.NONPOS);
        assertAtom(kron(new double[][] {{1, 2}}, square(x.reshape(Shape.matrix(1, 3)))), Curvature.CONVEX, Sign.NONNEG);
        assertAtom(kron(new double[][] {{1, -2}}, square(x.reshape(Shape.matrix(1, 3)))), Curvature.UNKNOWN, Sign.UNKNOWN);
        assertAtom(constant(new double[][] {{1, 2, 3}}).matmul(x), Curvature.AFFINE, Sign.UNKNOWN);
        assertAtom(x.index(0).mul(x.index(1)), Curvature.UNKNOWN, Sign.UNKNOWN);
        assertAtom(constant(5), Curvature.CONSTANT, Sign.NONNEG);
        Parameter p = parameter("p");
        assertEquals(Curvature.CONSTANT, p.curvature());
        assertTrue(p.mul(x).isDpp());
        assertFalse(p.mul(p).mul(x).isDpp());
        assertTrue(p.mul(p).mul(x).isDcp());
    }

    @Test
    void printsLikeCvxpy() {
        Variable z = variable(2, "z");
        Parameter a = parameter(2, 2, "A");
        Parameter b = parameter(2, "b");
        assertEquals("sum_squares(A @ z - b)", sumSquares(a.matmul(z).minus(b)).toString());
        assertEquals("square(sqrt(y))", square(sqrt(y)).toString());
        assertEquals("norm1(z[0:1]) + 2.0 * max(z)", norm1(z.slice(0, 1)).plus(constant(2).mul(max(z))).toString());
        assertEquals("-(z + b)", z.plus(b).neg().toString());
        assertEquals("pnorm(z, 3)", pnorm(z, 3).toString());
        assertEquals("power(y, 3/2)", power(y, 1.5).toString());
        assertEquals("A.T @ z", a.T().matmul(z).toString());
        assertEquals("huber(z, 2.0)", huber(z, 2).toString());
    }

    @Test
    void rejectedProblemsNameTheSubexpressionAndTheRule() {
        Variable z = variable("z");
        DcpException e = assertThrows(DcpException.class, () -> Problem.minimize(square(sqrt(z))).compile());
        assertEquals("square(sqrt(z)): convex function of a concave argument", e.getMessage());
        assertEquals("square(sqrt(z))", e.subexpression());

        e = assertThrows(DcpException.class, () -> Problem.maximize(square(z)).compile());
        assertTrue(e.getMessage().contains("maximization must be concave"), e.getMessage());

        e = assertThrows(DcpException.class, () -> Problem.minimize(z, sqrt(z).ge(abs(z).plus(sqrt(z)))).compile());
        assertTrue(e.getMessage().startsWith("abs(z) + sqrt(z): sum of a convex and a concave expression"), e.getMessage());

        e = assertThrows(DcpException.class, () -> Problem.minimize(z.mul(z)).compile());
        assertEquals("z * z: product of two non-constant expressions", e.getMessage());

        e = assertThrows(DcpException.class, () -> Problem.minimize(z, square(z).eq(1)).compile());
        assertTrue(e.getMessage().contains("must be affine") && e.getMessage().contains("square(z) is convex"),
                e.getMessage());

        e = assertThrows(DcpException.class, () -> Problem.minimize(z, square(z).ge(1)).compile());
        assertTrue(e.getMessage().contains("right side of <= must be concave"), e.getMessage());

        e = assertThrows(DcpException.class, () -> Problem.minimize(abs(square(z).minus(1))).compile());
        assertTrue(e.getMessage().startsWith("abs(square(z) - 1.0): convex function of a convex argument"),
                e.getMessage());

        Parameter p = parameter("p");
        Parameter q = parameter("q");
        DppException d = assertThrows(DppException.class, () -> Problem.minimize(p.mul(q).mul(z), z.ge(0)).compile());
        assertEquals("p * q: product of two parameter-dependent expressions is not DPP (in p * q * z)", d.getMessage());
        assertEquals("p * q", d.subexpression());

        d = assertThrows(DppException.class, () -> Problem.minimize(square(z.div(p).minus(1))).compile());
        assertEquals("z / p: division by a parameter expression is not DPP (in square(z / p - 1.0))", d.getMessage());

        Parameter sigma = parameter(2, 2, "Sigma");
        Variable w = variable(2, "w");
        e = assertThrows(DcpException.class, () -> Problem.minimize(quadForm(w, sigma)).compile());
        assertTrue(e.getMessage().contains("quad_form(w, Sigma)"), e.getMessage());
    }

    @Test
    void problemVerdicts() {
        Variable z = variable(2, "z");
        Parameter p = new Parameter(Shape.scalar(), "p", Attributes.nonnegative());
        Parameter s = parameter("s");
        assertTrue(Problem.minimize(p.mul(norm2(z))).isDpp());
        // p of unknown sign times a convex atom is not DCP
        assertFalse(Problem.minimize(s.mul(norm2(z))).isDcp());
        assertTrue(Problem.maximize(sqrt(sum(z))).isDcp());
        assertFalse(Problem.minimize(sqrt(sum(z))).isDcp());
        assertTrue(Problem.minimize(sum(z), square(sum(z)).le(sqrt(z.index(0)))).isDcp());
    }

    @Test
    void shapeErrorsNameTheOperands() {
        Variable a = variable(3, "a");
        Variable b = variable(2, "b");
        ShapeException e = assertThrows(ShapeException.class, () -> a.plus(b));
        assertTrue(e.getMessage().contains("(3,)") && e.getMessage().contains("(2,)"), e.getMessage());
        e = assertThrows(ShapeException.class, () -> variable(2, 3, "M").matmul(a.slice(0, 2)));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(2,)"), e.getMessage());
        assertThrows(ShapeException.class, () -> a.index(3));
        assertThrows(ShapeException.class, () -> Problem.minimize(a));
    }
}
