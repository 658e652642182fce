package org.openoqs.server.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.openoqs.core.bulk.BulkDocumentWriter;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims one pending chunk and answers it, all in one transaction: claim ({@code FOR UPDATE SKIP LOCKED}), answer
 * every entry, store the rendered units (never over an existing answer), mark the chunk done, record the completion
 * witness, commit. Whatever fails before the commit leaves the chunk pending for any instance to take again; a
 * chunk whose transaction failed is retried after a back-off (1 s doubling to 1 min) so it cannot starve the rest.
 */
@Component
public class ChunkProcessor {

    public static final String ACTION = "BULK_ANSWER";
    private static final Logger log = LoggerFactory.getLogger(ChunkProcessor.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final BulkJobStore store;
    private final FacilityService facilities;
    private final List<UnitAnswerer> answerers;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    public ChunkProcessor(BulkJobStore store, FacilityService facilities, List<UnitAnswerer> answerers, AuditLog audit,
                          Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.facilities = facilities;
        this.answerers = List.copyOf(answerers);
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What one call of {@link #processNext} did. */
    public enum Outcome {
        /** No chunk was waiting. */
        IDLE,
        /** A chunk was answered and committed. */
        ANSWERED,
        /** A chunk was claimed but its transaction failed; it waits for its retry time. */
        FAILED
    }

    /** Answers the next pending chunk as {@code instanceId}. */
    public Outcome processNext(String instanceId) {
        AtomicReference<BulkJobStore.Chunk> claimed = new AtomicReference<>();
        try {
            return tx.execute(status -> {
                Optional<BulkJobStore.Chunk> chunk = store.claimNextPendingChunk(clock.instant());
                if (chunk.isEmpty()) {
                    return Outcome.IDLE;
                }
                claimed.set(chunk.get());
                answer(chunk.get(), instanceId);
                return Outcome.ANSWERED;
            });
        } catch (RuntimeException e) {
            BulkJobStore.Chunk chunk = claimed.get();
            if (chunk == null) {
                throw e; // the claim itself failed: the database is unreachable
            }
            Duration backoff = backoff(chunk.attempts() + 1);
            log.warn("bulk chunk {}/{} failed (attempt {}), retrying in {} s: {}", chunk.jobId(), chunk.chunkNo(),
                    chunk.attempts() + 1, backoff.toSeconds(), e.toString());
            try {
                tx.executeWithoutResult(status -> store.recordFailedAttempt(chunk, clock.instant().plus(backoff)));
            } catch (RuntimeException alsoFailed) {
                log.warn("could not record the failed attempt of bulk chunk {}/{}", chunk.jobId(), chunk.chunkNo());
            }
            return Outcome.FAILED;
        }
    }

    private void answer(BulkJobStore.Chunk chunk, String instanceId) {
        BulkJobStore.Job job = store.findById(chunk.jobId()).orElseThrow();
        Facility facility = facilities.get(job.institutionCode());
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        UnitAnswerer answerer = answerers.stream().filter(a -> a.serves(job.kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no answerer for " + job.kind()));
        long t0 = System.nanoTime();
        List<BulkJobStore.Entry> entries = store.entries(job.jobId(), chunk.firstSeq(), chunk.lastSeq());
        long t1 = System.nanoTime();
        List<AnsweredUnit> units = answerer.answer(job, facility, entries, now);
        long t2 = System.nanoTime();
        if (units.size() != entries.size()) {
            throw new IllegalStateException("answerer returned " + units.size() + " units for " + entries.size());
        }
        List<BulkJobStore.Answer> answers = new ArrayList<>(units.size());
        int normal = 0;
        for (AnsweredUnit u : units) {
            answers.add(new BulkJobStore.Answer(u.seq(), u.status(), u.resultCode(),
                    BulkDocumentWriter.renderForStorage(u.unit()), personIds(u)));
            if (u.status() == ProcessingResultStatus.COMPLETED) {
                normal++;
            }
        }
        Instant at = clock.instant();
        long t3 = System.nanoTime();
        store.saveAnswers(job.jobId(), answers, instanceId, at);
        store.completeChunk(chunk, normal, units.size() - normal, instanceId, at);
        long t4 = System.nanoTime();
        // Recorded before the commit: an access that is audited but rolled back is retried and audited again,
        // never the other way round.
        audit.append(job.institutionCode(), job.submittedBy(), ACTION,
                BulkUploadIntake.subject(job.kind(), job.receptionNumber(), job.arbitraryFileIdentifier())
                        + ";chunk=" + chunk.chunkNo() + ";seq=" + chunk.firstSeq() + "-" + chunk.lastSeq(),
                "OK normal=" + normal + " error=" + (units.size() - normal) + " by=" + instanceId);
        long t5 = System.nanoTime();
        if (log.isDebugEnabled()) {
            log.debug("bulk chunk {}/{} answered: read {} ms, answer {} ms, render {} ms, save {} ms, audit {} ms",
                    chunk.jobId(), chunk.chunkNo(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                    (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000);
        }
    }

    /** Person ids for the entry's audit column, cut to fit (the column holds 2,000 characters). */
    private static String personIds(AnsweredUnit u) {
        if (u.personIds().isEmpty()) {
            return null;
        }
        String joined = String.join(",", u.personIds());
        return joined.length() <= 2000 ? joined : joined.substring(0, 1996) + ",...";
    }

    static Duration backoff(int attempts) {
        Duration d = Duration.ofSeconds(1L << Math.min(Math.max(attempts, 1) - 1, 10));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
