package org.openoqs.terminal.distribution;

import org.openoqs.terminal.central.ConnectionProblem;

import org.openoqs.terminal.central.TerminalRegistration;

import java.util.List;
import java.util.Optional;

/**
 * What one cycle of the agent did.
 *
 * @param registration the 配信記録 the service confirmed; empty when the service could not be reached
 * @param installed    versions switched to in this cycle ({@code component version})
 * @param refused      packages refused in this cycle, with the Japanese reason
 * @param problem      why the service could not be used, if it could not
 */
public record CycleReport(Optional<TerminalRegistration> registration, List<String> installed, List<String> refused,
                          Optional<ConnectionProblem> problem) {
}
