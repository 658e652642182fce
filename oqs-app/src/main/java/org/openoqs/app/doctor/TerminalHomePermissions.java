package org.openoqs.app.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Closes a terminal home to other local users, as the installer does (seed ch. 4/5: only req, res and face are
 * shared). The doctor's {@code folders.work-not-shared} check warns about a work folder open to others.
 */
public final class TerminalHomePermissions {
    private TerminalHomePermissions() {
    }

    /** {@code rwx------} on the terminal home and its work folder; a no-op where POSIX permissions do not exist. */
    public static void ownerOnly(Path terminalHome) throws IOException {
        for (Path dir : new Path[] {terminalHome, terminalHome.resolve("work")}) {
            if (Files.isDirectory(dir)) {
                try {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                } catch (UnsupportedOperationException notPosix) {
                    return; // Windows: the folder's ACL is the installer's job
                }
            }
        }
    }
}
