package org.cvxlayers.diff.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cvxlayers.core.Cvx;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.cvxlayers.solvers.ipm.SolveStatus;
import org.junit.jupiter.api.Test;

/** Infeasible, unbounded and limited solves: typed exceptions by default, NaN and statuses on request. */
class LayerFailuresTest {

    @Test
    void infeasibleElementRaisesNamingElementAndStatus() {
        // x >= 1, x <= p: infeasible for p < 1
        Parameter p = Cvx.parameter("p");
        Variable x = Cvx.variable("x");
        CvxpyLayer layer = CvxpyLayer.builder(Problem.minimize(x, x.ge(1), x.le(p))).parameters(p).variables(x)
                .build();
        Tensor ps = Tensor.vector(2.0, 0.0, 3.0);
        LayerSolveException e = assertThrows(LayerSolveException.class, () -> layer.forward(ps));
        assertEquals(1, e.failures().size());
        assertEquals(1, e.failures().get(0).element());
        assertEquals(SolveStatus.PRIMAL_INFEASIBLE, e.failures().get(0).status());
        assertTrue(e.getMessage().contains("element 1 PRIMAL_INFEASIBLE"), e.getMessage());

        LayerSettings nan = layer.defaultSettings().toBuilder().nanOnFailure(true).build();
        LayerResult r = layer.forward(nan, ps);
        assertEquals(List.of(SolveStatus.SOLVED, SolveStatus.PRIMAL_INFEASIBLE, SolveStatus.SOLVED), r.statuses());
        assertFalse(r.allSolved());
        assertEquals(1.0, r.output(0).get(0), 1e-8);
        assertTrue(Double.isNaN(r.output(0).get(1)));
        assertEquals(1.0, r.output(0).get(2), 1e-8);
        // a failed element with a zero upstream gradient contributes zero, otherwise NaN
        Tensor g = r.backward(Tensor.vector(1.0, 0.0, 1.0)).get(0);
        assertFalse(Double.isNaN(g.get(0)) || Double.isNaN(g.get(1)) || Double.isNaN(g.get(2)));
        assertTrue(Double.isNaN(r.backward(Tensor.vector(1.0, 1.0, 1.0)).get(0).get(1)));
    }

    @Test
    void unboundedProblemRaises() {
        Parameter p = Cvx.parameter("p");
        Variable x = Cvx.variable("x");
        CvxpyLayer layer = CvxpyLayer.builder(Problem.minimize(p.mul(x), x.le(1))).parameters(p).variables(x)
                .build();
        assertEquals(1.0, layer.forward(Tensor.scalar(-1.0)).output(0).item(), 1e-7);
        LayerSolveException e = assertThrows(LayerSolveException.class, () -> layer.forward(Tensor.scalar(1.0)));
        assertEquals(SolveStatus.DUAL_INFEASIBLE, e.failures().get(0).status());
        assertTrue(e.getMessage().contains("DUAL_INFEASIBLE"), e.getMessage());
    }

    @Test
    void perCallSettingsAreUsed() {
        Parameter a = Cvx.parameter(3, 2, "A");
        Parameter b = Cvx.parameter(3, "b");
        Variable x = Cvx.variable(2, "x");
        CvxpyLayer layer = CvxpyLayer.builder(Problem.minimize(Cvx.norm1(a.matmul(x).minus(b)), x.ge(0)))
                .parameters(a, b).variables(x).build();
        Tensor av = Tensor.matrix(new double[][] {{1, 2}, {3, -1}, {0.5, 1}});
        Tensor bv = Tensor.vector(1, 2, -1);
        LayerResult full = layer.forward(av, bv);
        assertTrue(full.solveInfo(0).iterations() > 1);

        LayerSettings one = LayerSettings.builder().maxIterations(1).build();
        LayerSolveException e = assertThrows(LayerSolveException.class, () -> layer.forward(one, av, bv));
        assertEquals(SolveStatus.MAX_ITERATIONS, e.failures().get(0).status());

        LayerResult limited = layer.forward(one.toBuilder().nanOnFailure(true).build(), av, bv);
        assertEquals(SolveStatus.MAX_ITERATIONS, limited.status(0));
        assertTrue(Double.isNaN(limited.output(0).get(0)));
        assertTrue(limited.solveInfo(0).iterations() <= 1);

        // a time limit far below one iteration stops the solve
        LayerResult timed = layer.forward(LayerSettings.builder().timeLimitSeconds(1e-12).nanOnFailure(true).build(),
                av, bv);
        assertEquals(SolveStatus.MAX_TIME, timed.status(0));
        assertTrue(Double.isNaN(timed.output(0).get(1)));
        // loose tolerances stop earlier and give a (slightly) different answer
        LayerResult loose = layer.forward(LayerSettings.builder().tolGap(1e-2).tolFeas(1e-2).build(), av, bv);
        assertTrue(loose.solveInfo(0).iterations() < full.solveInfo(0).iterations());
        assertNotEquals(full.output(0), loose.output(0));
        // the default settings are unchanged by per-call ones
        assertArrayEquals(full.output(0).data(), layer.forward(av, bv).output(0).data(), 0.0);
    }
}
