package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.cvxlayers.core.analysis.Curvature;
import org.cvxlayers.core.analysis.DcpException;
import org.cvxlayers.core.expr.Attributes;
import org.cvxlayers.core.expr.Expression;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** Semidefinite atoms against eigenvalue / SVD computations (commons-math3) and analytic optima. */
class PsdAtomsTest {

    private static double[][] randomSymmetric(int n, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = r.nextGaussian();
            }
        }
        return a;
    }

    private static double[][] random(int m, int n, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = r.nextGaussian();
            }
        }
        return a;
    }

    private static double[] sortedEigenvalues(double[][] c) {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(c)).getRealEigenvalues();
        java.util.Arrays.sort(ev);
        return ev;
    }

    private static void solved(Problem p) {
        assertEquals(ProblemStatus.OPTIMAL, p.solve(), p::toString);
    }

    @Test
    void eigenvalueAtomsMatchTheEigendecomposition() {
        double[][] c = randomSymmetric(4, 11);
        double[] ev = sortedEigenvalues(c);
        Parameter cp = new Parameter(Shape.matrix(4, 4), "C", Attributes.NONE.withSymmetric());
        cp.setValue(c);
        Variable x = variable(4, 4, "X");
        Variable y = variable("y");
        // λmax(C + yI) = λmax(C) + y, smallest at y = −1
        Expression shifted = x.plus(y.mul(constant(identity(4))));
        Problem pmax = Problem.minimize(lambdaMax(shifted), x.eq(cp), y.ge(-1));
        solved(pmax);
        assertEquals(ev[3] - 1, pmax.value(), 1e-6);
        Problem pmin = Problem.maximize(lambdaMin(x), x.eq(cp));
        solved(pmin);
        assertEquals(ev[0], pmin.value(), 1e-6);
        Problem psum = Problem.minimize(lambdaSumLargest(x, 2), x.eq(cp));
        solved(psum);
        assertEquals(ev[3] + ev[2], psum.value(), 1e-6);
        Problem psmall = Problem.maximize(lambdaSumSmallest(x, 3), x.eq(cp));
        solved(psmall);
        assertEquals(ev[0] + ev[1] + ev[2], psmall.value(), 1e-6);
        // the atoms' own values
        assertEquals(ev[3], lambdaMax(cp).scalarValue(), 1e-12);
        assertEquals(ev[0], lambdaMin(cp).scalarValue(), 1e-12);
        // a new parameter value reuses the compilation
        double[][] c2 = randomSymmetric(4, 12);
        cp.setValue(c2);
        solved(pmin);
        assertEquals(sortedEigenvalues(c2)[0], pmin.value(), 1e-6);
    }

    @Test
    void singularValueAtomsMatchTheSvd() {
        double[][] a = random(3, 2, 5);
        double[] sv = new SingularValueDecomposition(new Array2DRowRealMatrix(a)).getSingularValues();
        Variable x = variable(3, 2, "X");
        Problem p = Problem.minimize(sigmaMax(x), x.eq(constant(a)));
        solved(p);
        assertEquals(sv[0], p.value(), 1e-6);
        Problem q = Problem.minimize(normNuc(x), x.eq(constant(a)));
        solved(q);
        assertEquals(sv[0] + sv[1], q.value(), 1e-6);
        assertEquals(sv[0] + sv[1], normNuc(constant(a)).scalarValue(), 1e-12);
        // nearest matrix of nuclear norm ≤ 1 in the spectral norm: shrink singular values (here σ ≥ 1/2 each)
        Variable z = variable(2, 2, "Z");
        double[][] d = {{3, 0}, {0, 1}};
        Problem r = Problem.minimize(sigmaMax(z.minus(constant(d))), normNuc(z).le(1));
        solved(r);
        assertEquals(2.0, r.value(), 1e-6); // Z = diag(1, 0) or diag(1/2 + …): distance max(3 − a, 1 − b), a + b ≤ 1 ⇒ 2
    }

    @Test
    void matrixFracOfAVector() {
        // min xᵀP⁻¹x s.t. aᵀx = 1  ⇒  x = P a / (aᵀPa), value 1 / (aᵀPa)
        double[][] p = {{2, 0.5, 0}, {0.5, 1, 0.2}, {0, 0.2, 3}};
        double[] a = {1, -1, 2};
        Variable x = variable(3, "x");
        Problem prob = Problem.minimize(matrixFrac(x, constant(p)), constant(a).T().matmul(x).eq(1));
        solved(prob);
        RealMatrix pm = new Array2DRowRealMatrix(p);
        double[] pa = pm.operate(a);
        double apa = 0;
        for (int i = 0; i < 3; i++) {
            apa += a[i] * pa[i];
        }
        assertEquals(1 / apa, prob.value(), 1e-7);
        for (int i = 0; i < 3; i++) {
            assertEquals(pa[i] / apa, x.vectorValue()[i], 1e-4);
        }
        double[] sol = new LUDecomposition(pm).getSolver().solve(new org.apache.commons.math3.linear.ArrayRealVector(a)).toArray();
        double expect = 0;
        for (int i = 0; i < 3; i++) {
            expect += a[i] * sol[i];
        }
        assertEquals(expect, matrixFrac(constant(a), constant(p)).scalarValue(), 1e-12);
    }

    @Test
    void maxDeterminantEllipsoidInABoxIsAxisAligned() {
        // {Bu + d : ‖u‖ ≤ 1} ⊆ {|x₁| ≤ 1, |x₂| ≤ 2, |x₃| ≤ 3}: ‖B aᵢ‖ + aᵢᵀd ≤ bᵢ for the six faces
        double[] half = {1, 2, 3};
        Variable b = new Variable(Shape.matrix(3, 3), "B", Attributes.NONE.withSymmetric());
        Variable d = variable(3, "d");
        java.util.List<org.cvxlayers.core.constraints.Constraint> cons = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (double s : new double[] {1, -1}) {
                double[] ai = new double[3];
                ai[i] = s;
                cons.add(norm2(b.matmul(constant(ai))).plus(constant(ai).T().matmul(d)).le(half[i]));
            }
        }
        Problem p = Problem.maximize(logDet(b), cons);
        solved(p);
        assertEquals(Math.log(6), p.value(), 1e-6);
        double[][] bv = b.value();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? half[i] : 0.0, bv[i][j], 1e-4);
            }
            assertEquals(0.0, d.vectorValue()[i], 1e-4);
        }
    }

    @Test
    void maxDeterminantEllipsoidInATriangleIsTheSteinerInellipse() {
        // triangle x ≥ 0, y ≥ 0, x + y ≤ 1: the largest inscribed ellipse has area π/(3√3)·(1/2) and its
        // centre at the centroid, so det B = 1/(6√3)
        Variable b = new Variable(Shape.matrix(2, 2), "B", Attributes.NONE.withSymmetric());
        Variable d = variable(2, "d");
        double[][] faces = {{-1, 0}, {0, -1}, {1, 1}};
        double[] rhs = {0, 0, 1};
        java.util.List<org.cvxlayers.core.constraints.Constraint> cons = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cons.add(norm2(b.matmul(constant(faces[i]))).plus(constant(faces[i]).T().matmul(d)).le(rhs[i]));
        }
        Problem p = Problem.maximize(logDet(b), cons);
        solved(p);
        assertEquals(-Math.log(6 * Math.sqrt(3)), p.value(), 1e-6);
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0}, d.vectorValue(), 1e-4);
    }

    @Test
    void traceOfTheInverse() {
        Variable x = new Variable(Shape.matrix(3, 3), "X", Attributes.NONE.withSymmetric());
        Problem p = Problem.minimize(trInv(x), trace(x).le(3));
        solved(p);
        assertEquals(3.0, p.value(), 1e-6); // X = I by symmetry and convexity
        double[][] c = {{2, 0.3, 0}, {0.3, 1, 0.1}, {0, 0.1, 4}};
        Problem q = Problem.minimize(trInv(x), x.eq(constant(c)));
        solved(q);
        double[] ev = sortedEigenvalues(c);
        assertEquals(1 / ev[0] + 1 / ev[1] + 1 / ev[2], q.value(), 1e-6);
        assertEquals(1 / ev[0] + 1 / ev[1] + 1 / ev[2], trInv(constant(c)).scalarValue(), 1e-12);
    }

    @Test
    void dcpRulesAndShapes() {
        Variable x = variable(3, 3, "X");
        assertEquals(Curvature.CONVEX, lambdaMax(x).curvature());
        assertEquals(Curvature.CONCAVE, lambdaMin(x).curvature());
        assertEquals(Curvature.CONCAVE, logDet(x).curvature());
        assertEquals(Curvature.CONVEX, trInv(x).curvature());
        assertEquals(Curvature.CONVEX, normNuc(x).curvature());
        DcpException e = assertThrows(DcpException.class, () -> Problem.minimize(lambdaMax(square(x))).compile());
        assertTrue(e.getMessage().contains("lambda_max(square(X))"), e.getMessage());
        Variable r = variable(2, 3, "R");
        assertThrows(org.cvxlayers.core.expr.ShapeException.class, () -> lambdaMax(r));
        assertThrows(IllegalArgumentException.class, () -> lambdaSumLargest(x, 4));
        assertEquals("lambda_sum_largest(X, 2)", lambdaSumLargest(x, 2).toString());
    }

    private static double[][] identity(int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
        }
        return a;
    }
}
