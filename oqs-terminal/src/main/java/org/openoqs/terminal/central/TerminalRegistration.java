package org.openoqs.terminal.central;

import java.time.Instant;

/** 配信記録 as the service confirmed it: institution code and computer name. */
public record TerminalRegistration(String institutionCode, String computerName, Instant registeredAt,
                                   Instant lastSeenAt) {
}
