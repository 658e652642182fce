package org.openoqs.terminal.cleanup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The linkage application's 消し忘れファイル機能 (the {@code OQS_exec_comappdelfile_running} and
 * {@code OQS_exec_comappdelfile_periodic} tasks of the real terminal): result files nobody collected are removed
 * once they are older than the retention, so personal data does not pile up on the shared folders.
 *
 * <ul>
 *   <li>{@code res} and {@code face}: regular files named like a result ({@code <prefix>res_…}, including the
 *       {@code face} files and {@code .err} siblings) whose last modification (= publication) is older than the
 *       retention are deleted; each deletion is logged with name and age.</li>
 *   <li>{@code req}: files older than the retention were never answered (a name the agent does not take, a request
 *       waiting for an earlier result of the same name to be collected …). They are reported — logged once per file
 *       and listed by {@link #status()} — and never deleted: a request is the レセコン's, and deleting it would lose
 *       it silently.</li>
 *   <li>Never touched: names starting with {@code .} or {@code ~} (the agent's {@code .<result>.tmp} files, a
 *       レセコン's temporary names), other names that are not results ({@code desktop.ini}, a vendor's own files),
 *       sub-folders, symbolic links, and the agent's private {@code work} folder.</li>
 * </ul>
 * Runs once at {@link #start()} and then every {@link CleanupSettings#interval()} on its own daemon thread.
 */
public final class LeftoverFileCleaner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeftoverFileCleaner.class);

    /** Result names: {@code OQSsiquc01res_…}, {@code OQSsiquc01res_face_…}. */
    private static final Pattern RESULT_NAME = Pattern.compile("^[A-Z]{3}(si|mu)[a-z]{3}\\d{2}res_.+$");

    private final Path req;
    private final List<Path> resultFolders;
    private final CleanupSettings settings;
    private final Clock clock;
    private final Map<String, Instant> reported = new ConcurrentHashMap<>();
    private volatile List<UnansweredRequest> unanswered = List.of();
    private ScheduledExecutorService timer;

    /**
     * @param req           the request folder (only reported on)
     * @param resultFolders {@code res}, and {@code face} where the terminal has one
     */
    public LeftoverFileCleaner(Path req, List<Path> resultFolders, CleanupSettings settings, Clock clock) {
        this.req = Objects.requireNonNull(req, "req");
        this.resultFolders = List.copyOf(resultFolders);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A request file left in {@code req} for longer than the retention. */
    public record UnansweredRequest(String name, Instant lastModified, Duration age) {
    }

    /** What one run did. */
    public record Report(List<Path> removed, List<UnansweredRequest> unanswered) {
    }

    /** Runs once now, then every interval. */
    public synchronized void start() {
        if (timer != null) {
            throw new IllegalStateException("already started");
        }
        runOnce();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "oqs-leftover-cleaner");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long period = settings.interval().toMillis();
        executor.scheduleWithFixedDelay(this::runQuietly, period, period, TimeUnit.MILLISECONDS);
        timer = executor;
        log.info("leftover-file cleaner started: results in {} kept {} min, checked every {} min", resultFolders,
                settings.retention().toMinutes(), settings.interval().toMinutes());
    }

    /** One pass over the folders. Safe to call at any time, also without {@link #start()}. */
    public synchronized Report runOnce() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(settings.retention());
        List<Path> removed = new ArrayList<>();
        for (Path folder : resultFolders) {
            for (Candidate candidate : list(folder)) {
                if (!isResultName(candidate.name()) || !candidate.lastModified().isBefore(cutoff)) {
                    continue;
                }
                try {
                    if (Files.deleteIfExists(candidate.path())) {
                        removed.add(candidate.path());
                        log.info("消し忘れファイルを削除しました: {} (published {}, {} min old, retention {} min)",
                                candidate.path(), candidate.lastModified(),
                                Duration.between(candidate.lastModified(), now).toMinutes(),
                                settings.retention().toMinutes());
                    }
                } catch (IOException e) {
                    log.warn("cannot delete the leftover result {}: {}", candidate.path(), e.toString());
                }
            }
        }
        List<UnansweredRequest> stale = new ArrayList<>();
        for (Candidate candidate : list(req)) {
            if (candidate.lastModified().isBefore(cutoff)) {
                UnansweredRequest request = new UnansweredRequest(candidate.name(), candidate.lastModified(),
                        Duration.between(candidate.lastModified(), now));
                stale.add(request);
                if (reported.putIfAbsent(candidate.name(), candidate.lastModified()) == null) {
                    log.warn("未処理の要求ファイルが残っています（削除はしません）: {} (written {}, {} min ago) — "
                            + "check the name and whether an earlier result of the same name waits in res",
                            req.resolve(candidate.name()), candidate.lastModified(), request.age().toMinutes());
                }
            }
        }
        reported.keySet().retainAll(stale.stream().map(UnansweredRequest::name).toList());
        stale.sort(Comparator.comparing(UnansweredRequest::lastModified));
        unanswered = List.copyOf(stale);
        return new Report(List.copyOf(removed), unanswered);
    }

    /** Requests left in {@code req} longer than the retention, oldest first, as of the last run. */
    public List<UnansweredRequest> status() {
        return unanswered;
    }

    public CleanupSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    static boolean isResultName(String name) {
        return !isTemporary(name) && RESULT_NAME.matcher(name).matches();
    }

    private static boolean isTemporary(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return name.startsWith(".") || name.startsWith("~") || lower.endsWith(".tmp") || lower.endsWith(".part");
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.error("leftover-file cleanup failed", e); // caught: an escaping exception would end the schedule
        }
    }

    private record Candidate(Path path, String name, Instant lastModified) {
    }

    /** Regular files (not links, not folders) of a folder; hidden/temporary names excluded. */
    private static List<Candidate> list(Path folder) {
        List<Candidate> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path path : entries) {
                String name = path.getFileName().toString();
                if (isTemporary(name)) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (attributes.isRegularFile()) {
                        files.add(new Candidate(path, name, attributes.lastModifiedTime().toInstant()));
                    }
                } catch (NoSuchFileException collected) {
                    // collected by the レセコン meanwhile
                }
            }
        } catch (NoSuchFileException absent) {
            // folder not created yet
        } catch (IOException e) {
            log.warn("cannot list {}: {}", folder, e.toString());
        }
        return files;
    }
}
