package org.openoqs.server.audit;

import java.nio.file.Path;

/**
 * Where the audit chain's key lives ({@code ServerConfig#effectiveAuditKeyFile()}); a bean of the application, so
 * that the audit package does not reach back into the application's configuration record.
 */
public record AuditKeyFile(Path path) {
}
