package org.openoqs.terminal.central;

/** A package the service offers, as listed: its SHA-256 is checked after the download. */
public record AvailablePackage(String component, PackageVersion version, long size, String sha256) {
}
