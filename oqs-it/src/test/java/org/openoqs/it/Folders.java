package org.openoqs.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/** What a レセコン does with the exchange folders. */
final class Folders {

    private Folders() {
    }

    /** Temporary name, then an atomic rename into req. */
    static void drop(Path req, String name, byte[] content) throws IOException {
        Path temp = req.resolve("." + name + ".tmp");
        Files.write(temp, content);
        Files.move(temp, req.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    static byte[] awaitFile(Path file, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + file.getFileName() + " within " + timeout);
            }
            Thread.sleep(10);
        }
        return Files.readAllBytes(file);
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
