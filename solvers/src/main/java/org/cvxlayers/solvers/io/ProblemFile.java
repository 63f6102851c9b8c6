package org.cvxlayers.solvers.io;

import org.cvxlayers.solvers.ConeProgram;

/**
 * A problem read from a file: the cone program to solve (always a minimisation) and what is needed to report
 * the objective as the file states it.
 *
 * <p>The program's objective {@code ½xᵀPx + cᵀx + constant} equals {@code objectiveSign ×} the file's
 * objective at every point: {@code objectiveSign = −1} for a maximisation (the reader negated the objective),
 * {@code +1} otherwise. The file's constant (MPS: minus the objective-row RHS; CBF: {@code OBJBCOORD}) is in
 * {@link ConeProgram#constant()}, so {@link #fileObjective(double)} of the solver's primal objective is the
 * value the collections publish. SDPA files are reported in SDPLIB's convention {@code min cᵀx}.
 *
 * @param name          instance name: the file name without {@code .gz} and format extension
 * @param format        the format the file was read as
 * @param program       the cone program (minimisation)
 * @param objectiveSign +1 or −1, see above
 * @param size          sizes as the file states them
 */
public record ProblemFile(String name, ProblemFormat format, ConeProgram program, double objectiveSign,
        ProblemSize size) {

    public ProblemFile {
        if (objectiveSign != 1.0 && objectiveSign != -1.0) {
            throw new IllegalArgumentException("objectiveSign must be +1 or -1, got " + objectiveSign);
        }
    }

    /** The objective as the file states it, from the program's objective value (constant included). */
    public double fileObjective(double programObjective) {
        return objectiveSign * programObjective;
    }

    /** Whether the file asks for a maximisation. */
    public boolean isMaximization() {
        return objectiveSign < 0;
    }
}
