package org.cvxlayers.benchmarks.sparse;

import edu.emory.mathcs.csparsej.tdouble.Dcs_chol;
import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcs;
import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcsn;
import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcss;
import edu.emory.mathcs.csparsej.tdouble.Dcs_ipvec;
import edu.emory.mathcs.csparsej.tdouble.Dcs_lsolve;
import edu.emory.mathcs.csparsej.tdouble.Dcs_ltsolve;
import edu.emory.mathcs.csparsej.tdouble.Dcs_pvec;
import edu.emory.mathcs.csparsej.tdouble.Dcs_schol;
import java.util.concurrent.TimeUnit;
import org.cvxlayers.solvers.sparse.Amd;
import org.cvxlayers.solvers.sparse.CscMatrix;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.sparse.csc.decomposition.chol.CholeskyUpLooking_DSCC;
import org.ejml.sparse.csc.misc.TriangularSolver_DSCC;
import org.ojalgo.matrix.decomposition.SparseQDLDL;
import org.ojalgo.matrix.store.R064CSC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Java sparse peers on the positive-definite grid Laplacians: CSparse-for-Java ({@code cs_schol} with its
 * cs_amd, {@code cs_chol}, triangular solves), EJML's up-looking sparse Cholesky and ojAlgo's SparseQDLDL.
 * EJML and ojAlgo have no AMD of their own; they get the matrix already permuted by our AMD (identical to
 * cs_amd's order on these matrices), so every numeric phase works on the same fill.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(1)
public class SparseCholeskyPeersBenchmark {

    /** The matrix and the right-hand side; each peer's own state builds only what that peer needs. */
    @State(Scope.Benchmark)
    public static class Problem {
        @Param({"grid50", "grid100", "grid200"})
        public String matrix;

        CscMatrix upper;
        int n;
        double[] b;
        double[] x;
        double[] work;

        @Setup
        public void setup() {
            upper = SparseCases.named(matrix).upper();
            n = upper.cols();
            b = SparseCases.randomVector(n, 1);
            x = new double[n];
            work = new double[n];
        }
    }

    @State(Scope.Benchmark)
    public static class CsparseState {
        Dcs a;
        Dcss s;
        Dcsn numeric;

        @Setup
        public void setup(Problem p) {
            a = SparseCases.toCs(p.upper);
            s = Dcs_schol.cs_schol(1, a);
            numeric = Dcs_chol.cs_chol(a, s);
        }
    }

    /** EJML has no AMD: it gets the matrix permuted by our AMD (same order as cs_amd on these matrices). */
    @State(Scope.Benchmark)
    public static class EjmlState {
        int[] perm;
        DMatrixSparseCSC c;
        CholeskyUpLooking_DSCC chol;

        @Setup
        public void setup(Problem p) {
            perm = Amd.order(p.upper);
            c = SparseCases.toEjml(p.upper.permuteSymmetricUpper(perm));
            chol = new CholeskyUpLooking_DSCC();
            if (!chol.decompose(c)) {
                throw new IllegalStateException("EJML Cholesky failed");
            }
            chol.setStructureLocked(true);
        }
    }

    /** ojAlgo's SparseQDLDL has no ordering either: same AMD-permuted matrix. */
    @State(Scope.Benchmark)
    public static class OjalgoState {
        int[] perm;
        R064CSC c;
        SparseQDLDL qdldl;
        SparseQDLDL.EliminationTree tree;

        @Setup
        public void setup(Problem p) {
            perm = Amd.order(p.upper);
            c = SparseCases.toOjalgoCsc(p.upper.permuteSymmetricUpper(perm));
            qdldl = new SparseQDLDL();
            tree = qdldl.computeEliminationTree(c);
            qdldl.factor(c, tree);
        }
    }

    @Benchmark
    public Dcsn csparseNumeric(CsparseState cs) {
        return Dcs_chol.cs_chol(cs.a, cs.s);
    }

    @Benchmark
    public double[] csparseSolve(Problem p, CsparseState cs) {
        Dcs_ipvec.cs_ipvec(cs.s.pinv, p.b, p.work, p.n);
        Dcs_lsolve.cs_lsolve(cs.numeric.L, p.work);
        Dcs_ltsolve.cs_ltsolve(cs.numeric.L, p.work);
        Dcs_pvec.cs_pvec(cs.s.pinv, p.work, p.x, p.n);
        return p.x;
    }

    @Benchmark
    public boolean ejmlNumeric(EjmlState ej) {
        return ej.chol.decompose(ej.c);
    }

    @Benchmark
    public double[] ejmlSolve(Problem p, EjmlState ej) {
        for (int k = 0; k < p.n; k++) {
            p.work[k] = p.b[ej.perm[k]];
        }
        DMatrixSparseCSC l = ej.chol.getL();
        TriangularSolver_DSCC.solveL(l, p.work);
        TriangularSolver_DSCC.solveTranL(l, p.work);
        for (int k = 0; k < p.n; k++) {
            p.x[ej.perm[k]] = p.work[k];
        }
        return p.x;
    }

    @Benchmark
    public boolean ojalgoQdldlNumeric(OjalgoState oj) {
        return oj.qdldl.factor(oj.c, oj.tree);
    }

    @Benchmark
    public double[] ojalgoQdldlSolve(Problem p, OjalgoState oj) {
        for (int k = 0; k < p.n; k++) {
            p.work[k] = p.b[oj.perm[k]];
        }
        oj.qdldl.ftran(p.work);
        for (int k = 0; k < p.n; k++) {
            p.x[oj.perm[k]] = p.work[k];
        }
        return p.x;
    }
}
