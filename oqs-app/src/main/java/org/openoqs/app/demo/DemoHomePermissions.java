package org.openoqs.app.demo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Issue 19 item 8: the demo home holds secrets other local users must not read — the H2 database (password hashes,
 * synthetic patients, live session ids), demo.properties and the secrets file (master, crypt and PKCS#12 passwords).
 * The home and the database folder are {@code rwx------}, those files {@code rw-------}; applied at every start, so
 * a home made by an older version (0755/0644) is repaired too. Links are never followed. No-op without POSIX.
 */
final class DemoHomePermissions {

    static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private DemoHomePermissions() {
    }

    static void repair(DemoHome home) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // Windows: the ACL of the user's profile protects the home
        }
        Path server = home.serverDirectory();
        Path database = server.resolve("db");
        for (Path folder : new Path[] {home.root(), server, database}) {
            if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                set(folder, OWNER_FOLDER);
            }
        }
        for (Path file : new Path[] {home.demoProperties(), home.secrets()}) {
            setIfRegularFile(file);
        }
        if (Files.isDirectory(database, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(database)) {
                for (Path file : files) {
                    setIfRegularFile(file); // oqs.mv.db, oqs.trace.db, lock files
                }
            }
        }
    }

    private static void setIfRegularFile(Path file) throws IOException {
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            set(file, OWNER_FILE);
        }
    }

    private static void set(Path path, Set<PosixFilePermission> permissions) throws IOException {
        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setPermissions(permissions);
    }
}
