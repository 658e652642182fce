package org.openoqs.app.distribution;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.openoqs.terminal.distribution.PackageArchive;

/** Builds a package ZIP from a folder: the manifest ({@code oqs-package.properties}) first, then every file. */
public final class PackageBuilder {
    private PackageBuilder() {
    }

    public static void build(String component, String version, Path contentDir, Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(PackageArchive.MANIFEST));
            z.write(("component=" + component + "\nversion=" + version + "\n").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            if (contentDir == null) {
                return;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(contentDir)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String name = contentDir.relativize(file).toString().replace('\\', '/');
                if (name.equals(PackageArchive.MANIFEST)) {
                    continue;
                }
                z.putNextEntry(new ZipEntry(name));
                Files.copy(file, z);
                z.closeEntry();
            }
        }
    }
}
