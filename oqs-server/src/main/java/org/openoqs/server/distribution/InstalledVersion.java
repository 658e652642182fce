package org.openoqs.server.distribution;

import java.time.Instant;

/** A component version a terminal reported as installed (アプリバージョン情報); previous = what roll-back restores. */
public record InstalledVersion(String component, String version, String previousVersion, Instant reportedAt) {
}
