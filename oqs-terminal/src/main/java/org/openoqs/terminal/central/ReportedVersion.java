package org.openoqs.terminal.central;

import java.util.Optional;

/** One component's installed version as the agent reports it to the service (配信記録), with the one before it. */
public record ReportedVersion(String component, PackageVersion current, Optional<PackageVersion> previous) {
}
