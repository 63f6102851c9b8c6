/**
 * The modelling API: {@link org.cvxlayers.core.Problem}, its {@link org.cvxlayers.core.ProblemStatus}, and the
 * atom facade {@link org.cvxlayers.core.Cvx}.
 *
 * <pre>{@code
 * import static org.cvxlayers.core.Cvx.*;
 *
 * Variable x = variable(n, "x");
 * Parameter A = parameter(m, n, "A");
 * Parameter b = parameter(m, "b");
 * Problem problem = Problem.minimize(sumSquares(A.matmul(x).minus(b)), x.ge(0));
 * A.setValue(aRows);            // row-major double[][]
 * b.setValue(bValues);
 * problem.solve();              // OPTIMAL, …; compiles once, keeps the solver
 * double[] xv = x.vectorValue();
 * b.setValue(other);            // new data: same compilation, same symbolic factorization
 * problem.solve();
 * }</pre>
 *
 * <h2>What the differentiation layer uses</h2>
 * {@link org.cvxlayers.core.Problem#compile()} returns an immutable
 * {@link org.cvxlayers.core.canon.ParametricConeProgram}:
 * <ul>
 *   <li>data(θ) = T·[θ; 1] for P's stored values (upper triangle, fixed pattern), c, A's stored values (fixed
 *       pattern), b and the objective constant; the tensors are CSC matrices
 *       ({@code tensorP(), tensorC(), tensorA(), tensorB(), tensorConstant()}) with one row per data entry
 *       and nθ + 1 columns;</li>
 *   <li>{@code thetaGradient(dP, dc, dA, db, dd)} is the adjoint (dL/dθ = Tᵀ·…), {@code dataDirection(dθ)}
 *       the forward derivative, {@code splitTheta} splits a θ-vector per parameter;</li>
 *   <li>θ layout: {@code parameters()} in order of first appearance in the problem, each row-major from
 *       {@code parameterOffset(p)};</li>
 *   <li>x layout: {@code variableIndices(v)} gives the column of x of each row-major entry of v;</li>
 *   <li>duals: {@code constraintRows(c)} gives the rows of y owned by each user constraint;
 *       {@link org.cvxlayers.core.constraints.Constraint#dualValueFrom} converts that slice to the dual value
 *       (CVXPY's conventions) and {@link org.cvxlayers.core.constraints.Constraint#dualValueAdjoint} maps a
 *       gradient with respect to the dual value back to the slice.</li>
 * </ul>
 * Inside, expressions are vectorized column-major (as CVXPY); every public array is row-major.
 */
package org.cvxlayers.core;
