package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.cvxlayers.core.canon.AffineTensor;
import org.cvxlayers.core.canon.CanonContext;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/**
 * Every affine operator: the tensor built by canonicalization, evaluated at random (x, θ), equals the
 * expression's numeric value; plus hand-computed values of the operators.
 */
class AffineCanonicalizationTest {
    private final Random r = new Random(41);
    private final Variable v = variable(4, "v");
    private final Variable m = variable(3, 2, "M");
    private final Variable s = variable("s");
    private final Parameter pv = parameter(4, "pv");
    private final Parameter pm = parameter(2, 3, "PM");
    private final Parameter ps = parameter("ps");

    private void randomize() {
        v.setValue(TestData.randn(r, 4));
        m.setValue(TestData.randn(r, 6));
        s.setValue(r.nextGaussian());
        pv.setValue(TestData.randn(r, 4));
        pm.setValue(TestData.randn(r, 6));
        ps.setValue(r.nextGaussian());
    }

    /** Evaluates the tensor of e at the leaves' current values and compares with e.evaluate(). */
    private void assertTensorMatches(Expression e) {
        CanonContext ctx = new CanonContext(false);
        AffineTensor t = ctx.canonicalize(e);
        double[] x = new double[1000];
        double[] theta = new double[1000];
        for (Variable var : List.of(v, m, s)) {
            AffineTensor tv = ctx.variable(var);
            double[] val = var.evaluate();
            for (int k = 0; k < tv.count(); k++) {
                x[tv.col(k)] = val[tv.row(k)];
            }
        }
        for (Parameter p : List.of(pv, pm, ps)) {
            AffineTensor tp = ctx.parameter(p);
            double[] val = p.colMajorValue();
            for (int k = 0; k < tp.count(); k++) {
                theta[tp.par(k)] = val[tp.row(k)];
            }
        }
        double[] got = new double[t.size()];
        for (int k = 0; k < t.count(); k++) {
            double a = t.col(k) == AffineTensor.CONST ? 1 : x[t.col(k)];
            double b = t.par(k) == AffineTensor.CONST ? 1 : theta[t.par(k)];
            got[t.row(k)] += t.val(k) * a * b;
        }
        assertArrayEquals(e.evaluate(), got, 1e-12, e.toString());
    }

    @Test
    void tensorsOfAffineExpressionsMatchTheirValues() {
        double[][] c23 = {{1, -2, 0}, {0.5, 3, 1}};
        List<Expression> exprs = List.of(
                v.plus(pv).minus(s).mul(2),
                v.mul(pv).plus(ps.mul(v)),
                pm.matmul(m),
                m.matmul(pm).plus(ps),
                constant(c23).matmul(m).T(),
                pv.matmul(v),
                v.matmul(pv.mul(3)),
                m.T().matmul(constant(new double[] {1, 2, 3})),
                v.div(constant(new double[] {1, 2, 4, 8})).minus(v.div(2)),
                m.index(2, 1).plus(m.row(0).sum()).plus(m.col(1).index(0)),
                m.slice(1, 3, 0, 2).vec(),
                m.reshape(Shape.matrix(2, 3)).minus(pm),
                m.sum(0).plus(m.sum(1).slice(0, 2)),
                trace(m.slice(0, 2, 0, 2)).mul(ps),
                diag(v).matmul(pv),
                diag(pm.matmul(m)),
                cumsum(v).minus(cumsum(m, 1).vec().slice(0, 4)),
                cumsum(m, 0),
                diff(v),
                diff(m, 1, 1),
                diff(v, 2, 0),
                kron(c23, m),
                kron(m, c23),
                hstack(v, s, pv.index(1)),
                hstack(m, pm.T()),
                vstack(v, pv),
                vstack(m, pm.matmul(m)),
                sum(v.mul(pv)).plus(ps).neg(),
                v.slice(1, 3).mul(ps).plus(pv.slice(0, 2)),
                m.plus(pm.row(0).slice(0, 2)),
                m.mul(constant(new double[][] {{1}, {2}, {-1}})).minus(pm.T()),
                m.div(constant(new double[] {2, 4})),
                m.minus(s).plus(pm.T().mul(constant(new double[] {0, 1}))).sum(0));
        for (int trial = 0; trial < 3; trial++) {
            randomize();
            for (Expression e : exprs) {
                assertTensorMatches(e);
            }
        }
    }

