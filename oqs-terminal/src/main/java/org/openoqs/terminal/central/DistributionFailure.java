package org.openoqs.terminal.central;

/**
 * What a failed call of the {@link DistributionServer} port carries, whether the service was unreachable
 * ({@link DistributionUnavailableException}) or refused ({@link DistributionRefusedException}): the precise problem
 * for the connection check, the agent's heartbeat and {@code oqs distribution}. Catch both as
 * {@code catch (DistributionUnavailableException | DistributionRefusedException e)} and read {@code e.problem()}.
 */
public interface DistributionFailure {

    ConnectionProblem problem();
}
