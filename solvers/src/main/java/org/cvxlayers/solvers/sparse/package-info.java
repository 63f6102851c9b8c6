/**
 * Sparse linear algebra: the CSC matrix, the AMD ordering, the elimination tree and the LDLᵀ factorization
 * of symmetric quasi-definite matrices (symbolic analysis once per pattern, numeric refactorization per
 * value set).
 */
package org.cvxlayers.solvers.sparse;
