package org.cvxlayers.core.analysis;

/**
 * A problem or expression violates the DCP rules. The message names the offending subexpression in
 * CVXPY-like syntax and the rule it breaks, e.g. {@code square(sqrt(x)): convex function of a concave argument}.
 */
public class DcpException extends RuntimeException {
    private final String subexpression;

    public DcpException(String subexpression, String reason) {
        super(subexpression + ": " + reason);
        this.subexpression = subexpression;
    }

    /** The offending subexpression, printed in CVXPY-like syntax. */
    public String subexpression() {
        return subexpression;
    }
}
