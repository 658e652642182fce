package org.openoqs.terminal.linkage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A folder the agent cannot write to right now (disk full, read-only, permissions), as reported in the health
 * status: which folder, the file system's own words, and since when.
 *
 * @param folder the folder
 * @param detail the error as the operating system reported it, e.g. {@code No space left on device}
 * @param since  the first failed write of the current problem
 */
public record FolderProblem(Path folder, String detail, Instant since) {

    public FolderProblem {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(since, "since");
    }
}
