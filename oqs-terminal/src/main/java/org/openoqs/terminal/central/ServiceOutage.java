package org.openoqs.terminal.central;

import java.time.Instant;

/**
 * The central service has not been reachable since {@code since}; {@code detail} is the latest failure as the
 * connection reported it (refused, timed out, HTTP 503 …).
 */
public record ServiceOutage(Instant since, String detail) {
}
