package org.cvxlayers.solvers.ipm;

import org.junit.jupiter.api.Test;

class DebugSeedTest {
    @Test
    void run() {
        String seedProp = System.getProperty("dbg.seed");
        if (seedProp == null) {
            return;
        }
        int seed = Integer.parseInt(seedProp);
        RandomConeProgram r = RandomConeProgram.build(seed, 30 + 3 * seed, seed % 3 != 0, seed % 2 == 0);
        Solution s = InteriorPointSolver.solve(r.program(), SolverSettings.builder().verbose(true).build());
        System.out.println("expected " + r.optimalObjective());
    }
}
