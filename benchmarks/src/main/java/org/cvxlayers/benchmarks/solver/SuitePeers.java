package org.cvxlayers.benchmarks.solver;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.cvxlayers.solvers.io.ProblemFile;

/**
 * Bridge to the package-private peer adapters of {@code org.cvxlayers.benchmarks.suite} (PeerSuite.solver,
 * LinearQp.of, PeerSolver.solve), so this package reuses them unchanged. Reflection is resolved once here;
 * {@link #solve} is one {@link Method#invoke} per call, negligible next to a solve of milliseconds.
 */
final class SuitePeers {
    private static final String PKG = "org.cvxlayers.benchmarks.suite.";

    /** One peer bound to one instance. */
    static final class Bound {
        private final Object peer;
        private final Object qp;
        private final Method solve;
        private final Method fileObjective;
        private final Method status;
        private final Method x;
        final String skipReason;

        private Bound(Object peer, Object qp, Method solve, Method fileObjective, Method status, Method x,
                String skipReason) {
            this.peer = peer;
            this.qp = qp;
            this.solve = solve;
            this.fileObjective = fileObjective;
            this.status = status;
            this.x = x;
            this.skipReason = skipReason;
        }

        /** Solves once; returns the peer's outcome object (record PeerSolver.Outcome). */
        Object solve(double timeLimitSeconds) throws Exception {
            try {
                return solve.invoke(peer, qp, timeLimitSeconds);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }

        String status(Object outcome) throws ReflectiveOperationException {
            return (String) status.invoke(outcome);
        }

        /** Objective as the file states it at the outcome's point. */
        double objective(Object outcome) throws ReflectiveOperationException {
            return (double) fileObjective.invoke(qp, (Object) x.invoke(outcome));
        }
    }

    private SuitePeers() {
    }

    /** Binds solver key (ojalgo, joptimizer, hipparchus, cvxlayers) to a read problem file. */
    static Bound bind(String key, ProblemFile file) throws ReflectiveOperationException {
        Class<?> suite = Class.forName(PKG + "PeerSuite");
        Class<?> linearQp = Class.forName(PKG + "LinearQp");
        Class<?> peerSolver = Class.forName(PKG + "PeerSolver");
        Class<?> outcome = Class.forName(PKG + "PeerSolver$Outcome");
        Object peer = open(suite.getDeclaredMethod("solver", String.class)).invoke(null, key);
        Object qp;
        try {
            qp = open(linearQp.getDeclaredMethod("of", ProblemFile.class)).invoke(null, file);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(file.name() + ": not an LP/QP the peers take", e.getCause());
        }
        String skip = (String) open(peerSolver.getDeclaredMethod("skipReason", linearQp)).invoke(peer, qp);
        return new Bound(peer, qp, open(peerSolver.getDeclaredMethod("solve", linearQp, double.class)),
                open(linearQp.getDeclaredMethod("fileObjective", double[].class)),
                open(outcome.getDeclaredMethod("status")), open(outcome.getDeclaredMethod("x")), skip);
    }

    private static Method open(Method m) {
        m.setAccessible(true);
        return m;
    }
}
