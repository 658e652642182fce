package org.openoqs.server.distribution;

import java.time.Instant;

/**
 * 配信記録: a terminal as the distribution service knows it.
 *
 * @param certificateSerial   hex serial of the client certificate it presented last
 * @param certificateNotAfter that certificate's end date (the portal's expiry notice is computed from it)
 */
public record TerminalRecord(String institutionCode, String computerName, String agentVersion, Instant registeredAt,
                             Instant lastSeenAt, String certificateSerial, Instant certificateNotAfter) {
}
