package org.cvxlayers.core.analysis;

/**
 * A problem is DCP but not DPP (disciplined parametrized programming, Agrawal et al. 2019): its data would
 * not be an affine function of the parameters, so it cannot be compiled once into a parametric cone program.
 */
public class DppException extends DcpException {
    public DppException(String subexpression, String reason) {
        super(subexpression, reason);
    }

    @Override
    public DppException inContext(String enclosing) {
        return new DppException(subexpression(), reason() + " (in " + enclosing + ")");
    }
}
