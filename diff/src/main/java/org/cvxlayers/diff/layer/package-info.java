/**
 * Differentiable convex optimization layers, as cvxpylayers: {@link org.cvxlayers.diff.layer.CvxpyLayer} is built
 * once from a DPP {@link org.cvxlayers.core.Problem} (parameters in call order, outputs = variables and
 * constraint duals), {@link org.cvxlayers.diff.layer.CvxpyLayer#forward} solves a batch of parameter values in
 * parallel and returns a {@link org.cvxlayers.diff.layer.LayerResult}, whose
 * {@link org.cvxlayers.diff.layer.LayerResult#backward} (VJP) and {@link org.cvxlayers.diff.layer.LayerResult#jvp}
 * differentiate the solution map through {@code org.cvxlayers.diff.conic}. Values are
 * {@link org.cvxlayers.diff.layer.Tensor}s (immutable, row-major, optional leading batch dimension); per-call
 * {@link org.cvxlayers.diff.layer.LayerSettings} override the layer's defaults.
 *
 * <p>Chain per batch element: θ (parameter values, concatenated) → {@code ParametricConeProgram.instantiate} →
 * interior-point solve on the layer's shared {@code SolverStructure} → outputs read off x and y. Backward:
 * output gradients → (dL/dx, dL/dy) → {@code SolutionMapDerivative.adjoint} → dL/d(P, A, b, c) →
 * {@code ParametricConeProgram.thetaGradient} → per-parameter gradients (summed over the batch for broadcast
 * parameters). A {@code gp = true} layer (a DGP problem, compiled in log space) puts θ = log of the values,
 * returns exp of the variables' columns, and applies the chain rules of the logarithm and the exponential on
 * both sides of the same chain.
 */
package org.cvxlayers.diff.layer;
