/**
 * Sparse linear algebra for the interior-point solver: the CSC matrix ({@link
 * org.cvxlayers.solvers.sparse.CscMatrix}), the AMD ordering ({@link org.cvxlayers.solvers.sparse.Amd}), the
 * elimination tree ({@link org.cvxlayers.solvers.sparse.EliminationTree}) and the LDLᵀ factorization of
 * symmetric quasi-definite matrices: {@link org.cvxlayers.solvers.sparse.LdlSymbolic} (ordering, pattern of L
 * and all index maps, once per sparsity pattern; immutable) and {@link
 * org.cvxlayers.solvers.sparse.LdlFactorization} (numeric factorization with dynamic regularization and
 * solves, one workspace per thread, no allocation), with a simplicial (QDLDL-style) and a supernodal kernel;
 * {@link org.cvxlayers.solvers.sparse.IterativeRefinement} polishes solves against the unregularized matrix.
 */
package org.cvxlayers.solvers.sparse;
