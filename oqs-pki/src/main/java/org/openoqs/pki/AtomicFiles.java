package org.openoqs.pki;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.openoqs.files.DurableWrites;

/**
 * Write-to-temp-then-rename, so a reader (or a crash) never sees a half-written key store, index or CRL.
 * The temp file lives beside the target because a rename is only atomic within one file system.
 */
final class AtomicFiles {
    static final Set<PosixFilePermission> OWNER_ONLY = DurableWrites.OWNER_ONLY;
    static final Set<PosixFilePermission> WORLD_READABLE = DurableWrites.WORLD_READABLE;

    private AtomicFiles() {
    }

    /** For private keys and passwords: 600 from the first byte (createTempFile already creates it 600). */
    static void writeSecret(Path target, byte[] data) throws IOException {
        write(target, data, OWNER_ONLY);
    }

    /** For certificates, CRLs, trust stores and the index: readable by a server running as another user. */
    static void writePublic(Path target, byte[] data) throws IOException {
        write(target, data, WORLD_READABLE);
    }

    private static void write(Path target, byte[] data, Set<PosixFilePermission> permissions) throws IOException {
        DurableWrites.replace(target, data, permissions);
    }

    static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
