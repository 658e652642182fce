package org.openoqs.terminal.central;

import org.openoqs.core.error.ErrorCode;

/**
 * The distribution service answered, but refused (HTTP 4xx: the certificate, the facility) or sent what the agent
 * cannot read. An answer, so not an outage of the service; retried the next cycle all the same.
 */
public final class DistributionRefusedException extends CentralServiceRefusedException implements DistributionFailure {
    private static final long serialVersionUID = 1L;
    private final transient ConnectionProblem problem;

    public DistributionRefusedException(ConnectionProblem problem) {
        super(ErrorCode.CENTRAL_SERVICE_REJECTED, problem.message());
        this.problem = problem;
    }

    @Override
    public ConnectionProblem problem() {
        return problem;
    }
}
