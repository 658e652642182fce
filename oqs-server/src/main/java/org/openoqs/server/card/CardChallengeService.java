package org.openoqs.server.card;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.server.facility.Facility;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One-time challenges for card confirmations: 32 random bytes bound to the facility, the card and the credential,
 * valid {@link #TTL} and usable once. Consuming is a single conditional UPDATE, so two confirmations racing with
 * the same challenge cannot both succeed, also across service instances.
 *
 * <p>Bounded (docs/security.md, "Card and API"): a facility holds at most {@code oqs.card.max-open-challenges}
 * (default {@value #DEFAULT_MAX_OPEN_PER_FACILITY}) unused, unexpired challenges, and at most
 * {@value #MAX_OPEN_PER_CARD} for one card; beyond that the answer is 429 {@link ErrorCode#TOO_MANY_CARD_CHALLENGES}.
 * Expired challenges are deleted ({@link #deleteExpired}, run every minute by {@link CardChallengeCleanup}).
 */
@Service
public class CardChallengeService {

    public static final Duration TTL = Duration.ofMinutes(2);
    /** A reader asks one challenge per reading and uses it within seconds; a dozen readers never hold 100 open. */
    public static final int DEFAULT_MAX_OPEN_PER_FACILITY = 100;
    /** One card is on one reader: a few retries at most. */
    public static final int MAX_OPEN_PER_CARD = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CardRegistry cards;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxOpenPerFacility;

    public CardChallengeService(CardRegistry cards, JdbcClient jdbc, Clock clock,
            @Value("${oqs.card.max-open-challenges:" + DEFAULT_MAX_OPEN_PER_FACILITY + "}") int maxOpenPerFacility) {
        if (maxOpenPerFacility < MAX_OPEN_PER_CARD) {
            throw new IllegalArgumentException("oqs.card.max-open-challenges must be at least " + MAX_OPEN_PER_CARD);
        }
        this.cards = cards;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxOpenPerFacility = maxOpenPerFacility;
    }

    public record Challenge(String challengeId, String nonce, Instant expiresAt) {
    }

    /**
     * @throws CardApiException {@link ErrorCode#CARD_NOT_FOUND}, {@link ErrorCode#SMARTPHONE_NOT_ENABLED},
     *         {@link ErrorCode#TOO_MANY_CARD_CHALLENGES}
     */
    public Challenge create(Facility facility, String cardId, CredentialKind kind) {
        MyNumberCard card = cards.require(cardId);
        if (kind.isSmartphone() && !facility.settings().smartphone()) {
            throw new CardApiException(ErrorCode.SMARTPHONE_NOT_ENABLED);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        refuseWhenTooManyOpen(facility.institutionCode(), card.cardId(), now);
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        Challenge c = new Challenge(UUID.randomUUID().toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(nonce),
                now.plus(TTL));
        jdbc.sql("insert into card_challenge (challenge_id, card_id, credential_kind, institution_code, nonce, issued_at, "
                        + "expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(c.challengeId(), card.cardId(), kind.name(), facility.institutionCode(), c.nonce(),
                        CardCredentialStore.utc(now), CardCredentialStore.utc(c.expiresAt()))
                .update();
        return c;
    }

    // The count and the insert are not one statement: concurrent requests of one facility may pass the check
    // together, so the bound can be exceeded by at most the number of requests in flight (the server's threads).
    private void refuseWhenTooManyOpen(String institutionCode, String cardId, Instant now) {
        java.util.Map<String, Object> open = jdbc.sql("select count(*) as total, "
                        + "coalesce(sum(case when card_id = ? then 1 else 0 end), 0) as for_card from card_challenge "
                        + "where institution_code = ? and used_at is null and expires_at > ?")
                .params(cardId, institutionCode, CardCredentialStore.utc(now)).query().singleRow();
        long total = ((Number) open.get("total")).longValue();
        long forCard = ((Number) open.get("for_card")).longValue();
        if (total >= maxOpenPerFacility) {
            throw new CardApiException(ErrorCode.TOO_MANY_CARD_CHALLENGES, "医療機関等で上限 " + maxOpenPerFacility + " 件");
        }
        if (forCard >= MAX_OPEN_PER_CARD) {
            throw new CardApiException(ErrorCode.TOO_MANY_CARD_CHALLENGES, "1枚のカードで上限 " + MAX_OPEN_PER_CARD + " 件");
        }
    }

    /** Deletes the challenges that expired before {@code now} (used or not); returns how many. */
    public int deleteExpired(Instant now) {
        return jdbc.sql("delete from card_challenge where expires_at <= ?").param(CardCredentialStore.utc(now)).update();
    }

    /**
     * Marks the challenge used and returns its nonce; empty when it is unknown, expired, used, or not this
     * facility's, card's or credential's.
     */
    public Optional<String> consume(String challengeId, Facility facility, String cardId, CredentialKind kind) {
        if (challengeId == null || challengeId.length() > 64) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<String> nonce = jdbc.sql("select nonce from card_challenge where challenge_id = ? and card_id = ? "
                        + "and credential_kind = ? and institution_code = ?")
                .params(challengeId, cardId, kind.name(), facility.institutionCode())
                .query(String.class).optional();
        if (nonce.isEmpty()) {
            return Optional.empty();
        }
        int used = jdbc.sql("update card_challenge set used_at = ? where challenge_id = ? and used_at is null "
                        + "and expires_at > ?")
                .params(CardCredentialStore.utc(now), challengeId, CardCredentialStore.utc(now)).update();
        return used == 1 ? nonce : Optional.empty();
    }
}
