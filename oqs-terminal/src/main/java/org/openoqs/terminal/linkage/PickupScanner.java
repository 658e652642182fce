package org.openoqs.terminal.linkage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which files of {@code req} to take, and when. Every method runs on the agent's single scanner thread, so
 * decisions never race each other; the sets other threads read are concurrent.
 *
 * <p>A request file is dispatched when it matches the request grammar, is a regular file, is not already in flight,
 * has no uncollected earlier result under the same name, and its size and modification time have stayed the same for
 * {@code stableFor} across at least two looks.
 */
final class PickupScanner {

    private static final Logger log = LoggerFactory.getLogger(PickupScanner.class);

    private record Observation(long size, FileTime modified, long firstSeenNanos) {
        boolean matches(BasicFileAttributes attributes) {
            return size == attributes.size() && modified.equals(attributes.lastModifiedTime());
        }
    }

    private final LinkageFolders folders;
    private final Duration stableFor;
    private final AnswerJournal journal;
    private final Set<String> inFlight;
    private final ScheduledExecutorService scannerThread;
    private final Consumer<String> dispatch;

    private final Map<String, Observation> unstable = new ConcurrentHashMap<>();
    private final Set<String> waitingForCollection = ConcurrentHashMap.newKeySet();
    private final Set<String> recheckScheduled = new HashSet<>();
    private final Set<String> reportedForeign = new HashSet<>();

    /**
     * @param inFlight names taken and not yet answered; this class adds a name just before dispatching it, the agent
     *                 removes it when done with it
     * @param dispatch hands a stable request name over for claiming and answering
     */
    PickupScanner(LinkageFolders folders, Duration stableFor, AnswerJournal journal, Set<String> inFlight,
                  ScheduledExecutorService scannerThread, Consumer<String> dispatch) {
        this.folders = folders;
        this.stableFor = stableFor;
        this.journal = journal;
        this.inFlight = inFlight;
        this.scannerThread = scannerThread;
        this.dispatch = dispatch;
    }

    /** True while a request file has been seen but not yet judged stable. */
    boolean hasUnstableCandidates() {
        return !unstable.isEmpty();
    }

    int waitingForCollectionCount() {
        return waitingForCollection.size();
    }

    /** Looks at every entry of {@code req} and forgets state about files that are gone. */
    void fullScan() {
        Set<String> present = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folders.req())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                present.add(name);
                consider(name);
            }
        } catch (IOException e) {
            log.warn("cannot list request folder {}: {}", folders.req(), e.toString());
            return;
        }
        unstable.keySet().retainAll(present);
        waitingForCollection.retainAll(present);
        reportedForeign.retainAll(present);
        journal.forgetIf(entry -> entry.stage() == JournalEntry.Stage.DONE
                && !inFlight.contains(entry.requestName()) && !resultExists(entry.resultFileName()));
    }

    /** Looks at one entry of {@code req} (after a watch event, a rescan or a scheduled re-look). */
    void consider(String name) {
        switch (RequestNames.classify(name)) {
            case TEMPORARY:
                return;
            case FOREIGN:
                reportForeignOnce(name, "its name is not a request name");
                return;
            case REQUEST:
                break;
        }
        if (inFlight.contains(name)) {
            return; // a request of the same name is being answered; looked at again by a later scan
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(folders.req().resolve(name), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            unstable.remove(name);
            return;
        } catch (IOException e) {
            log.warn("cannot read attributes of request {}: {}", name, e.toString());
            return;
        }
        if (!attributes.isRegularFile()) {
            reportForeignOnce(name, "it is not a regular file");
            return;
        }
        if (earlierResultUncollected(name)) {
            unstable.remove(name);
            return;
        }
        if (!isStable(name, attributes)) {
            return;
        }
        inFlight.add(name); // before leaving "unstable", so that the agent never looks idle in between
        unstable.remove(name);
        dispatch.accept(name);
    }

    private boolean earlierResultUncollected(String name) {
        JournalEntry earlier = journal.latest(name);
        boolean waiting = earlier != null && earlier.stage() == JournalEntry.Stage.DONE
                && resultExists(earlier.resultFileName());
        if (!waiting) {
            waitingForCollection.remove(name);
        } else if (waitingForCollection.add(name)) {
            log.warn("request {} was sent again while its earlier result {} is still in {}; it waits until that "
                    + "result has been collected", name, earlier.resultFileName(), folders.res());
        }
        return waiting;
    }

    private boolean resultExists(String resultFileName) {
        return Files.exists(folders.res().resolve(resultFileName), LinkOption.NOFOLLOW_LINKS);
    }

    private boolean isStable(String name, BasicFileAttributes attributes) {
        long now = System.nanoTime();
        Observation seen = unstable.get(name);
        if (seen == null && CompleteFileCheck.looksComplete(folders.req().resolve(name), attributes.size())) {
            return true; // its tail proves the writer finished: no need to watch it stand still
        }
        if (seen == null || !seen.matches(attributes)) {
            unstable.put(name, new Observation(attributes.size(), attributes.lastModifiedTime(), now));
            scheduleRecheck(name, stableFor.toNanos());
            return false;
        }
        long unchangedFor = now - seen.firstSeenNanos();
        if (unchangedFor < stableFor.toNanos()) {
            scheduleRecheck(name, stableFor.toNanos() - unchangedFor);
            return false;
        }
        return true;
    }

    private void scheduleRecheck(String name, long delayNanos) {
        if (!recheckScheduled.add(name)) {
            return; // the pending re-look will see the latest state
        }
        try {
            scannerThread.schedule(() -> {
                recheckScheduled.remove(name);
                try {
                    consider(name);
                } catch (RuntimeException e) {
                    log.error("looking at request {} failed", name, e);
                }
            }, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            recheckScheduled.remove(name); // shutting down
        }
    }

    private void reportForeignOnce(String name, String reason) {
        if (reportedForeign.add(name)) {
            log.info("leaving {} in {} alone: {}", name, folders.req(), reason);
        }
    }
}
