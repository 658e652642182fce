package org.openoqs.terminal.linkage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Shared helpers: fast settings, dropping requests like a レセコン does, polling. */
final class LinkageTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private LinkageTestSupport() {
    }

    /** Short intervals so tests run in milliseconds; the rescan is the backstop, not the main path. */
    static LinkageSettings fastSettings() {
        return LinkageSettings.defaults()
                .withRescanInterval(Duration.ofMillis(100))
                .withStableFor(Duration.ofMillis(20))
                .withRetryDelays(Duration.ofMillis(20), Duration.ofMillis(100))
                .withShutdownTimeout(Duration.ofSeconds(5));
    }

    /** Writes under a temporary name and renames into place, as a well-behaved レセコン does. */
    static void drop(Path folder, String name, String content) throws IOException {
        drop(folder, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static void drop(Path folder, String name, byte[] content) throws IOException {
        Path temporary = folder.resolve("." + name + ".tmp");
        Files.write(temporary, content);
        Files.move(temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static void awaitCondition(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
