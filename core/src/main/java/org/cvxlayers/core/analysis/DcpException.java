package org.cvxlayers.core.analysis;

/**
 * A problem or expression violates the DCP rules. The message names the offending subexpression in
 * CVXPY-like syntax and the rule it breaks, e.g. {@code square(sqrt(x)): convex function of a concave argument}.
 */
public class DcpException extends RuntimeException {
    private final String subexpression;
    private final String reason;

    public DcpException(String subexpression, String reason) {
        super(subexpression + ": " + reason);
        this.subexpression = subexpression;
        this.reason = reason;
    }

    /** The rule that is broken. */
    public String reason() {
        return reason;
    }

    /** The same violation, with the enclosing expression appended to the reason. */
    public DcpException inContext(String enclosing) {
        return new DcpException(subexpression, reason + " (in " + enclosing + ")");
    }

    /** The offending subexpression, printed in CVXPY-like syntax. */
    public String subexpression() {
        return subexpression;
    }
}
