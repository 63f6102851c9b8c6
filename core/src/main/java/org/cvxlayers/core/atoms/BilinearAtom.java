package org.cvxlayers.core.atoms;

import org.cvxlayers.core.expr.Expression;

/**
 * A product of two expressions. DCP allows it when one factor is constant; DPP also when one factor is
 * parameter-affine and the other parameter-free. The analyzer treats these atoms specially.
 */
public interface BilinearAtom {
    Expression lhs();

    Expression rhs();

    /** Whether only the right factor may play the constant role (division). */
    default boolean rhsMustBeConstant() {
        return false;
    }
}
