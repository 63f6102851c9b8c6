package org.cvxlayers.diff.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cvxlayers.core.Cvx;
import org.cvxlayers.core.Problem;
import org.cvxlayers.core.expr.Parameter;
import org.cvxlayers.core.expr.Variable;
import org.junit.jupiter.api.Test;

/** Results do not depend on the thread count, and one layer serves concurrent callers. */
class LayerThreadsTest {
    private final Parameter a = Cvx.parameter(8, 5, "A");
    private final Parameter b = Cvx.parameter(8, "b");
    private final Variable x = Cvx.variable(5, "x");
    private final Problem problem = Problem.minimize(Cvx.sumSquares(a.matmul(x).minus(b)), x.ge(0), Cvx.sum(x).le(1));

    @Test
    void oneAndFourThreadsGiveBitwiseEqualResults() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CvxpyLayer seq = CvxpyLayer.builder(problem).parameters(a, b).variables(x).parallelism(1).build();
            CvxpyLayer par = CvxpyLayer.builder(problem).parameters(a, b).variables(x).parallelism(4).executor(pool)
                    .build();
            Random r = new Random(11);
            int batch = 16;
            Tensor av = LayerTesting.randn(r, batch, 8, 5);
            Tensor bv = LayerTesting.randn(r, 8);
            Tensor w = LayerTesting.randn(r, batch, 5);
            Tensor da = LayerTesting.randn(r, batch, 8, 5);
            for (int rep = 0; rep < 2; rep++) { // the second round reuses pooled workspaces
                LayerResult r1 = seq.forward(av, bv);
                LayerResult r4 = par.forward(av, bv);
                assertArrayEquals(r1.output(0).data(), r4.output(0).data(), 0.0);
                List<Tensor> g1 = r1.backward(w);
                List<Tensor> g4 = r4.backward(w);
                assertArrayEquals(g1.get(0).data(), g4.get(0).data(), 0.0);
                assertArrayEquals(g1.get(1).data(), g4.get(1).data(), 0.0);
                assertArrayEquals(r1.jvp(da, null).get(0).data(), r4.jvp(da, null).get(0).data(), 0.0);
            }
            // a fresh layer (fresh workspaces) agrees bitwise with the pooled ones
            CvxpyLayer fresh = CvxpyLayer.builder(problem).parameters(a, b).variables(x).parallelism(1).build();
            assertArrayEquals(seq.forward(av, bv).output(0).data(), fresh.forward(av, bv).output(0).data(), 0.0);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCallersOnOneLayer() throws Exception {
        CvxpyLayer layer = CvxpyLayer.builder(problem).parameters(a, b).variables(x).parallelism(2).build();
        Random r = new Random(12);
        int callers = 4;
        List<Tensor[]> inputs = new ArrayList<>();
        List<double[]> expectedX = new ArrayList<>();
        List<double[]> expectedG = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            Tensor[] in = {LayerTesting.randn(r, 6, 8, 5), LayerTesting.randn(r, 6, 8)};
            inputs.add(in);
            LayerResult res = layer.forward(in);
            expectedX.add(res.output(0).data());
            expectedG.add(res.backward(Tensor.zeros(6, 5).plus(res.output(0))).get(0).data());
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<double[][]>> fs = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                Tensor[] in = inputs.get(c);
                fs.add(pool.submit(() -> {
                    LayerResult res = layer.forward(in);
                    return new double[][] {res.output(0).data(),
                        res.backward(Tensor.zeros(6, 5).plus(res.output(0))).get(0).data()};
                }));
            }
            for (int c = 0; c < callers; c++) {
                double[][] got = fs.get(c).get();
                assertArrayEquals(expectedX.get(c), got[0], 0.0);
                assertArrayEquals(expectedG.get(c), got[1], 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callFromInsideASingleThreadExecutorDoesNotDeadlock() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            CvxpyLayer layer = CvxpyLayer.builder(problem).parameters(a, b).variables(x).parallelism(4)
                    .executor(single).build();
            Random r = new Random(13);
            Tensor[] in = {LayerTesting.randn(r, 5, 8, 5), LayerTesting.randn(r, 8)};
            double[] direct = CvxpyLayer.builder(problem).parameters(a, b).variables(x).parallelism(1).build()
                    .forward(in).output(0).data();
            double[] inside = single.submit(() -> layer.forward(in).output(0).data()).get();
            assertArrayEquals(direct, inside, 0.0);
        } finally {
            single.shutdownNow();
        }
    }
    @Test
    void oneResultBackwardFromSeveralThreads() throws Exception {
        CvxpyLayer layer = CvxpyLayer.builder(problem).parameters(a, b).variables(x).parallelism(1).build();
        Random r = new Random(14);
        Tensor[] in = {LayerTesting.randn(r, 6, 8, 5), LayerTesting.randn(r, 6, 8)};
        Tensor w = LayerTesting.randn(r, 6, 5);
        double[] expected = layer.forward(in).backward(w).get(0).data();
        LayerResult shared = layer.forward(in);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> fs = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                fs.add(pool.submit(() -> shared.backward(w).get(0).data()));
            }
            for (Future<double[]> f : fs) {
                assertArrayEquals(expected, f.get(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
