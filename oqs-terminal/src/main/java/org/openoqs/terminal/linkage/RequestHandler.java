package org.openoqs.terminal.linkage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.openoqs.files.DurableWrites;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims one request and answers it, following the journal protocol described on {@link LinkageAgent}. Runs on the
 * worker threads; the agent guarantees that one request name is handled by one thread at a time.
 */
final class RequestHandler {

    enum Outcome {
        /** The result is published and journaled, the claimed copy is gone. */
        ANSWERED,
        /** The request could not be moved out of {@code req}; a later scan looks at it again. */
        NOT_CLAIMED,
        /** The request is kept in {@code work/processing} and must be answered later. */
        RETRY,
        /**
         * Like {@link #RETRY}, because the central service was unavailable and the request's service outage
         * timeout has not passed yet: the next attempt should come no later than that deadline.
         */
        RETRY_AWAITING_SERVICE
    }

    /** What one call of the processor gave: a result, or none and whether that was the service's fault. */
    private record Attempt(ProcessedResult result, boolean awaitingService) {
        static final Attempt FAILED = new Attempt(null, false);
        static final Attempt AWAITING_SERVICE = new Attempt(null, true);
    }

    private static final Logger log = LoggerFactory.getLogger(RequestHandler.class);

    private final LinkageFolders folders;
    private final long maxRequestBytes;
    private final RequestProcessor processor;
    private final AnswerJournal journal;
    private final Duration serviceOutageTimeout;
    private final ResultFolderCondition resultFolder;
    // Two different requests could map to the same result name; only one may publish it.
    private final Set<String> resultNamesBeingPublished = ConcurrentHashMap.newKeySet();
    private final AtomicLong fileErrorAnswers = new AtomicLong();

    RequestHandler(LinkageFolders folders, long maxRequestBytes, RequestProcessor processor, AnswerJournal journal,
            Duration serviceOutageTimeout, ResultFolderCondition resultFolder) {
        this.folders = folders;
        this.maxRequestBytes = maxRequestBytes;
        this.processor = processor;
        this.journal = journal;
        this.serviceOutageTimeout = serviceOutageTimeout;
        this.resultFolder = resultFolder;
    }

    /**
     * Moves the request from {@code req} to {@code work/processing}, then answers it.
     *
     * @param waitingSinceMillis when the agent took the request (epoch millis), for the service outage timeout
     */
    Outcome claimAndAnswer(String name, long waitingSinceMillis) {
        Path source = folders.req().resolve(name);
        Path claimed = folders.processing().resolve(name);
        try {
            if (Files.exists(claimed, LinkOption.NOFOLLOW_LINKS)) {
                log.error("cannot claim request {}: {} already exists", name, claimed);
                return Outcome.NOT_CLAIMED;
            }
            journal.claimed(name);
            DurableWrites.moveIntoPlace(source, claimed, false); // moves a link as a link, never follows it
        } catch (NoSuchFileException e) {
            log.debug("request {} vanished before it could be claimed (withdrawn, or taken by another agent)", name);
            return Outcome.NOT_CLAIMED;
        } catch (IOException e) {
            log.warn("cannot claim request {}; it stays in {} for a later scan: {}", name, folders.req(), e.toString());
            return Outcome.NOT_CLAIMED;
        }
        return answerClaimed(name, waitingSinceMillis);
    }

    /**
     * Answers a request already in {@code work/processing}: a retry, or a copy found at start-up. The journal says
     * how far an earlier attempt got, so a published result is never published a second time.
     *
     * @param waitingSinceMillis when the agent took the request (epoch millis), for the service outage timeout
     */
    Outcome answerClaimed(String name, long waitingSinceMillis) {
        Path claimed = folders.processing().resolve(name);
        try {
            JournalEntry last = journal.latest(name);
            if (last != null && last.stage() == JournalEntry.Stage.DONE) {
                // Published already; only the clean-up is missing. DONE is journaled again only if its line never
                // reached the file (a failed append): one completion line per answer, also across restarts.
                if (!journal.isLatestOnDisk(name)) {
                    journal.done(name, last.resultFileName(), last.sha256());
                }
                Files.deleteIfExists(claimed);
                log.info("request {} had been answered with {}; removed its claimed copy", name, last.resultFileName());
                return Outcome.ANSWERED;
            }
            if (last != null && last.stage() == JournalEntry.Stage.WRITING && isPublished(last)) {
                journal.done(name, last.resultFileName(), last.sha256());
                Files.deleteIfExists(claimed);
                log.info("request {} had been answered with {} just before a crash; journaled it", name,
                        last.resultFileName());
                return Outcome.ANSWERED;
            }
            RequestFile request = read(name, claimed);
            Attempt attempt = process(request, waitingSinceMillis);
            if (attempt.result() == null) {
                return attempt.awaitingService() ? Outcome.RETRY_AWAITING_SERVICE : Outcome.RETRY;
            }
            ProcessedResult result = attempt.result();
            if (changedSinceRead(request, claimed)) {
                log.warn("request {} was rewritten while it was being answered; the answer is dropped and the "
                        + "request read again", name);
                return Outcome.RETRY;
            }
            publish(name, claimed, result);
            if (result.reportsFileError()) {
                fileErrorAnswers.incrementAndGet();
            }
            return Outcome.ANSWERED;
        } catch (IOException e) {
            log.warn("answering request {} failed; it stays in {} and is retried: {}", name, folders.processing(),
                    e.toString());
            return Outcome.RETRY;
        }
    }

    /** Results published since start that say the whole file failed ({@link ProcessedResult#reportsFileError()}). */
    long fileErrorAnswers() {
        return fileErrorAnswers.get();
    }

