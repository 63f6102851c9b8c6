package org.cvxlayers.diff.layer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cvxlayers.solvers.ipm.SolveStatus;

/**
 * One or more batch elements did not solve (infeasible, unbounded, inaccurate, iteration or time limit, …)
 * under {@link LayerSettings.FailurePolicy#RAISE}. The message names every failed element with its status.
 */
public final class LayerSolveException extends LayerException {
    private static final long serialVersionUID = 1L;

    /** A failed batch element. */
    public record Failure(int element, SolveStatus status) {
    }

    private final transient List<Failure> failures;
    private final int batchSize;

    public LayerSolveException(List<Failure> failures, int batchSize, boolean batched) {
        super(message(failures, batchSize, batched));
        this.failures = Collections.unmodifiableList(new ArrayList<>(failures));
        this.batchSize = batchSize;
    }

    private static String message(List<Failure> failures, int batchSize, boolean batched) {
        StringBuilder sb = new StringBuilder();
        if (!batched) {
            sb.append("the layer's problem did not solve: status ").append(failures.get(0).status());
        } else {
            sb.append(failures.size()).append(" of ").append(batchSize).append(" batch elements did not solve: ");
            int shown = Math.min(failures.size(), 10);
            for (int k = 0; k < shown; k++) {
                Failure f = failures.get(k);
                sb.append(k > 0 ? ", " : "").append("element ").append(f.element()).append(' ').append(f.status());
            }
            if (shown < failures.size()) {
                sb.append(", …");
            }
        }
        sb.append(" (set LayerSettings.onFailure(NAN) to get NaN outputs and per-element statuses instead)");
        return sb.toString();
    }

    /** The failed elements in element order. */
    public List<Failure> failures() {
        return failures;
    }

    /** The call's batch size (1 for an unbatched call). */
    public int batchSize() {
        return batchSize;
    }
}
