package org.openoqs.core.population;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@link PersonaCorpus#files()} into {@code oqs-examples/src/main/resources/org/openoqs/examples/valid/}.
 * Run from the repository root or from {@code oqs-core}: {@code java ... WriteValidCorpus [dir]}.
 */
public final class WriteValidCorpus {

    private WriteValidCorpus() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : sourceDir();
        write(dir);
        System.out.println("wrote " + PersonaCorpus.files().size() + " files to " + dir.toAbsolutePath());
    }

    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : PersonaCorpus.files().entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** The corpus source folder, found relative to the working directory (repository root or a module). */
    static Path sourceDir() {
        Path rel = Path.of("oqs-examples", "src", "main", "resources", "org", "openoqs", "examples", "valid");
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("oqs-examples"))) {
            return cwd.resolve(rel);
        }
        return cwd.getParent().resolve(rel);
    }
}
