package org.openoqs.terminal.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * At most {@code limit} calls are open to the service at once, more callers wait and all are served; reachability
 * follows the calls' outcomes.
 */
class CentralServiceSessionsTest {

    /** Counts how many calls overlap; slow enough that 60 callers pile up. */
    private static final class SlowService implements CentralService {
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger mostOpen = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        volatile RuntimeException failure;
        volatile boolean holdUntilFull;

        @Override
        public QualificationInquiryResult inquire(QualificationInquiryRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CharacterCode resultCharacterCode() {
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            try {
                calls.incrementAndGet();
                Thread.sleep(20);
                // on a busy machine 20 ms may pass before the other callers arrive: while callers are still to come,
                // hold the call (up to 2 s) until the limit is reached, so "exactly the limit" does not hang on timing
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (holdUntilFull && calls.get() < 60 && open.get() < 20 && System.nanoTime() < until) {
                    Thread.sleep(1);
                }
                if (failure != null) {
                    throw failure;
                }
                return CharacterCode.UTF_8;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                open.decrementAndGet();
            }
        }
    }

    @Test
    void neverMoreThanTheLimitAtOnceAndEveryCallerIsServed() throws Exception {
        SlowService slow = new SlowService();
        slow.holdUntilFull = true;
        CentralServiceSessions sessions = CentralServiceSessions.around(slow, 20);
        ExecutorService callers = Executors.newFixedThreadPool(60);
        try {
            List<Future<CharacterCode>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                answers.add(callers.submit(() -> sessions.service().resultCharacterCode()));
            }
            for (Future<CharacterCode> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(CharacterCode.UTF_8);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(slow.calls.get()).isEqualTo(60);
        assertThat(slow.mostOpen.get()).isEqualTo(20);
        assertThat(sessions.mostInUse()).isEqualTo(20);
        assertThat(sessions.inUse()).isZero();
    }

    @Test
    void anOutageStartsWithTheFirstUnavailableCallAndEndsWithTheNextAnswer() {
        SlowService slow = new SlowService();
        CentralServiceSessions sessions = CentralServiceSessions.around(slow, 20);
        assertThat(sessions.outage()).isEmpty();

        slow.failure = new CentralServiceUnavailableException("connection refused (test)");
        assertThatThrownBy(() -> sessions.service().resultCharacterCode())
                .isInstanceOf(CentralServiceUnavailableException.class);
        var started = sessions.outage().orElseThrow();
        slow.failure = new CentralServiceUnavailableException("timed out (test)");
        assertThatThrownBy(() -> sessions.service().resultCharacterCode())
                .isInstanceOf(CentralServiceUnavailableException.class);

        assertThat(sessions.outage().orElseThrow().since()).isEqualTo(started.since());
        assertThat(sessions.outage().orElseThrow().detail()).as("the port and method that met it, then the failure")
                .isEqualTo("CentralService.resultCharacterCode: timed out (test)");

        slow.failure = new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_REJECTED, "refused (test)");
        assertThatThrownBy(() -> sessions.service().resultCharacterCode())
                .isInstanceOf(CentralServiceRefusedException.class);
        assertThat(sessions.outage()).as("a refusal is an answer").isEmpty();
    }

    @Test
    void aNestedCallOnTheSameThreadDoesNotWaitForASecondSession() {
        SlowService slow = new SlowService();
        CentralServiceSessions[] holder = new CentralServiceSessions[1];
        CentralService nesting = new CentralService() {
            @Override
            public QualificationInquiryResult inquire(QualificationInquiryRequest request) {
                holder[0].service().resultCharacterCode(); // a call made while holding the only session
                return null;
            }

            @Override
            public CharacterCode resultCharacterCode() {
                return slow.resultCharacterCode();
            }
        };
        holder[0] = CentralServiceSessions.around(nesting, 1);

        holder[0].service().inquire(null);

        assertThat(slow.calls.get()).isEqualTo(1);
        assertThat(holder[0].mostInUse()).isEqualTo(1);
    }
}
