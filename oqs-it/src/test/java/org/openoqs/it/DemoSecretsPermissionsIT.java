package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19 item 8: what another local user could read from a demo home — the H2 database and demo.properties,
 * secrets.properties with the passwords — is owner only after a start of the real {@code oqs demo}, and a home whose
 * permissions were loose (as an older version left them) is repaired by the next start.
 */
class DemoSecretsPermissionsIT {

    @TempDir
    Path home;

    @Test
    void databaseAndPasswordFilesAreOwnerOnlyAndRepairedOnTheNextStart() throws Exception {
        try (DemoProcess first = DemoProcess.start(home)) {
            assertOwnerOnly();
            first.stop();
        }
        loosen(); // what an older version left: 0755 folders, 0644 files

        try (DemoProcess second = DemoProcess.start(home)) {
            assertOwnerOnly();
        }
    }

    private void assertOwnerOnly() throws Exception {
        for (Path folder : List.of(home, home.resolve("server"), home.resolve("server/db"))) {
            assertThat(permissions(folder)).as(folder.toString()).isEqualTo("rwx------");
        }
        List<Path> files = secretFiles();
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("demo.properties", "secrets.properties", "oqs.mv.db");
        for (Path file : files) {
            assertThat(permissions(file)).as(file.toString()).isEqualTo("rw-------");
        }
    }

    private List<Path> secretFiles() throws Exception {
        List<Path> files = new ArrayList<>(List.of(home.resolve("demo.properties"), home.resolve("secrets.properties")));
        try (DirectoryStream<Path> db = Files.newDirectoryStream(home.resolve("server/db"))) {
            db.forEach(file -> {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(file);
                }
            });
        }
        return files;
    }

    private void loosen() throws Exception {
        for (Path folder : List.of(home, home.resolve("server"), home.resolve("server/db"))) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path file : secretFiles()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
