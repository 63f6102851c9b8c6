package org.cvxlayers.diff.conic;

/**
 * A perturbation (or a gradient) of the cone program's data on its sparsity patterns: values of P's upper
 * triangle in P's entry order, values of A in A's entry order, b and c. In {@link SolutionMapDerivative#derivative}
 * a null array means zero.
 *
 * @param pValues dP on P's pattern (length nnz(P))
 * @param aValues dA on A's pattern (length nnz(A))
 * @param b       db (length m)
 * @param c       dc (length n)
 */
public record DataPerturbation(double[] pValues, double[] aValues, double[] b, double[] c) {
}
