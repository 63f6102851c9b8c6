package org.cvxlayers.diff.layer;

/** A layer call that could not complete (a failed solve, or a derivative that could not be computed). */
public class LayerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LayerException(String message) {
        super(message);
    }

    public LayerException(String message, Throwable cause) {
        super(message, cause);
    }
}
