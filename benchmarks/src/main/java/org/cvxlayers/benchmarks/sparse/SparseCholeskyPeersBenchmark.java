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
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SparseCholeskyPeersBenchmark {
    @Param({"grid50", "grid100", "grid200"})
    public String matrix;

    private int n;
    private double[] b;
    private double[] x;
    private double[] work;
    // CSparse
    private Dcs csA;
    private Dcss csS;
    private Dcsn csN;
    // EJML and ojAlgo on the AMD-permuted upper triangle
    private int[] perm;
    private DMatrixSparseCSC ejC;
    private CholeskyUpLooking_DSCC ejChol;
    private R064CSC ojC;
    private SparseQDLDL ojQdldl;
    private SparseQDLDL.EliminationTree ojTree;

    @Setup
    public void setup() {
        CscMatrix upper = SparseCases.named(matrix).upper();
        n = upper.cols();
        b = SparseCases.randomVector(n, 1);
        x = new double[n];
        work = new double[n];
        csA = SparseCases.toCs(upper);
        csS = Dcs_schol.cs_schol(1, csA);
        csN = Dcs_chol.cs_chol(csA, csS);
        perm = Amd.order(upper);
        CscMatrix c = upper.permuteSymmetricUpper(perm);
        ejC = SparseCases.toEjml(c);
        ejChol = new CholeskyUpLooking_DSCC();
        if (!ejChol.decompose(ejC)) {
            throw new IllegalStateException("EJML Cholesky failed");
        }
        ejChol.setStructureLocked(true);
        ojC = SparseCases.toOjalgoCsc(c);
        ojQdldl = new SparseQDLDL();
        ojTree = ojQdldl.computeEliminationTree(ojC);
        ojQdldl.factor(ojC, ojTree);
    }

    @Benchmark
    public Dcsn csparseNumeric() {
        return Dcs_chol.cs_chol(csA, csS);
    }

    @Benchmark
    public double[] csparseSolve() {
        Dcs_ipvec.cs_ipvec(csS.pinv, b, work, n);
        Dcs_lsolve.cs_lsolve(csN.L, work);
        Dcs_ltsolve.cs_ltsolve(csN.L, work);
        Dcs_pvec.cs_pvec(csS.pinv, work, x, n);
        return x;
    }

    @Benchmark
    public boolean ejmlNumeric() {
        return ejChol.decompose(ejC);
    }

    @Benchmark
    public double[] ejmlSolve() {
        for (int k = 0; k < n; k++) {
            work[k] = b[perm[k]];
        }
        DMatrixSparseCSC l = ejChol.getL();
        TriangularSolver_DSCC.solveL(l, work);
        TriangularSolver_DSCC.solveTranL(l, work);
        for (int k = 0; k < n; k++) {
            x[perm[k]] = work[k];
        }
        return x;
    }

    @Benchmark
    public boolean ojalgoQdldlNumeric() {
        return ojQdldl.factor(ojC, ojTree);
    }

    @Benchmark
    public double[] ojalgoQdldlSolve() {
        for (int k = 0; k < n; k++) {
            work[k] = b[perm[k]];
        }
        ojQdldl.ftran(work);
        for (int k = 0; k < n; k++) {
            x[perm[k]] = work[k];
        }
        return x;
    }
}
