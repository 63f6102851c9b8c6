package org.cvxlayers.core.analysis;

/**
 * A problem or expression violates the rules of disciplined geometric programming (log-log curvature), e.g.
 * {@code 1.0 / (x + y): the objective of a minimization must be log-log convex, but 1.0 / (x + y) is log-log concave}.
 * A subclass of {@link DcpException} so that one handler catches both.
 */
public class DgpException extends DcpException {
    public DgpException(String subexpression, String reason) {
        super(subexpression, reason);
    }

    @Override
    public DgpException inContext(String enclosing) {
        return new DgpException(subexpression(), reason() + " (in " + enclosing + ")");
    }
}
