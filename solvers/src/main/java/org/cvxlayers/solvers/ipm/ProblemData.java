package org.cvxlayers.solvers.ipm;

import java.util.Arrays;
import org.cvxlayers.solvers.ipm.cones.CompositeCone;
import org.cvxlayers.solvers.sparse.CscMatrix;

/**
 * The numeric data of one solver workspace: the original values (so that {@link InteriorPointSolver#update}
 * can replace some of them), and the equilibrated copies the iterations work with.
 *
 * <p>Ruiz equilibration (as in Clarabel / OSQP): diagonal {@code D} (columns) and {@code E} (rows) and a cost
 * scale {@code c} give the scaled problem {@code P̂ = c·DPD, q̂ = c·Dq, Â = EAD, b̂ = Eb}; a scaled point maps
 * back as {@code x = D x̂, s = E⁻¹ ŝ, y = E ẑ / c}. Cones that need one scaling per block (all but the zero
 * cone and the orthant) get the block mean.
 */
final class ProblemData {
    final int n;
    final int m;
    // original data (owned copies)
    final double[] pOrig;
    final double[] qOrig;
    final double[] aOrig;
    final double[] bOrig;
    // scaled data on the original patterns
    final CscMatrix p;
    final double[] q;
    final CscMatrix a;
    final double[] b;
    // equilibration
    final double[] d;
    final double[] dinv;
    final double[] e;
    final double[] einv;
    double c = 1.0;
    /** ‖b‖∞ and ‖q‖∞ of the original data. */
    double normb;
    double normq;
    private final double[] dwork;
    private final double[] ework;
    private final double[] delta;

    ProblemData(SolverStructure structure, double[] pValues, double[] q, double[] aValues, double[] b) {
        n = structure.n();
        m = structure.m();
        pOrig = Arrays.copyOf(pValues, structure.pPattern().nnz());
        qOrig = q.clone();
        aOrig = Arrays.copyOf(aValues, structure.aPattern().nnz());
        bOrig = b.clone();
        this.p = structure.pPattern().withValues(new double[pOrig.length]);
        this.a = structure.aPattern().withValues(new double[aOrig.length]);
        this.q = new double[n];
        this.b = new double[m];
        d = new double[n];
        dinv = new double[n];
        e = new double[m];
        einv = new double[m];
        dwork = new double[n];
        ework = new double[m];
        delta = new double[m];
    }

    /** Replaces original values (null keeps the current ones). */
    void setValues(double[] pValues, double[] qv, double[] aValues, double[] bv) {
        if (pValues != null) {
            check("pValues", pValues.length, pOrig.length);
            System.arraycopy(pValues, 0, pOrig, 0, pOrig.length);
        }
        if (qv != null) {
            check("c", qv.length, n);
            System.arraycopy(qv, 0, qOrig, 0, n);
        }
        if (aValues != null) {
            check("aValues", aValues.length, aOrig.length);
            System.arraycopy(aValues, 0, aOrig, 0, aOrig.length);
        }
        if (bv != null) {
            check("b", bv.length, m);
            System.arraycopy(bv, 0, bOrig, 0, m);
        }
    }

    private static void check(String name, int got, int expected) {
        if (got != expected) {
            throw new IllegalArgumentException(name + " has length " + got + ", expected " + expected);
        }
    }

    /** Checks that all original values are finite; names the first offender. */
    void checkFinite() {
        finite("P value", pOrig);
        finite("c", qOrig);
        finite("A value", aOrig);
        finite("b", bOrig);
    }

