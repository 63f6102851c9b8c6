package org.cvxlayers.core;

import static org.cvxlayers.core.Cvx.*;
import static org.junit.jupiter.api.Assertions.*;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.cvxlayers.core.constraints.Constraint;
import org.cvxlayers.core.constraints.PsdConstraint;
import org.cvxlayers.core.expr.Attributes;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** PSD constraints (svec with √2 off-diagonals) solved end to end, with their dual matrices. */
class PsdConstraintSolveTest {

    private static double[] eigenvalues(double[][] c) {
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(c)).getRealEigenvalues();
        java.util.Arrays.sort(ev);
        return ev;
    }

    @Test
    void minimumTraceWithFixedOffDiagonalAndComplementaryDual() {
        Variable x = variable(2, 2, "X");
        PsdConstraint psd = x.psd();
        Problem p = Problem.minimize(trace(x), psd, x.index(0, 1).eq(1), x.index(1, 0).eq(1));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(2.0, p.value(), 1e-6);
        double[][] xv = x.value();
        double[][] z = psd.dualMatrix();
        // the dual is PSD and complementary: tr(Z X) = 0
        assertTrue(eigenvalues(z)[0] >= -1e-7);
        double tr = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                tr += z[i][j] * xv[j][i];
            }
        }
        assertEquals(0.0, tr, 1e-6);
        // stationarity for the diagonal: ∂/∂X_ii of tr(X) − tr(Z X) = 0 ⇒ Z_ii = 1
        assertEquals(1.0, z[0][0], 1e-6);
        assertEquals(1.0, z[1][1], 1e-6);
    }

    @Test
    void largestEigenvalueOfParameterMatrix() {
        Variable t = variable("t");
        Parameter c = new Parameter(Shape.matrix(3, 3), "C", Attributes.NONE.withSymmetric());
        double[][] eye = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        Problem p = Problem.minimize(t, Constraint.psd(constant(eye).mul(t).minus(c)));
        double[][][] values = {
            {{2, 1, 0}, {1, 3, 1}, {0, 1, 4}},
            {{1, -2, 0.5}, {-2, 0, 1}, {0.5, 1, -3}},
        };
        for (double[][] cv : values) {
            c.setValue(cv);
            assertEquals(ProblemStatus.OPTIMAL, p.solve());
            double[] ev = eigenvalues(cv);
            assertEquals(ev[2], p.value(), 1e-6);
        }
    }

    @Test
    void psdVariableAttributeGivesSmallestEigenvalue() {
        double[][] c = {{4, 1, 0}, {1, 2, -1}, {0, -1, 3}};
        Variable x = new Variable(Shape.matrix(3, 3), "X", Attributes.NONE.withPsd());
        Problem p = Problem.minimize(trace(constant(c).matmul(x)), trace(x).eq(1));
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        assertEquals(eigenvalues(c)[0], p.value(), 1e-6);
        double[][] xv = x.value();
        assertEquals(xv[0][1], xv[1][0], 1e-7);
    }

    @Test
    void nearestPsdMatrixClipsNegativeEigenvalues() {
        double[][] c = {{1, 2, 0}, {2, -1, 0}, {0, 0, -2}};
        Variable x = variable(3, 3, "X");
        Problem p = Problem.minimize(norm2(x.minus(constant(c))), x.psd());
        assertEquals(ProblemStatus.OPTIMAL, p.solve());
        double neg = 0;
        for (double e : eigenvalues(c)) {
            neg += e < 0 ? e * e : 0;
        }
        assertEquals(Math.sqrt(neg), p.value(), 1e-6);
        assertTrue(eigenvalues(x.value())[0] >= -1e-6);
    }
}
