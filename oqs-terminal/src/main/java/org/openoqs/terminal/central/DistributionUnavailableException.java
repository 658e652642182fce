package org.openoqs.terminal.central;

import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * The distribution service could not be reached now; the problem says which layer failed (DNS, proxy, timeout …).
 * An outage like any other port's — the terminal's sessions count it and the health file shows it — and retried the
 * next cycle.
 */
public final class DistributionUnavailableException extends CentralServiceUnavailableException
        implements DistributionFailure {
    private static final long serialVersionUID = 1L;
    private final transient ConnectionProblem problem;

    public DistributionUnavailableException(ConnectionProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public DistributionUnavailableException(ConnectionProblem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    @Override
    public ConnectionProblem problem() {
        return problem;
    }
}
