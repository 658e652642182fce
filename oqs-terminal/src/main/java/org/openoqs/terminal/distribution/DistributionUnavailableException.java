package org.openoqs.terminal.distribution;

/** The distribution service could not be used now; the problem says which layer failed. Retried next cycle. */
public final class DistributionUnavailableException extends RuntimeException {
    private final ConnectionProblem problem;

    public DistributionUnavailableException(ConnectionProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public ConnectionProblem problem() {
        return problem;
    }
}
