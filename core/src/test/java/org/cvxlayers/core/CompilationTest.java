package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Random;
import org.cvxlayers.core.canon.ParametricConeProgram;
import org.cvxlayers.core.expr.Attributes;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.ParameterValueException;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.cones.NonnegativeCone;
import org.cvxlayers.solvers.cones.PsdCone;
import org.cvxlayers.solvers.cones.SecondOrderCone;
import org.cvxlayers.solvers.cones.ZeroCone;
import org.junit.jupiter.api.Test;

/** The compiled data against hand-computed matrices, and the affinity of the data in θ. */
class CompilationTest {

    private static void assertMatrix(double[][] expected, double[][] actual, double tol) {
        assertEquals(expected.length, actual.length, "rows");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], tol, "row " + i);
        }
    }

    @Test
    void lpWithoutParameters() {
        Variable x = variable(2, "x");
        Problem p = Problem.minimize(x.index(0).plus(x.index(1).mul(2)).plus(5), x.ge(1));
        ParametricConeProgram pcp = p.compile();
        assertEquals(0, pcp.thetaSize());
        ConeProgram cp = pcp.instantiate(new double[0]);
        assertArrayEquals(new double[] {1, 2}, cp.c(), 0);
        assertEquals(5.0, cp.constant(), 0);
        // x >= 1 is s = x − 1 ≥ 0, i.e. A = −I, b = −1
        assertMatrix(new double[][] {{-1, 0}, {0, -1}}, cp.a().toDense(), 0);
        assertArrayEquals(new double[] {-1, -1}, cp.b(), 0);
        assertEquals(List.of(new NonnegativeCone(2)), cp.cones());
        assertEquals(0, cp.p().nnz());
    }

    @Test
    void parametricLpDataEqualsParameterValues() {
        Variable x = variable(3, "x");
        Parameter a = parameter(2, 3, "A");
        Parameter b = parameter(2, "b");
        Parameter c = parameter(3, "c");
        Problem p = Problem.minimize(c.matmul(x), a.matmul(x).le(b), x.eq(x.slice(0, 3)));
        double[][] av = {{1, 2, 3}, {4, 5, 6}};
        a.setValue(av);
        b.setValue(new double[] {7, 8});
        c.setValue(new double[] {-1, 0.5, 2});
        ParametricConeProgram pcp = p.compile();
        assertEquals(List.of(c, a, b), pcp.parameters());
        assertEquals(6 + 2 + 3, pcp.thetaSize());
        // θ layout: parameters in order of appearance, each row-major
        assertEquals(3, pcp.parameterOffset(a));
        double[] theta = pcp.theta();
        assertArrayEquals(new double[] {-1, 0.5, 2, 1, 2, 3, 4, 5, 6, 7, 8}, theta, 0);
        ConeProgram cp = pcp.instantiate(theta);
        assertArrayEquals(new double[] {-1, 0.5, 2}, cp.c(), 0);
        double[][] dense = cp.a().toDense();
        // rows: zero cone (x − x[0:3] = 0, 3 rows) first, then A x ≤ b as s = b − A x, A_data = A
        assertEquals(List.of(new ZeroCone(3), new NonnegativeCone(2)), cp.cones());
        assertMatrix(av, new double[][] {dense[3], dense[4]}, 0);
        assertArrayEquals(new double[] {0, 0, 0, 7, 8}, cp.b(), 0);
    }

    @Test
    void dataIsAffineInTheta() {
        Random r = new Random(1);
        Variable x = variable(4, "x");
        Parameter a = parameter(3, 4, "A");
        Parameter b = parameter(3, "b");
        Parameter g = new Parameter(Shape.scalar(), "gamma", Attributes.nonnegative());
        Problem p = Problem.minimize(sumSquares(a.matmul(x).minus(b)).plus(g.mul(norm1(x))),
                a.matmul(x).le(b.mul(2).plus(1)));
        a.setValue(TestData.randn(r, 3, 4));
        b.setValue(TestData.randn(r, 3));
        g.setValue(0.3);
        ParametricConeProgram pcp = p.compile();
        int nt = pcp.thetaSize();
        double[] t1 = TestData.randn(r, nt);
        double[] t2 = TestData.randn(r, nt);
        double alpha = 0.3;
        double[] mix = new double[nt];
        for (int k = 0; k < nt; k++) {
            mix[k] = alpha * t1[k] + (1 - alpha) * t2[k];
        }
        ConeProgram p1 = pcp.instantiate(t1);
        ConeProgram p2 = pcp.instantiate(t2);
        ConeProgram pm = pcp.instantiate(mix);
        assertAffine(p1.a().values(), p2.a().values(), pm.a().values(), alpha);
        assertAffine(p1.b(), p2.b(), pm.b(), alpha);
        assertAffine(p1.c(), p2.c(), pm.c(), alpha);
        assertAffine(p1.p().values(), p2.p().values(), pm.p().values(), alpha);
        // the pattern is fixed: the same pattern arrays for every θ
        assertSame(p1.a().colPtr(), p2.a().colPtr());
    }

    @Test
    void thetaGradientIsTheAdjointOfTheDataMap() {
        Random r = new Random(2);
        Variable x = variable(3, "x");
        Parameter a = parameter(2, 3, "A");
        Parameter b = parameter(2, "b");
        Parameter q = new Parameter(Shape.matrix(3, 3), "Q", Attributes.NONE.withPsd());
        Problem p = Problem.minimize(quadForm(x, q).plus(sum(x.mul(2))), a.matmul(x).le(b));
        a.setValue(TestData.randn(r, 2, 3));
        b.setValue(TestData.randn(r, 2));
        q.setValue(TestData.spd(r, 3, 1.0));
        ParametricConeProgram pcp = p.compile();
        int nt = pcp.thetaSize();
        double[] theta = pcp.theta();
        double[] dTheta = TestData.randn(r, nt);
        ConeProgram c0 = pcp.instantiate(theta);
        double[] shifted = theta.clone();
        for (int k = 0; k < nt; k++) {
            shifted[k] += dTheta[k];
        }
        ConeProgram c1 = pcp.instantiate(shifted);
        double[][] dir = pcp.dataDirection(dTheta);
        assertArrayEquals(TestData.minus(c1.p().values(), c0.p().values()), dir[0], 1e-12);
        assertArrayEquals(TestData.minus(c1.c(), c0.c()), dir[1], 1e-12);
        assertArrayEquals(TestData.minus(c1.a().values(), c0.a().values()), dir[2], 1e-12);
        assertArrayEquals(TestData.minus(c1.b(), c0.b()), dir[3], 1e-12);
        // ⟨w, data(dθ)⟩ = ⟨thetaGradient(w), dθ⟩ for random weights w
        double[] wp = TestData.randn(r, dir[0].length);
        double[] wc = TestData.randn(r, dir[1].length);
        double[] wa = TestData.randn(r, dir[2].length);
        double[] wb = TestData.randn(r, dir[3].length);
        double lhs = TestData.dot(wp, dir[0]) + TestData.dot(wc, dir[1]) + TestData.dot(wa, dir[2]) + TestData.dot(wb, dir[3]);
        double[] g = pcp.thetaGradient(wp, wc, wa, wb, 0.0);
        assertEquals(lhs, TestData.dot(g, dTheta), 1e-10);
        // split by parameter, row-major: the gradient of ⟨wb, b_data⟩ is wb on b's slots
        double[] gb = pcp.splitTheta(pcp.thetaGradient(null, null, null, wb, 0.0)).get(b);
        assertArrayEquals(wb, gb, 1e-15);
    }

    private static void assertAffine(double[] v1, double[] v2, double[] vm, double alpha) {
        for (int k = 0; k < v1.length; k++) {
            assertEquals(alpha * v1[k] + (1 - alpha) * v2[k], vm[k], 1e-12);
        }
    }

    @Test
    void leastSquaresWithParameterMatrixKeepsPConstant() {
        Variable x = variable(2, "x");
        Parameter a = parameter(3, 2, "A");
        Parameter b = parameter(3, "b");
        Problem p = Problem.minimize(sumSquares(a.matmul(x).minus(b)));
        double[][] av = {{1, 2}, {3, 4}, {5, 6}};
        a.setValue(av);
        b.setValue(new double[] {1, 1, 1});
        ParametricConeProgram pcp = p.compile();
        ConeProgram cp = pcp.instantiate(pcp.theta());
        // sum_squares(Ax − b) → ‖v‖² with v = Ax − b: P = 2I on v, zero on x
        assertEquals(5, cp.n());
        double[][] pd = cp.p().toDense();
        assertMatrix(new double[][] {{0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 2, 0, 0}, {0, 0, 0, 2, 0}, {0, 0, 0, 0, 2}},
                pd, 0);
        assertEquals(List.of(new ZeroCone(3)), cp.cones());
        // v = Ax − b as s = v − Ax + b ∈ {0}, s = b_d − A_d·(x, v): A_d = [A, −I], b_d = b
        double[][] ad = cp.a().toDense();
        for (int i = 0; i < 3; i++) {
            assertEquals(av[i][0], ad[i][0], 0);
            assertEquals(av[i][1], ad[i][1], 0);
            assertEquals(-1.0, ad[i][2 + i], 0);
        }
        assertArrayEquals(new double[] {1, 1, 1}, cp.b(), 0);
        // the tensor of A holds only the parameter's entries and the identity
        assertEquals(6 + 3, pcp.tensorA().nnz());
    }

    @Test
    void quadFormWithPsdParameterGoesToP() {
        Variable x = variable(2, "x");
        Parameter q = new Parameter(Shape.matrix(2, 2), "Q", Attributes.NONE.withPsd());
        Problem p = Problem.minimize(quadForm(x, q).plus(sum(x)));
        q.setValue(new double[][] {{2, 0.5}, {0.5, 1}});
        ParametricConeProgram pcp = p.compile();
        ConeProgram cp = pcp.instantiate(pcp.theta());
        double[][] pd = cp.p().toDense(); // upper triangle of 2Q
        assertMatrix(new double[][] {{4, 1}, {0, 2}}, pd, 0);
        assertArrayEquals(new double[] {1, 1}, cp.c(), 0);
        assertEquals(0, cp.m());
    }

    @Test
    void psdConstraintUsesSvecWithSqrtTwo() {
        Variable x = new Variable(Shape.matrix(2, 2), "X");
        Problem p = Problem.minimize(trace(x), x.psd());
        ConeProgram cp = p.compile().instantiate(new double[0]);
        assertEquals(List.of(new PsdCone(2)), cp.cones());
        double[][] ad = cp.a().toDense();
        double h = Math.sqrt(2) / 2;
        // columns: X column-major (x00, x10, x01, x11); svec rows (00, 01, 11)
        assertMatrix(new double[][] {{-1, 0, 0, 0}, {0, -h, -h, 0}, {0, 0, 0, -1}}, ad, 1e-15);
    }

    @Test
    void variableAttributesBecomeConstraints() {
        Variable x = new Variable(Shape.vector(3), "x", Attributes.nonnegative());
        Variable s = new Variable(Shape.matrix(3, 3), "S", Attributes.NONE.withSymmetric());
        Variable z = new Variable(Shape.matrix(2, 2), "Z", Attributes.NONE.withPsd());
        Problem p = Problem.minimize(sum(x).plus(trace(s)).plus(trace(z)));
        ConeProgram cp = p.compile().instantiate(new double[0]);
        // symmetric 3×3: 3 equalities; PSD 2×2: 1 equality and a PSD cone; nonneg: 3 rows
        assertEquals(List.of(new ZeroCone(4), new NonnegativeCone(3), new PsdCone(2)), cp.cones());
    }

    @Test
    void maximizationIsCompiledAsNegatedMinimization() {
        Variable x = variable(2, "x");
        Problem p = Problem.maximize(x.index(0).minus(x.index(1).mul(3)), x.le(1), x.ge(0));
        ParametricConeProgram pcp = p.compile();
        assertEquals(-1.0, pcp.objectiveSign());
        assertArrayEquals(new double[] {-1, 3}, pcp.instantiate(new double[0]).c(), 0);
    }

    @Test
    void norm2BecomesOneSecondOrderCone() {
        Variable x = variable(3, "x");
        Problem p = Problem.minimize(norm2(x.minus(1)));
        ConeProgram cp = p.compile().instantiate(new double[0]);
        assertEquals(List.of(new SecondOrderCone(4)), cp.cones());
        assertArrayEquals(new double[] {0, -1, -1, -1}, cp.b(), 0);
    }

    @Test
    void variableIndicesAreRowMajor() {
        Variable x = variable(2, 3, "X");
        Problem p = Problem.minimize(sum(x), x.ge(0));
        ParametricConeProgram pcp = p.compile();
        // internally column-major: X[i, j] at column i + 2j
        assertArrayEquals(new int[] {0, 2, 4, 1, 3, 5}, pcp.variableIndices(x));
    }

    @Test
    void parameterValuesAreCheckedWithNamedMessages() {
        Parameter a = parameter(2, 3, "A");
        ParameterValueException e = assertThrows(ParameterValueException.class,
                () -> a.setValue(new double[][] {{1, 2}, {3, 4}}));
        assertTrue(e.getMessage().contains("'A'") && e.getMessage().contains("(2, 3)") && e.getMessage().contains("2x2"),
                e.getMessage());
        Parameter g = new Parameter(Shape.scalar(), "gamma", Attributes.nonnegative());
        e = assertThrows(ParameterValueException.class, () -> g.setValue(-1));
        assertTrue(e.getMessage().contains("gamma") && e.getMessage().contains("sign"), e.getMessage());
        Parameter q = new Parameter(Shape.matrix(2, 2), "Q", Attributes.NONE.withPsd());
        e = assertThrows(ParameterValueException.class, () -> q.setValue(new double[][] {{1, 0}, {0, -1}}));
        assertTrue(e.getMessage().contains("positive semidefinite"), e.getMessage());
        e = assertThrows(ParameterValueException.class, () -> q.setValue(new double[][] {{1, 2}, {0, 1}}));
        assertTrue(e.getMessage().contains("not symmetric"), e.getMessage());
        // still usable after the errors
        q.setValue(new double[][] {{1, 0}, {0, 2}});
        assertArrayEquals(new double[] {1, 0, 0, 2}, q.rowMajorValue(), 0);
        Variable x = variable(2, "x");
        Parameter unset = parameter(2, "u");
        Problem p = Problem.minimize(sum(x.mul(unset)), x.ge(0));
        e = assertThrows(ParameterValueException.class, p::solve);
        assertTrue(e.getMessage().contains("'u'"), e.getMessage());
    }

    @Test
    void thetaFromExplicitValuesChecksLengths() {
        Variable x = variable(2, "x");
        Parameter b = parameter(2, "b");
        Problem p = Problem.minimize(sum(x), x.ge(b));
        ParametricConeProgram pcp = p.compile();
        assertArrayEquals(new double[] {3, 4}, pcp.theta(List.of(new double[] {3, 4})), 0);
        assertThrows(ParameterValueException.class, () -> pcp.theta(List.of(new double[] {1, 2, 3})));
        assertThrows(ParameterValueException.class, () -> pcp.instantiate(new double[5]));
    }
}
