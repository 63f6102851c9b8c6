package org.cvxlayers.diff.layer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.cvxlayers.solvers.ConeProgram;
import org.cvxlayers.solvers.ipm.InteriorPointSolver;
import org.cvxlayers.solvers.ipm.Solution;
import org.cvxlayers.solvers.ipm.SolverSettings;
import org.cvxlayers.solvers.ipm.SolverStructure;

/**
 * Interior-point workspaces of one layer, all on the layer's shared {@link SolverStructure} (one symbolic
 * analysis). A solve borrows a workspace for its settings (or makes one), loads the element's data with
 * {@link InteriorPointSolver#update} and gives it back, so a layer keeps about one workspace per thread that
 * ever ran it. Loading new data resets the workspace completely (equilibration restarts from the original
 * data, the iterates are re-initialized), so a solve does not depend on which workspace it got.
 */
final class SolverPool {
    /** Pools for more distinct settings than this are dropped (per-call settings could vary endlessly). */
    private static final int MAX_SETTINGS = 8;

    private final SolverStructure structure;
    private final Map<SolverSettings, ConcurrentLinkedDeque<InteriorPointSolver>> pools = new ConcurrentHashMap<>();

    SolverPool(SolverStructure structure) {
        this.structure = structure;
    }

    SolverStructure structure() {
        return structure;
    }

    /** Solves {@code program} with a pooled workspace. */
    Solution solve(ConeProgram program, SolverSettings settings) {
        ConcurrentLinkedDeque<InteriorPointSolver> pool = pools.get(settings);
        if (pool == null) {
            if (pools.size() >= MAX_SETTINGS) {
                pools.clear();
            }
            pool = pools.computeIfAbsent(settings, s -> new ConcurrentLinkedDeque<>());
        }
        InteriorPointSolver solver = pool.pollFirst();
        if (solver == null) {
            solver = new InteriorPointSolver(structure, program, settings);
        } else {
            solver.update(program.p().values(), program.c(), program.a().values(), program.b());
        }
        Solution s = solver.solve();
        pool.offerFirst(solver);
        return s;
    }
}