    /** True if the result the entry was about to publish is in {@code res}, byte for byte. */
    private boolean isPublished(JournalEntry writing) throws IOException {
        Path target = folders.res().resolve(writing.resultFileName());
        if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (Sha256.hex(readWithoutFollowing(target)).equals(writing.sha256())) {
            return true;
        }
        log.warn("{} is not the result journaled for request {}; the request is processed again", target,
                writing.requestName());
        return false;
    }

    /** The processor's result, or none when the request must be retried. */
    private Attempt process(RequestFile request, long waitingSinceMillis) {
        String name = request.name();
        try {
            ProcessedResult result = processor.process(request);
            if (result == null) {
                log.error("processor returned no result for request {}; it is kept and retried", name);
            }
            return new Attempt(result, false);
        } catch (CentralServiceUnavailableException e) {
            Duration waited = Duration.ofMillis(Math.max(0, System.currentTimeMillis() - waitingSinceMillis));
            if (waited.compareTo(serviceOutageTimeout) >= 0) {
                return new Attempt(answerServiceUnavailable(request, waited, e), false);
            }
            log.warn("central service unavailable while processing request {}; it is kept and retried: {}", name,
                    e.getMessage());
            return Attempt.AWAITING_SERVICE;
        } catch (Exception | Error e) {
            log.error("processor failed on request {}; it is kept and retried", name, e);
        }
        return Attempt.FAILED;
    }

    private ProcessedResult answerServiceUnavailable(RequestFile request, Duration waited,
            CentralServiceUnavailableException cause) {
        ProcessedResult answer;
        try {
            answer = processor.answerServiceUnavailable(request, waited);
        } catch (RuntimeException | Error e) {
            log.error("processor failed to build the service-unavailable answer for request {}; it is kept and "
                    + "retried", request.name(), e);
            return null;
        }
        if (answer == null) {
            log.warn("central service unavailable for request {} since {} s; the processor has no error answer for "
                    + "that, so it is kept and retried: {}", request.name(), waited.toSeconds(), cause.getMessage());
            return null;
        }
        log.warn("central service unavailable for request {} for {} s (limit {} s); answering it with an error "
                + "result: {}", request.name(), waited.toSeconds(), serviceOutageTimeout.toSeconds(),
                cause.getMessage());
        return answer;
    }

    /**
     * True if the claimed file no longer holds the bytes that were answered: a レセコン that writes in place and
     * rewrote the file while (or after) it was read. The claim is a rename, so a writer holding the file open keeps
     * writing into the claimed copy; comparing the bytes again right before publishing catches that on any file
     * system, whatever its time-stamp resolution.
     */
    private static boolean changedSinceRead(RequestFile answered, Path claimed) throws IOException {
        if (answered.unread()) {
            return false; // never read: the answer came from the size or the kind of entry alone
        }
        return !Arrays.equals(answered.content(), readWithoutFollowing(claimed));
    }

    /**
     * Reads the claimed copy without following links. The scanner looked at the name in {@code req} before the claim,
     * so a link swapped in between arrives here: it is answered with an error, never followed (it could point at any
     * file the terminal may read). The work folder is the terminal's own, so nothing swaps the claimed copy.
     */
    private RequestFile read(String name, Path claimed) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(claimed, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            log.warn("request {} is {} rather than a regular file; it is answered with an error and not followed",
                    name, attributes.isSymbolicLink() ? "a symbolic link" : "a special file");
            return RequestFile.notARegularFile(name);
        }
        long size = attributes.size();
        if (size > maxRequestBytes) {
            log.warn("request {} has {} bytes, more than the limit of {}; handed to the processor unread", name, size,
                    maxRequestBytes);
            return RequestFile.oversizedFile(name);
        }
        return new RequestFile(name, readWithoutFollowing(claimed));
    }

    private static byte[] readWithoutFollowing(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    /** WRITING → temporary file → atomic rename into {@code res} → DONE → claimed copy deleted. */
    private void publish(String name, Path claimed, ProcessedResult result) throws IOException {
        String resultName = result.resultFileName();
        Path target = folders.res().resolve(resultName);
        if (!resultNamesBeingPublished.add(resultName)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "being published for another request right now");
        }
        try {
            if (isEarlierResult(target, resultFolder)) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "an earlier result with this name has not been collected yet");
            }
            String sha256 = Sha256.hex(result.content());
            journal.writing(name, resultName, sha256);
            try {
                // Random temporary name, created exclusively, renamed over the entry: a link planted under either
                // name is never written through. The folder is forced before returning, so before DONE.
                DurableWrites.publishNew(target, result.content(), DurableWrites.OWNER_AND_GROUP);
            } catch (FileAlreadyExistsException | ClosedByInterruptException e) {
                throw e; // not a fault of the folder
            } catch (IOException e) {
                resultFolder.writeFailed(e);
                throw e;
            }
            resultFolder.writeSucceeded();
            journal.done(name, resultName, sha256);
            Files.deleteIfExists(claimed);
            log.info("answered request {} with {}", name, resultName);
        } finally {
            resultNamesBeingPublished.remove(resultName);
        }
    }

    /**
     * True when a file or folder has the result name: an earlier answer not collected yet. A symbolic link there is
     * none of ours (the agent never publishes links); the result replaces the link itself, never what it points at.
     */
    private static boolean isEarlierResult(Path target, ResultFolderCondition resultFolder) throws IOException {
        try {
            BasicFileAttributes existing = Files.readAttributes(target, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (existing.isSymbolicLink()) {
                log.warn("{} is a symbolic link, not a result of this terminal; the result replaces the link", target);
                return false;
            }
            return true;
        } catch (NoSuchFileException absent) {
            return false;
        } catch (IOException e) {
            resultFolder.writeFailed(e); // the folder itself cannot be looked into: unmounted, replaced, broken
            throw e;
        }
    }
}
