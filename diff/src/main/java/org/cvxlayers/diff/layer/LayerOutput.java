package org.cvxlayers.diff.layer;

import org.cvxlayers.core.constraints.Constraint;
import org.cvxlayers.core.expr.Shape;
import org.cvxlayers.core.expr.Variable;

/**
 * One output of a {@link CvxpyLayer}: the optimal value of a variable, or the dual value of a constraint
 * (as cvxpylayers 1.x allows), both row-major in their CVXPY shapes.
 */
public sealed interface LayerOutput {

    /** Shape of the output for one batch element. */
    Shape shape();

    /** A short name for messages. */
    String describe();

    /** The optimal value of a variable. */
    record VariableOutput(Variable variable) implements LayerOutput {
        public VariableOutput {
            if (variable == null) {
                throw new IllegalArgumentException("output variable must not be null");
            }
        }

        @Override
        public Shape shape() {
            return variable.shape();
        }

        @Override
        public String describe() {
            return "variable '" + variable.name() + "'";
        }
    }

    /** The dual value of a constraint, with CVXPY's sign conventions ({@link Constraint#dualValue()}). */
    record DualOutput(Constraint constraint) implements LayerOutput {
        public DualOutput {
            if (constraint == null) {
                throw new IllegalArgumentException("output constraint must not be null");
            }
        }

        @Override
        public Shape shape() {
            return constraint.dualShape();
        }

        @Override
        public String describe() {
            return "dual of " + constraint;
        }
    }

    /** The output for a variable. */
    static LayerOutput of(Variable v) {
        return new VariableOutput(v);
    }

    /** The output for a constraint's dual. */
    static LayerOutput dualOf(Constraint c) {
        return new DualOutput(c);
    }
}
