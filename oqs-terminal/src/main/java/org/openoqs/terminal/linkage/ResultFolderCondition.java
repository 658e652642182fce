package org.openoqs.terminal.linkage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether results can currently be published into {@code res}. A failed write (disk full, read-only mount, no
 * permission) starts a problem, logged once as an error with what the operator must do; the next successful
 * publication ends it, logged once too. Between the two the requests stay claimed and are retried, so nothing is
 * lost and the log is not flooded.
 */
final class ResultFolderCondition {

    private static final Logger log = LoggerFactory.getLogger(ResultFolderCondition.class);

    private final Path folder;
    private final AtomicReference<FolderProblem> problem = new AtomicReference<>();

    ResultFolderCondition(Path folder) {
        this.folder = folder;
    }

    void writeFailed(IOException failure) {
        FolderProblem now = new FolderProblem(folder, describe(failure), Instant.now());
        if (problem.compareAndSet(null, now)) {
            log.error("cannot write results into {}: {}. Requests are kept in the work folder and answered as soon "
                    + "as the folder is writable again (free disk space / make it writable)", folder, now.detail());
        }
    }

    void writeSucceeded() {
        FolderProblem ended = problem.getAndSet(null);
        if (ended != null) {
            log.info("results can be written into {} again (problem since {}: {})", folder, ended.since(),
                    ended.detail());
        }
    }

    Optional<FolderProblem> current() {
        return Optional.ofNullable(problem.get());
    }

    // FileSystemException.getMessage() repeats the path; the reason alone ("No space left on device") is clearer.
    private static String describe(IOException failure) {
        if (failure instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (fs instanceof AccessDeniedException) {
                return "Permission denied";
            }
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
