package org.cvxlayers.solvers.io;

/**
 * Sizes of a problem as its file states them (before the conversion to the cone program adds bound rows or
 * PSD variables), for comparison with the tables published with the benchmark collections.
 *
 * <ul>
 *   <li>MPS/QPS: {@code variables} = columns, {@code constraints} = rows other than free ({@code N}) rows,
 *       {@code nonzeros} = entries listed in those rows, {@code objectiveNonzeros} = entries listed in the
 *       objective row.</li>
 *   <li>CBF: {@code variables} = scalar variables ({@code VAR n}), {@code constraints} = scalar constraints
 *       ({@code CON m}), {@code nonzeros} = {@code ACOORD} entries, {@code objectiveNonzeros} =
 *       {@code OBJACOORD} entries.</li>
 *   <li>SDPA: {@code variables} = m, {@code constraints} = the order of the block-diagonal matrices (sum of
 *       the absolute block sizes), {@code nonzeros} = matrix entries in the file (F0 included),
 *       {@code objectiveNonzeros} = nonzero entries of c.</li>
 * </ul>
 */
public record ProblemSize(int variables, int constraints, int nonzeros, int objectiveNonzeros) {
}