    private static void finite(String name, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + v[i]);
            }
        }
    }

    /** Copies the original data into the scaled arrays and equilibrates them (if enabled). */
    void equilibrate(SolverSettings settings, CompositeCone cones) {
        System.arraycopy(pOrig, 0, p.values(), 0, pOrig.length);
        System.arraycopy(aOrig, 0, a.values(), 0, aOrig.length);
        System.arraycopy(qOrig, 0, q, 0, n);
        System.arraycopy(bOrig, 0, b, 0, m);
        Arrays.fill(d, 1.0);
        Arrays.fill(e, 1.0);
        c = 1.0;
        normb = normInf(bOrig);
        normq = normInf(qOrig);
        if (settings.equilibrate()) {
            double lo = settings.equilibrateMinScaling();
            double hi = settings.equilibrateMaxScaling();
            for (int it = 0; it < settings.equilibrateMaxIterations(); it++) {
                kktColumnNorms(dwork, ework);
                for (int j = 0; j < n; j++) {
                    dwork[j] = 1.0 / Math.sqrt(limit(dwork[j], lo, hi));
                }
                for (int i = 0; i < m; i++) {
                    ework[i] = 1.0 / Math.sqrt(limit(ework[i], lo, hi));
                }
                if (cones.rectifyEquilibration(delta, ework)) {
                    for (int i = 0; i < m; i++) {
                        ework[i] *= delta[i];
                    }
                }
                scaleData(dwork, ework);
                for (int j = 0; j < n; j++) {
                    d[j] *= dwork[j];
                }
                for (int i = 0; i < m; i++) {
                    e[i] *= ework[i];
                }
            }
            // cost scaling: bring max(mean column norm of P, ‖q‖∞) to one
            double meanP = 0.0;
            if (n > 0) {
                symColumnNormsP(dwork);
                for (int j = 0; j < n; j++) {
                    meanP += dwork[j];
                }
                meanP /= n;
            }
            double scale = Math.max(meanP, normInf(q));
            scale = limit(scale, lo, hi);
            c = 1.0 / scale;
            double[] pv = p.values();
            for (int k = 0; k < pv.length; k++) {
                pv[k] *= c;
            }
            for (int j = 0; j < n; j++) {
                q[j] *= c;
            }
        }
        for (int j = 0; j < n; j++) {
            dinv[j] = 1.0 / d[j];
        }
        for (int i = 0; i < m; i++) {
            einv[i] = 1.0 / e[i];
        }
    }

    /** Norms below lo (e.g. empty columns) count as 1; above hi they are capped. */
    private static double limit(double v, double lo, double hi) {
        if (v < lo) {
            return 1.0;
        }
        return Math.min(v, hi);
    }

    /** ∞-norms of the columns of [[P, Aᵀ], [A, 0]] (P symmetric from its upper triangle). */
    private void kktColumnNorms(double[] dn, double[] en) {
        symColumnNormsP(dn);
        int[] cp = a.colPtr();
        int[] ri = a.rowIdx();
        double[] av = a.values();
        Arrays.fill(en, 0.0);
        for (int j = 0; j < n; j++) {
            double mx = dn[j];
            for (int k = cp[j]; k < cp[j + 1]; k++) {
                double v = Math.abs(av[k]);
                mx = Math.max(mx, v);
                int i = ri[k];
                if (v > en[i]) {
                    en[i] = v;
                }
            }
            dn[j] = mx;
        }
    }

    private void symColumnNormsP(double[] out) {
        Arrays.fill(out, 0.0);
        int[] cp = p.colPtr();
        int[] ri = p.rowIdx();
        double[] pv = p.values();
        for (int j = 0; j < n; j++) {
            for (int k = cp[j]; k < cp[j + 1]; k++) {
                double v = Math.abs(pv[k]);
                int i = ri[k];
                out[j] = Math.max(out[j], v);
                out[i] = Math.max(out[i], v);
            }
        }
    }

    private void scaleData(double[] dw, double[] ew) {
        int[] cp = p.colPtr();
        int[] ri = p.rowIdx();
        double[] pv = p.values();
        for (int j = 0; j < n; j++) {
            for (int k = cp[j]; k < cp[j + 1]; k++) {
                pv[k] *= dw[ri[k]] * dw[j];
            }
        }
        cp = a.colPtr();
        ri = a.rowIdx();
        double[] av = a.values();
        for (int j = 0; j < n; j++) {
            for (int k = cp[j]; k < cp[j + 1]; k++) {
                av[k] *= ew[ri[k]] * dw[j];
            }
        }
        for (int j = 0; j < n; j++) {
            q[j] *= dw[j];
        }
        for (int i = 0; i < m; i++) {
            b[i] *= ew[i];
        }
    }

    static double normInf(double[] v) {
        double mx = 0.0;
        for (double x : v) {
            mx = Math.max(mx, Math.abs(x));
        }
        return mx;
    }
}
