package org.openoqs.core.archfixture;

/**
 * Test fixture only (oqs-app test sources): a class in an {@code org.openoqs.core} package doing file I/O, which
 * {@code ModuleRulesTest} must report. Never part of oqs-core itself.
 */
public final class CoreReadingAFile {

    private CoreReadingAFile() {
    }

    public static byte[] read(String name) throws java.io.IOException {
        return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(name));
    }
}
