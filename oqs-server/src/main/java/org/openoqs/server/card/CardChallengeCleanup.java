package org.openoqs.server.card;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes expired card challenges every {@code oqs.card.challenge-cleanup-interval} (a minute by default), on each
 * instance (the DELETE is idempotent), so {@code card_challenge} holds at most the challenges of the last few
 * minutes instead of growing with every reading (docs/security.md, "Card and API").
 */
@Component
public class CardChallengeCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CardChallengeCleanup.class);

    private final CardChallengeService challenges;
    private final Clock clock;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;

    public CardChallengeCleanup(CardChallengeService challenges, Clock clock,
            @Value("${oqs.card.challenge-cleanup-interval:PT1M}") Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("oqs.card.challenge-cleanup-interval must be positive");
        }
        this.challenges = challenges;
        this.clock = clock;
        this.interval = interval;
    }

    /** One pass (also what the schedule runs); returns the number of deleted rows. */
    public int runOnce() {
        return challenges.deleteExpired(clock.instant());
    }

    @Override
    public void start() {
        ScheduledExecutorService e = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oqs-card-challenge-cleanup");
            t.setDaemon(true);
            return t;
        });
        e.scheduleWithFixedDelay(this::runQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        executor = e;
    }

    private void runQuietly() {
        try {
            int deleted = runOnce();
            if (deleted > 0) {
                log.debug("deleted {} expired card challenges", deleted);
            }
        } catch (RuntimeException failed) { // the next pass tries again; the database may be restarting
            log.warn("card challenge cleanup failed: {}", failed.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService e = executor;
        executor = null;
        if (e != null) {
            e.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