    @Test
    void operatorValuesByHand() {
        Variable a = variable(2, 3, "A");
        a.setValue(1, 2, 3, 4, 5, 6); // row-major [[1, 2, 3], [4, 5, 6]]
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, a.T().vectorValue(), 0);
        assertArrayEquals(new double[] {1, 2, 3, 5, 7, 9}, cumsum(a).vectorValue(), 0);
        assertArrayEquals(new double[] {1, 3, 6, 4, 9, 15}, cumsum(a, 1).vectorValue(), 0);
        assertArrayEquals(new double[] {3, 3, 3}, diff(a, 1, 0).vectorValue(), 0);
        assertArrayEquals(new double[] {1, 1, 1, 1}, diff(a, 1, 1).vectorValue(), 0);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6}, vstack(a, a).vectorValue(), 0);
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6}, hstack(a, a).vectorValue(), 0);
        assertArrayEquals(new double[] {1, 2, 0, 0, 3, 4, 0, 0}, kron(new double[][] {{1, 0}}, variable2x2(1, 2, 3, 4)).vectorValue(), 0);
        assertArrayEquals(new double[] {1, 0, 2, 0, 3, 0, 4, 0}, kron(variable2x2(1, 2, 3, 4), new double[][] {{1, 0}}).vectorValue(), 0);
        assertEquals(5.0, trace(variable2x2(1, 2, 3, 4)).scalarValue(), 0);
        assertArrayEquals(new double[] {1, 4}, diag(variable2x2(1, 2, 3, 4)).vectorValue(), 0);
        assertArrayEquals(new double[] {14, 32}, a.matmul(constant(new double[] {1, 2, 3})).vectorValue(), 0);
        assertArrayEquals(new double[] {9, 12, 15}, constant(new double[] {1, 2}).matmul(a).vectorValue(), 0);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, a.reshape(Shape.matrix(3, 2)).vectorValue(), 0);
        assertArrayEquals(new double[] {2, 4, 6, 8, 10, 12}, a.mul(2).vectorValue(), 0);
    }

    @Test
    void numpyBroadcasting() {
        Variable a = variable(2, 3, "A");
        a.setValue(1, 2, 3, 4, 5, 6);
        // a vector broadcasts as a row, a (2, 1) matrix as a column
        assertArrayEquals(new double[] {11, 22, 33, 14, 25, 36}, a.plus(constant(new double[] {10, 20, 30})).vectorValue(), 0);
        assertArrayEquals(new double[] {2, 3, 4, 6, 7, 8}, a.plus(constant(new double[][] {{1}, {2}})).vectorValue(), 0);
        assertArrayEquals(new double[] {1, 4, 9, 4, 10, 18}, a.mul(constant(new double[] {1, 2, 3})).vectorValue(), 0);
        assertArrayEquals(new double[] {2, 2, 3, 4, 5, 6}, maximum(a, constant(2)).vectorValue(), 0);
        assertEquals(Shape.matrix(2, 3), a.minus(constant(new double[] {1, 2, 3})).shape());
        assertEquals("A + [10.0 20.0 30.0]", a.plus(constant(new double[] {10, 20, 30})).toString());
        org.cvxlayers.core.expr.ShapeException e = assertThrows(org.cvxlayers.core.expr.ShapeException.class,
                () -> a.plus(constant(new double[] {1, 2})));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(2,)"), e.getMessage());
        // centring: the row vector μ that minimizes ‖X − μ‖_F² is the column mean
        double[][] data = {{1, 2, 3}, {4, 6, 8}, {7, 10, 13}};
        Variable mu = variable(3, "mu");
        Problem p = Problem.minimize(sumSquares(constant(data).minus(mu)));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertArrayEquals(new double[] {4, 6, 8}, mu.vectorValue(), 1e-6);
        // broadcasting inside a constraint: every row of X at least the row vector lo
        Variable xm = variable(2, 3, "X");
        Problem q = Problem.minimize(sum(xm), xm.ge(constant(new double[] {1, -1, 2})));
        assertEquals(ProblemStatus.OPTIMAL, q.solve());
        assertEquals(4.0, q.value(), 1e-6);
    }

    private static Variable variable2x2(double... rowMajor) {
        Variable x = variable(2, 2, "B");
        x.setValue(rowMajor);
        return x;
    }
}
