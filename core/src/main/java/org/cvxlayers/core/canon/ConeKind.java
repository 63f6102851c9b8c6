package org.cvxlayers.core.canon;

/**
 * The kinds of cone blocks the canonicalizer emits, in the row order of the compiled program. New cone
 * atoms (exponential, power, …) add a kind here and a case in {@link Compiler}.
 */
public enum ConeKind {
    ZERO, NONNEG, SOC, PSD, EXP, POWER
}
