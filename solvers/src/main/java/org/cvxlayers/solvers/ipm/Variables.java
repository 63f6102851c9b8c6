package org.cvxlayers.solvers.ipm;

/** The homogeneous embedding's iterate (x, s, z, τ, κ) in the scaled problem; also used for a step. */
final class Variables {
    final double[] x;
    final double[] s;
    final double[] z;
    double tau = 1.0;
    double kappa = 1.0;

    Variables(int n, int m) {
        x = new double[n];
        s = new double[m];
        z = new double[m];
    }

    void copyFrom(Variables o) {
        System.arraycopy(o.x, 0, x, 0, x.length);
        System.arraycopy(o.s, 0, s, 0, s.length);
        System.arraycopy(o.z, 0, z, 0, z.length);
        tau = o.tau;
        kappa = o.kappa;
    }

    /** this ← this + α·step. */
    void addStep(Variables step, double alpha) {
        axpy(alpha, step.x, x);
        axpy(alpha, step.s, s);
        axpy(alpha, step.z, z);
        tau += alpha * step.tau;
        kappa += alpha * step.kappa;
    }

    private static void axpy(double a, double[] from, double[] to) {
        for (int i = 0; i < to.length; i++) {
            to[i] += a * from[i];
        }
    }

    /** Scales every component by {@code f} (keeps the iterate's direction, used to avoid overflow). */
    void scale(double f) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= f;
        }
        for (int i = 0; i < s.length; i++) {
            s[i] *= f;
            z[i] *= f;
        }
        tau *= f;
        kappa *= f;
    }

    /** Complementarity measure μ = (sᵀz + τκ)/(ν + 1). */
    double mu(int degree) {
        double sz = 0.0;
        for (int i = 0; i < s.length; i++) {
            sz += s[i] * z[i];
        }
        return (sz + tau * kappa) / (degree + 1);
    }
}
