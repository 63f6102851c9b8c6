package org.cvxlayers.benchmarks.diff;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cvxlayers.diff.conic.DataGradient;
import org.cvxlayers.diff.conic.DataPerturbation;
import org.cvxlayers.diff.conic.DerivativeMethod;
import org.cvxlayers.diff.conic.DiffOptions;
import org.cvxlayers.diff.conic.SolutionDerivative;
import org.cvxlayers.diff.conic.SolutionMapDerivative;
import org.cvxlayers.diff.conic.SolutionMapStructure;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.ipm.InteriorPointSolver;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.ipm.SolverSettings;
import org.cvxlayers.solvers.ipm.SolverStructure;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Forward solve versus the derivative passes on one random program: {@code solve} (interior-point, symbolic
 * analysis shared), {@code linearize} (cone Jacobians, K values and its LDLᵀ factorization, symbolic
 * analysis shared), {@code jvp} and {@code vjp} on a linearized solution, {@code backward} = linearize +
 * one VJP (what a layer's backward pass costs per solution), and {@code vjpLsqr} (matrix-free LSQR on M).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SolutionMapBenchmark {

    @Param({"lp", "qp", "socp", "sdp"})
    public String kind;

    @Param({"100", "400"})
    public int n;

    private ConeProgram program;
    private SolverStructure solverStructure;
    private SolverSettings settings;
    private Solution solution;
    private SolutionMapStructure diffStructure;
    private SolutionMapDerivative linearized;
    private SolutionMapDerivative linearizedLsqr;
    private DataPerturbation direction;
    private double[] gx;
    private double[] gy;
    private double[] gs;

    @Setup
    public void setup() {
        program = DiffBenchmarkPrograms.build(kind, n, 2024);
        settings = SolverSettings.defaults();
        solverStructure = new SolverStructure(program);
        solution = new InteriorPointSolver(solverStructure, program, settings).solve();
        if (!solution.status().isOptimal()) {
            throw new IllegalStateException(kind + " n=" + n + " not solved: " + solution.status());
        }
        diffStructure = SolutionMapStructure.of(program);
        linearized = new SolutionMapDerivative(diffStructure, program, solution.x(), solution.y(), solution.s(),
                DiffOptions.defaults());
        linearizedLsqr = new SolutionMapDerivative(diffStructure, program, solution.x(), solution.y(),
                solution.s(), DiffOptions.defaults().withMethod(DerivativeMethod.LSQR).withLsqr(1e-10, 0));
        Random rnd = new Random(7);
        direction = new DataPerturbation(DiffBenchmarkPrograms.gaussian(program.p().nnz(), rnd),
                DiffBenchmarkPrograms.gaussian(program.a().nnz(), rnd), DiffBenchmarkPrograms.gaussian(program.m(), rnd),
                DiffBenchmarkPrograms.gaussian(program.n(), rnd));
        gx = DiffBenchmarkPrograms.gaussian(program.n(), rnd);
        gy = DiffBenchmarkPrograms.gaussian(program.m(), rnd);
        gs = DiffBenchmarkPrograms.gaussian(program.m(), rnd);
    }

    @Benchmark
    public Solution solve() {
        return new InteriorPointSolver(solverStructure, program, settings).solve();
    }

    @Benchmark
    public SolutionMapDerivative linearize() {
        return new SolutionMapDerivative(diffStructure, program, solution.x(), solution.y(), solution.s(),
                DiffOptions.defaults());
    }

    @Benchmark
    public SolutionDerivative jvp() {
        return linearized.derivative(direction);
    }

    @Benchmark
    public DataGradient vjp() {
        return linearized.adjoint(gx, gy, gs);
    }

    @Benchmark
    public DataGradient backward() {
        return new SolutionMapDerivative(diffStructure, program, solution.x(), solution.y(), solution.s(),
                DiffOptions.defaults()).adjoint(gx, gy, gs);
    }

    @Benchmark
    public DataGradient vjpLsqr() {
        return linearizedLsqr.adjoint(gx, gy, gs);
    }
}
