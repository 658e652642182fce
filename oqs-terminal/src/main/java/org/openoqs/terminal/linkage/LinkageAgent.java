package org.openoqs.terminal.linkage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file engine of the linkage application (連携アプリ): answers every request file the レセコン drops into
 * {@code req} with exactly one result file in {@code res}. What a request means is up to the
 * {@link RequestProcessor}; this class makes the exchange durable.
 *
 * <h2>Pick-up</h2>
 * A {@link java.nio.file.WatchService} on {@code req} reports new and changed files promptly; a full rescan every
 * {@link LinkageSettings#rescanInterval()} (and one at start) catches whatever the watch missed. Only regular files
 * named like a request ({@code ^[A-Z]{3}(si|mu)[a-z]{3}\d{2}req_.+$}) are taken. Temporary names (starting with
 * {@code .} or {@code ~}, ending with {@code .tmp}, {@code .part}, {@code .crdownload}, {@code .swp}) are ignored;
 * other names are left alone and logged once. A file is taken only after its size and modification time stayed the
 * same for {@link LinkageSettings#stableFor()} across two looks, so a file written in place is not read half-way.
 *
 * <h2>Claim and answer</h2>
 * <ol>
 *   <li>journal {@code CLAIMED}, then move {@code req/<name>} to {@code work/processing/<name>} (atomic rename: of
 *       two scanners only one can take a file);</li>
 *   <li>read it without following links (or not, if larger than {@link LinkageSettings#maxRequestBytes()}, or if a
 *       symbolic link was swapped in: answered with an error) and call the processor;</li>
 *   <li>journal {@code WRITING <result> <sha256>}, write {@code res/.<result>.<random>.tmp} (created exclusively,
 *       never through a link, {@code rw-rw----}), fsync it, rename it atomically to {@code res/<result>} (the
 *       レセコン never sees a partial file), fsync {@code res} ({@link org.openoqs.files.DurableWrites});</li>
 *   <li>journal {@code DONE}: {@code <epochMillis>\t<request>\t<result>\t<sha256>};</li>
 *   <li>delete {@code work/processing/<name>}.</li>
 * </ol>
 * Every journal line is forced to disk before the next step ({@code work/answered.log}, see {@link JournalEntry}).
 *
 * <h2>Restart safety</h2>
 * At start the agent removes leftover {@code res/.*.tmp} files, compacts the journal, and answers every file left in
 * {@code work/processing} according to the latest journal entry of its name, so that a crash at any point neither
 * loses a request nor publishes a second, different result:
 * <ul>
 *   <li>crash before the move: the request is still in {@code req} and is simply taken again;</li>
 *   <li>latest entry {@code CLAIMED} (or none): nothing was published → process it again;</li>
 *   <li>{@code WRITING} and {@code res/<result>} present with the journaled sha256: published, DONE not yet
 *       journaled → journal DONE, delete the copy, do not call the processor;</li>
 *   <li>{@code WRITING} and the result absent (possibly a deleted {@code .tmp}): never published → process again;</li>
 *   <li>{@code DONE}: only the clean-up is missing → delete the copy.</li>
 * </ul>
 * {@code CLAIMED} is what makes a resubmitted name safe: without it, the copy of a second request with the name of an
 * already answered one would look finished. The one window left: if the result is published and collected by the
 * レセコン, and then the machine crashes before {@code DONE} is durable, the request is answered a second time after
 * restart; the rename → fsync → DONE sequence keeps that window to a few milliseconds.
 *
 * <h2>Same request name again</h2>
 * A request whose name was answered before is a new request only once the earlier result has been collected (deleted
 * or moved away from {@code res}). Until then it is left waiting in {@code req} (logged once) and the earlier result
 * is never overwritten. Likewise a result is never published over an existing file of the same name: the request is
 * kept and retried.
 *
 * <h2>Concurrency and failures</h2>
 * At most {@link LinkageSettings#maxConcurrent()} requests are processed at a time; more work queues and is never
 * refused. One request name is never handled by two threads at once. When the processor throws (for instance
 * {@link CentralServiceUnavailableException}) or the result cannot be written, the request stays in
 * {@code work/processing} and is retried with exponential back-off; every failure is logged with the file name.
 * A result folder that cannot be written (disk full, read-only) is reported once, kept in
 * {@link #resultFolderProblem()} for the health status, and cleared by the next successful publication.
 *
 * <h2>Service outage timeout</h2>
 * A request whose processor still finds the central service unavailable once the request has waited
 * {@link LinkageSettings#serviceOutageTimeout()} (since the agent took it; after a restart, since the journal's
 * claim) is answered with {@link RequestProcessor#answerServiceUnavailable}. Retries are timed so that one falls on
 * that deadline, so the error result comes at the timeout plus at most one attempt, not a whole back-off later.
 *
 * <h2>A request rewritten while it is answered</h2>
 * The claimed copy is read again right before its result is published; if its bytes changed (a レセコン writing
 * in place still had the file open), the answer is dropped and the request is processed again, so a result always
 * answers the bytes the file finally holds.
 */
public final class LinkageAgent implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LinkageAgent.class);

    private enum State { NEW, STARTED, CLOSED }

    // a retry aimed at the outage deadline lands this much after it, so the attempt sees the deadline as passed
    private static final long DEADLINE_MARGIN_MILLIS = 10;

    private final LinkageFolders folders;
    private final LinkageSettings settings;
    private final RequestProcessor processor;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failuresByName = new ConcurrentHashMap<>();
    // epoch millis at which the agent took each request in flight: the start of its service outage timeout
    private final Map<String, Long> waitingSince = new ConcurrentHashMap<>();
    private final ResultFolderCondition resultFolder;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final ScheduledThreadPoolExecutor scannerThread;
    private final ThreadPoolExecutor workers;

    private State state = State.NEW;
    private volatile boolean closing;
    private AnswerJournal journal;
    private RequestHandler handler;
    private volatile PickupScanner scanner;
    private FolderWatcher watcher;

    public LinkageAgent(LinkageFolders folders, LinkageSettings settings, RequestProcessor processor) {
        this.folders = Objects.requireNonNull(folders, "folders");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.processor = Objects.requireNonNull(processor, "processor");
        this.resultFolder = new ResultFolderCondition(folders.res());
        // One scanner thread: all pick-up decisions are made there, so they never race each other.
        this.scannerThread = new ScheduledThreadPoolExecutor(1, daemonThreads("oqs-linkage-scanner"));
        scannerThread.setRemoveOnCancelPolicy(true);
        scannerThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.workers = new ThreadPoolExecutor(settings.maxConcurrent(), settings.maxConcurrent(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("oqs-linkage-worker"));
        workers.allowCoreThreadTimeOut(true);
    }

    /** Recovers what an earlier run left behind, then starts watching and scanning {@code req}. */
    public synchronized void start() throws IOException {
        if (state != State.NEW) {
            throw new IllegalStateException("a linkage agent can be started once; it is " + state);
        }
        state = State.STARTED;
        Files.createDirectories(folders.req());
        Files.createDirectories(folders.res());
        Files.createDirectories(folders.processing());
        requireClaimableByRename();
        removeLeftoverTemporaryResults();
        journal = AnswerJournal.openCompacted(folders.journal(), this::stillMatters);
        handler = new RequestHandler(folders, settings.maxRequestBytes(), processor, journal,
                settings.serviceOutageTimeout(), resultFolder);
        scanner = new PickupScanner(folders, settings.stableFor(), journal, inFlight, scannerThread, this::dispatch);
        resumeClaimedRequests();
        if (settings.watchFolder()) {
            startWatcher();
        }
        scannerThread.scheduleWithFixedDelay(this::fullScan, 0, settings.rescanInterval().toNanos(),
                TimeUnit.NANOSECONDS);
        log.info("linkage agent started: req={} res={} work={} maxConcurrent={}", folders.req(), folders.res(),
                folders.work(), settings.maxConcurrent());
    }

    /**
     * Waits until every request file present in {@code req} when called has been answered (or is deliberately left
     * waiting) and nothing is in flight. Meant for tests and orderly hand-overs.
     *
     * @return false if that did not happen within {@code timeout}
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        synchronized (this) {
            if (state != State.STARTED || scanner == null) {
                throw new IllegalStateException("the linkage agent is not running");
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Future<?> scan = scannerThread.submit(this::fullScan);
        try {
            scan.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("scanning " + folders.req() + " failed", e.getCause());
        }
        while (!inFlight.isEmpty() || scanner.hasUnstableCandidates()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** The current problem writing results into {@code res}, if any (disk full, read-only …). */
    public Optional<FolderProblem> resultFolderProblem() {
        return resultFolder.current();
    }

    /** When the longest-waiting request in flight was taken; empty when nothing is in flight. */
    public Optional<Instant> oldestWaitingSince() {
        return waitingSince.values().stream().min(Long::compare).map(Instant::ofEpochMilli);
    }

    public LinkageStatus status() {
        PickupScanner current = scanner;
        RequestHandler currentHandler = handler;
        return new LinkageStatus(answered.get(), currentHandler == null ? 0 : currentHandler.fileErrorAnswers(),
                failedAttempts.get(), inFlight.size(),
                current == null ? 0 : current.waitingForCollectionCount());
    }

    /**
     * Stops taking new files and waits up to {@link LinkageSettings#shutdownTimeout()} for the requests being
     * processed. Requests claimed but not answered stay in {@code work/processing} and are answered after the next
     * start.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        }
        closing = true;
        closeQuietly(watcher);
        scannerThread.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(settings.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("requests still being processed after {}; interrupting them. They stay in {} and are "
                        + "answered after the next start", settings.shutdownTimeout(), folders.processing());
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        closeQuietly(journal);
        log.info("linkage agent stopped: {}", status());
    }

    private void requireClaimableByRename() throws IOException {
        if (!Files.getFileStore(folders.req()).equals(Files.getFileStore(folders.processing()))) {
            throw new IOException(folders.work() + " must be on the same file system as " + folders.req()
                    + ": requests are claimed by an atomic rename");
        }
    }

    // A crash while writing a result leaves res/.<result>.tmp behind; the request itself is still claimed.
    private void removeLeftoverTemporaryResults() throws IOException {
        for (Path file : list(folders.res())) {
            if (RequestNames.isTemporaryResultName(file.getFileName().toString())) {
                Files.deleteIfExists(file);
                log.info("removed {} left over from an interrupted run", file);
            }
        }
    }

    /** Journal entries worth keeping at compaction: those of claimed copies and of uncollected results. */
    private boolean stillMatters(JournalEntry entry) {
        if (Files.exists(folders.processing().resolve(entry.requestName()), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        return entry.stage() == JournalEntry.Stage.DONE
                && Files.exists(folders.res().resolve(entry.resultFileName()), LinkOption.NOFOLLOW_LINKS);
    }

    private void resumeClaimedRequests() throws IOException {
        for (Path file : list(folders.processing())) {
            // A symbolic link here is a request swapped for a link before its claim: answered with an error, not
            // left behind for ever (RequestHandler never follows it).
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            String name = file.getFileName().toString();
            log.info("resuming request {} claimed by an earlier run", name);
            inFlight.add(name);
            JournalEntry last = journal.latest(name);
            // the claim (or a later step) of the earlier run: waiting time before a crash counts, never too much
            waitingSince.put(name, last != null ? last.epochMillis() : System.currentTimeMillis());
            workers.execute(() -> runJob(name, true));
        }
    }

    private void startWatcher() {
        watcher = new FolderWatcher(folders.req(),
                name -> onScannerThread(() -> scanner.consider(name)),
                () -> onScannerThread(this::fullScan));
        try {
            watcher.start();
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("cannot watch {}; pick-up relies on the rescan every {}: {}", folders.req(),
                    settings.rescanInterval(), e.toString());
            closeQuietly(watcher);
            watcher = null;
        }
    }

    private void fullScan() {
        try {
            scanner.fullScan();
        } catch (RuntimeException e) {
            log.error("scanning {} failed", folders.req(), e); // caught: an escaping exception ends the rescans
        }
    }

    private void onScannerThread(Runnable task) {
        try {
            scannerThread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("handling a change in {} failed", folders.req(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** Called by the scanner for a stable request it has put in flight. */
    private void dispatch(String name) {
        waitingSince.put(name, System.currentTimeMillis());
        try {
            workers.execute(() -> runJob(name, false));
        } catch (RejectedExecutionException e) {
            waitingSince.remove(name);
            inFlight.remove(name); // closing: the file stays in req
        }
    }

    private void runJob(String name, boolean alreadyClaimed) {
        if (closing) {
            return; // left where it is: in req, or in work/processing for the next start
        }
        RequestHandler.Outcome outcome;
        long since = waitingSince.computeIfAbsent(name, unknown -> System.currentTimeMillis());
        try {
            outcome = alreadyClaimed ? handler.answerClaimed(name, since) : handler.claimAndAnswer(name, since);
        } catch (RuntimeException | Error e) {
            log.error("unexpected failure on request {}", name, e);
            outcome = Files.exists(folders.processing().resolve(name), LinkOption.NOFOLLOW_LINKS)
                    ? RequestHandler.Outcome.RETRY : RequestHandler.Outcome.NOT_CLAIMED;
        }
        switch (outcome) {
            case ANSWERED -> {
                answered.incrementAndGet();
                failuresByName.remove(name);
                waitingSince.remove(name);
                inFlight.remove(name);
            }
            case NOT_CLAIMED -> {
                failuresByName.remove(name);
                waitingSince.remove(name);
                inFlight.remove(name);
            }
            case RETRY -> {
                failedAttempts.incrementAndGet();
                scheduleRetry(name, false);
            }
            case RETRY_AWAITING_SERVICE -> {
                failedAttempts.incrementAndGet();
                scheduleRetry(name, true);
            }
        }
    }

    private void scheduleRetry(String name, boolean awaitingService) {
        int failures = failuresByName.merge(name, 1, Integer::sum);
        Duration backOff = settings.retryDelay(failures);
        Duration delay = awaitingService ? untilOutageDeadlineAtMost(name, backOff) : backOff;
        log.info("request {} is retried in {} ms (failure {})", name, delay.toMillis(), failures);
        try {
            scannerThread.schedule(() -> {
                try {
                    workers.execute(() -> runJob(name, true));
                } catch (RejectedExecutionException e) {
                    // closing: stays in work/processing for the next start
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing: stays in work/processing for the next start
        }
    }

    /**
     * The back-off delay, shortened so that a retry falls just after the request's service outage deadline. Only for
     * a request that failed because the service was unavailable before its deadline: the next attempt then either
     * succeeds or is answered with the processor's error result, so this never makes a request spin.
     */
    private Duration untilOutageDeadlineAtMost(String name, Duration backOff) {
        Long since = waitingSince.get(name);
        if (since == null) {
            return backOff;
        }
        long untilDeadline = since + settings.serviceOutageTimeout().toMillis() - System.currentTimeMillis();
        long justAfterDeadline = Math.max(untilDeadline, 0) + DEADLINE_MARGIN_MILLIS;
        return justAfterDeadline < backOff.toMillis() ? Duration.ofMillis(justAfterDeadline) : backOff;
    }

    private static List<Path> list(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            entries.forEach(files::add);
        }
        return files;
    }

    private static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException e) {
            log.warn("closing {} failed: {}", closeable, e.toString());
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true); // an agent the application forgot to close must not keep the JVM alive
            return thread;
        };
    }
}
