package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * While one transaction holds a chunk, another claims a different one at once (it neither waits nor comes back
 * empty), and a chunk that failed is not claimed again before its retry time. On the embedded H2 database, whose
 * {@code ORDER BY … LIMIT} would hide every chunk behind a locked first one.
 */
class ChunkClaimTest {

    private final SharedServer shared = SharedServer.get();

    @Test
    void aSecondTransactionClaimsAnotherChunkWithoutWaiting() throws Exception {
        BulkWorkers workers = shared.server().bean(BulkWorkers.class);
        BulkJobStore store = shared.server().bean(BulkJobStore.class);
        TransactionTemplate tx = new TransactionTemplate(shared.server().bean(PlatformTransactionManager.class));
        BulkFixture.Facility facility = BulkFixture.clinic(false);
        workers.pause();
        try {
            BulkApi.upload(facility.client(), shared.base(), BulkKind.QUALIFICATION, BulkApi.qualificationUpload(
                    facility.code(), PersonaCorpus.CONFIRMATION_DATE, "claims",
                    Collections.nCopies(600, Personas.all().get(0).inquiry())));
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<BulkJobStore.Chunk> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
                BulkJobStore.Chunk chunk = store.claimNextPendingChunk(Instant.now()).orElseThrow();
                held.countDown();
                await(release);
                status.setRollbackOnly();
                return chunk;
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            Optional<BulkJobStore.Chunk> second = tx.execute(status -> {
                Optional<BulkJobStore.Chunk> chunk = store.claimNextPendingChunk(Instant.now());
                status.setRollbackOnly();
                return chunk;
            });
            long waitedMillis = (System.nanoTime() - started) / 1_000_000;
            release.countDown();
            BulkJobStore.Chunk held1 = first.get(10, TimeUnit.SECONDS);
            assertThat(second).isPresent();
            assertThat(new long[] {second.get().jobId(), second.get().chunkNo()})
                    .isNotEqualTo(new long[] {held1.jobId(), held1.chunkNo()});
            assertThat(waitedMillis).as("a locked chunk is skipped, not waited for").isLessThan(5_000);

            // a failed chunk waits for its retry time, then is claimable again
            tx.executeWithoutResult(status -> store.recordFailedAttempt(held1, Instant.now().plusSeconds(3600)));
            Optional<BulkJobStore.Chunk> meanwhile = tx.execute(status -> {
                status.setRollbackOnly();
                return store.claimNextPendingChunk(Instant.now());
            });
            assertThat(meanwhile).hasValueSatisfying(c -> assertThat(new long[] {c.jobId(), c.chunkNo()})
                    .isNotEqualTo(new long[] {held1.jobId(), held1.chunkNo()}));
            Optional<BulkJobStore.Chunk> later = tx.execute(status -> {
                status.setRollbackOnly();
                return store.claimNextPendingChunk(Instant.now().plusSeconds(7200));
            });
            assertThat(later).hasValueSatisfying(c -> assertThat(new long[] {c.jobId(), c.chunkNo(), c.attempts()})
                    .isEqualTo(new long[] {held1.jobId(), held1.chunkNo(), 1}));
            shared.server().bean(JdbcTemplate.class).update("update bulk_chunk set retry_at = null where job_id = ?",
                    held1.jobId()); // let the workers finish the job
        } finally {
            workers.resume();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
