package org.cvxlayers.solvers.ipm;

import java.util.Arrays;
import org.cvxlayers.solvers.ipm.cones.CompositeCone;
import org.cvxlayers.solvers.ipm.cones.IpmCone;
import org.cvxlayers.solvers.ipm.cones.SecondOrderConeIpm;
import org.cvxlayers.solvers.sparse.LdlFactorization;
import org.cvxlayers.solvers.sparse.SingularMatrixException;

/**
 * The numeric KKT system of one solver workspace on the fixed pattern of a {@link SolverStructure}:
 * assembly of {@code [[P, Aᵀ], [A, −Hs]]} (sparse second-order cones expanded), static and dynamic
 * regularization, LDLᵀ factorization and solves with iterative refinement against the unregularized
 * matrix. Allocation-free after construction.
 */
final class KktSystem {
    private final SolverStructure st;
    private final int n;
    private final int m;
    private final int dim;
    private final int[] colPtr;
    private final int[] rowIdx;
    /** Values of the unregularized KKT matrix (the one refinement aims at). */
    private final double[] values;
    /** Values handed to the factorization (static regularization added). */
    private final double[] regValues;
    private final LdlFactorization ldl;
    private final double[] hsWork;
    private final double[] residual;
    private final double[] correction;
    private final double[] trial;
    private double staticReg;

    KktSystem(SolverStructure structure) {
        this.st = structure;
        this.n = structure.n();
        this.m = structure.m();
        this.dim = structure.kktDim();
        this.colPtr = structure.kktColPtr();
        this.rowIdx = structure.kktRowIdx();
        this.values = new double[structure.kktNnz()];
        this.regValues = new double[structure.kktNnz()];
        this.ldl = new LdlFactorization(structure.symbolic());
        this.hsWork = new double[Math.max(1, structure.hsMaxLen())];
        this.residual = new double[dim];
        this.correction = new double[dim];
        this.trial = new double[dim];
    }

    int dim() {
        return dim;
    }

    /** Writes P and A (scaled) into the matrix; the Hs blocks are written by {@link #updateHs}. */
    void setData(ProblemData data) {
        Arrays.fill(values, 0.0);
        int[] pMap = st.pMap();
        double[] pv = data.p.values();
        for (int k = 0; k < pMap.length; k++) {
            values[pMap[k]] = pv[k];
        }
        int[] aMap = st.aMap();
        double[] av = data.a.values();
        for (int k = 0; k < aMap.length; k++) {
            values[aMap[k]] = av[k];
        }
    }

    /** Writes −Hs of every cone block (and the sparse expansion columns) from the cones' current scalings. */
    void updateHs(CompositeCone cones) {
        int[] hsPos = st.hsPos();
        for (int c = 0; c < cones.size(); c++) {
            IpmCone cone = cones.block(c);
            int start = st.hsStart(c);
            int d = cone.dim();
            switch (st.coneKind(c)) {
                case SolverStructure.HS_SPARSE_SOC -> {
                    SecondOrderConeIpm soc = (SecondOrderConeIpm) cone;
                    soc.sparseDiagonal(hsWork, 0);
                    for (int l = 0; l < d; l++) {
                        values[hsPos[start + l]] = -hsWork[l];
                    }
                    soc.sparseU(hsWork, 0);
                    for (int l = 0; l < d; l++) {
                        values[hsPos[start + d + l]] = hsWork[l];
                    }
                    soc.sparseV(hsWork, 0);
                    for (int l = 0; l < d; l++) {
                        values[hsPos[start + 2 * d + l]] = hsWork[l];
                    }
                    values[hsPos[start + 3 * d]] = 1.0;
                    values[hsPos[start + 3 * d + 1]] = -1.0;
                }
                case SolverStructure.HS_DIAGONAL -> {
                    cone.getHs(hsWork, 0);
                    for (int l = 0; l < d; l++) {
                        values[hsPos[start + l]] = -hsWork[l];
                    }
                }
                default -> {
                    cone.getHs(hsWork, 0);
                    int len = d * (d + 1) / 2;
                    for (int l = 0; l < len; l++) {
                        values[hsPos[start + l]] = -hsWork[l];
                    }
                }
            }
        }
    }

    /**
     * Adds static regularization and factors. Returns false if the factorization broke down (a pivot that
     * dynamic regularization could not rescue).
     */
    boolean factor(SolverSettings settings) {
        System.arraycopy(values, 0, regValues, 0, values.length);
        int[] diag = st.diagPos();
        double[] signs = st.signs();
        double maxDiag = 0.0;
        for (int i = 0; i < dim; i++) {
            maxDiag = Math.max(maxDiag, Math.abs(values[diag[i]]));
        }
        staticReg = settings.staticRegularizationConstant() + settings.staticRegularizationProportional() * maxDiag;
        for (int i = 0; i < dim; i++) {
            regValues[diag[i]] += signs[i] * staticReg;
        }
        try {
            ldl.factor(regValues, signs, settings.dynamicRegularizationEps(), settings.dynamicRegularizationDelta());
        } catch (SingularMatrixException ex) {
            return false;
        }
        return true;
    }

    /**
     * Solves K x = rhs (K unregularized) with iterative refinement; {@code rhs} is not changed. Returns false
     * if the solution is not finite.
     */
    boolean solve(double[] rhs, double[] x, SolverSettings settings) {
        System.arraycopy(rhs, 0, x, 0, dim);
        ldl.solve(x);
        double normRhs = normInf(rhs, dim);
        double tol = settings.iterativeRefinementAbsTol() + settings.iterativeRefinementRelTol() * normRhs;
        double err = residual(rhs, x, residual);
        for (int it = 0; it < settings.iterativeRefinementMaxSteps(); it++) {
            if (!(err > tol)) {
                break;
            }
            System.arraycopy(residual, 0, correction, 0, dim);
            ldl.solve(correction);
            for (int i = 0; i < dim; i++) {
                trial[i] = x[i] + correction[i];
            }
            double errTrial = residual(rhs, trial, correction);
            // keep a refinement step only if it clearly helps
            if (!(errTrial < err * 0.9)) {
                break;
            }
            System.arraycopy(trial, 0, x, 0, dim);
            System.arraycopy(correction, 0, residual, 0, dim);
            err = errTrial;
        }
        for (int i = 0; i < dim; i++) {
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    /** r ← rhs − K x; returns ‖r‖∞. */
    private double residual(double[] rhs, double[] x, double[] r) {
        System.arraycopy(rhs, 0, r, 0, dim);
        for (int j = 0; j < dim; j++) {
            double xj = x[j];
            double acc = 0.0;
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int i = rowIdx[p];
                double v = values[p];
                if (i == j) {
                    acc += v * xj;
                } else {
                    r[i] -= v * xj;
                    acc += v * x[i];
                }
            }
            r[j] -= acc;
        }
        return normInf(r, dim);
    }

    private static double normInf(double[] v, int len) {
        double mx = 0.0;
        for (int i = 0; i < len; i++) {
            double a = Math.abs(v[i]);
            if (a > mx || a != a) {
                mx = a != a ? Double.POSITIVE_INFINITY : a;
            }
        }
        return mx;
    }
}
