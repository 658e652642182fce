package org.openoqs.server.card;

import java.time.Clock;
import java.time.Duration;
import org.openoqs.server.schedule.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Deletes expired card challenges every {@code oqs.card.challenge-cleanup-interval} (a minute by default), on each
 * instance (the DELETE is idempotent), so {@code card_challenge} holds at most the challenges of the last few
 * minutes instead of growing with every reading (docs/security.md, "Card and API").
 */
@Component
public class CardChallengeCleanup extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(CardChallengeCleanup.class);

    private final CardChallengeService challenges;
    private final Clock clock;

    public CardChallengeCleanup(CardChallengeService challenges, Clock clock,
            @Value("${oqs.card.challenge-cleanup-interval:PT1M}") Duration interval) {
        super("oqs-card-challenge-cleanup", interval);
        this.challenges = challenges;
        this.clock = clock;
    }

    /** One pass (also what the schedule runs); returns the number of deleted rows. */
    public int runOnce() {
        return challenges.deleteExpired(clock.instant());
    }

    @Override
    protected void runPass() {
        int deleted = runOnce();
        if (deleted > 0) {
            log.debug("deleted {} expired card challenges", deleted);
        }
    }
}
