package org.openoqs.terminal.distribution;

import org.openoqs.terminal.central.PackageRefusedException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction never writes outside the version folder, whatever the (signed) archive says. */
class PackageArchiveTest {
    @TempDir
    Path tmp;

    @Test
    void entryClimbingOutOfTheTargetIsRefused() throws Exception {
        Path zip = tmp.resolve("evil.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("../../escaped.txt"));
            z.write(1);
        }

        assertThatThrownBy(() -> PackageArchive.extract(zip, tmp.resolve("target")))
                .isInstanceOf(PackageRefusedException.class).hasMessageContaining("不正なファイル名");
        assertThatThrownBy(() -> PackageArchive.manifest(zip)).hasMessageContaining("oqs-package.properties");
    }
}
