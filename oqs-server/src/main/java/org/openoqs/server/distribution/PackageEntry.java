package org.openoqs.server.distribution;

import java.time.Instant;

/**
 * One package of the repository as the distribution API lists it.
 *
 * @param sha256    hex SHA-256 of the package file, computed when it was published
 * @param signed    whether a detached signature ({@code package.zip.p7s}) is present; the terminal verifies it
 *                  itself and never relies on this flag
 */
public record PackageEntry(String component, String version, long size, String sha256, Instant publishedAt,
                           boolean signed) {
}
