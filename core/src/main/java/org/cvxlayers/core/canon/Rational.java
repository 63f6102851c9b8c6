package org.cvxlayers.core.canon;

/**
 * A nonnegative fraction num/den, obtained from a double by continued fractions with a bounded denominator
 * (CVXPY likewise approximates powers and weights by fractions with denominator at most 1024).
 */
public record Rational(long num, long den) {
    public static final int MAX_DENOMINATOR = 1024;

    public Rational {
        if (den <= 0 || num < 0) {
            throw new IllegalArgumentException("rational " + num + "/" + den);
        }
        long g = gcd(num, den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    /** The best approximation of {@code x ≥ 0} with denominator at most {@code maxDen}. */
    public static Rational approximate(double x, int maxDen) {
        if (!(x >= 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("cannot approximate " + x + " by a nonnegative fraction");
        }
        long p0 = 0, q0 = 1, p1 = 1, q1 = 0;
        double r = x;
        for (int it = 0; it < 64; it++) {
            long a = (long) Math.floor(r);
            long p2 = a * p1 + p0;
            long q2 = a * q1 + q0;
            if (q2 > maxDen) {
                break;
            }
            p0 = p1;
            q0 = q1;
            p1 = p2;
            q1 = q2;
            double frac = r - a;
            if (frac < 1e-12 || Math.abs((double) p1 / q1 - x) < 1e-14) {
                break;
            }
            r = 1.0 / frac;
        }
        return new Rational(p1, q1);
    }

    public double value() {
        return (double) num / den;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }
}
