package org.cvxlayers.diff.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TensorTest {

    @Test
    void rowMajorLayoutAndConversions() {
        Tensor m = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {2, 3}, m.shape());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.data(), 0.0);
        assertEquals(6.0, m.get(1, 2), 0.0);
        assertArrayEquals(new double[] {4, 5, 6}, m.toMatrix()[1], 0.0);
        Tensor b = Tensor.of(new double[][][] {{{1, 2}}, {{3, 4}}});
        assertArrayEquals(new int[] {2, 1, 2}, b.shape());
        assertEquals(Tensor.matrix(new double[][] {{3, 4}}), b.slice(1));
        assertEquals(b, Tensor.stack(List.of(b.slice(0), b.slice(1))));
        assertEquals(3.0, b.toArray3()[1][0][0], 0.0);
        assertEquals(2.5, Tensor.scalar(2.5).item(), 0.0);
        assertEquals(0, Tensor.scalar(1).ndim());
    }

    @Test
    void immutableAgainstCallerArrays() {
        double[] d = {1, 2};
        int[] s = {2};
        Tensor t = new Tensor(s, d);
        d[0] = 9;
        s[0] = 5;
        t.data()[1] = 7;
        t.shape()[0] = 3;
        assertArrayEquals(new double[] {1, 2}, t.data(), 0.0);
        assertArrayEquals(new int[] {2}, t.shape());
    }

    @Test
    void arithmeticAndErrors() {
        Tensor a = Tensor.vector(1, 2);
        Tensor b = Tensor.vector(3, 5);
        assertEquals(Tensor.vector(4, 7), a.plus(b));
        assertEquals(Tensor.vector(-2, -3), a.minus(b));
        assertEquals(Tensor.vector(2, 4), a.times(2));
        assertEquals(13.0, a.dot(b), 0.0);
        assertEquals(3.0, a.sum(), 0.0);
        assertNotEquals(a, b);
        assertThrows(IllegalArgumentException.class, () -> new Tensor(new int[] {2, 2}, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> a.plus(Tensor.vector(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> Tensor.matrix(new double[][] {{1, 2}, {3}}));
        assertThrows(IndexOutOfBoundsException.class, () -> a.get(2));
        assertEquals(Tensor.matrix(new double[][] {{1}, {2}}), a.reshape(2, 1));
    }
}
