package org.openoqs.terminal.central;

/** Why the agent refused a package (machine-readable; the exception carries the Japanese message). */
public enum RefusalReason {
    /** The detached signature is missing, wrong, or not from a code-signing certificate of the CA. */
    SIGNATURE,
    /** The service sent more (or fewer) bytes than the size it listed; the download stopped at the listed size. */
    SIZE,
    /** The downloaded bytes do not have the SHA-256 the service listed. */
    HASH,
    /** No readable {@code oqs-package.properties}, or it names another component or version. */
    MANIFEST,
    /** Unsafe or oversized ZIP content. */
    ARCHIVE
}
