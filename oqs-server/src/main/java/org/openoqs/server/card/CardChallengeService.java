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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * One-time challenges for card confirmations: 32 random bytes bound to the facility, the card and the credential,
 * valid {@link #TTL} and usable once. Consuming is a single conditional UPDATE, so two confirmations racing with
 * the same challenge cannot both succeed, also across service instances.
 */
@Service
public class CardChallengeService {

    public static final Duration TTL = Duration.ofMinutes(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CardRegistry cards;
    private final JdbcClient jdbc;
    private final Clock clock;

    public CardChallengeService(CardRegistry cards, JdbcClient jdbc, Clock clock) {
        this.cards = cards;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Challenge(String challengeId, String nonce, Instant expiresAt) {
    }

    /**
     * @throws CardApiException {@link ErrorCode#CARD_NOT_FOUND}, {@link ErrorCode#SMARTPHONE_NOT_ENABLED}
     */
    public Challenge create(Facility facility, String cardId, CredentialKind kind) {
        MyNumberCard card = cards.require(cardId);
        if (kind.isSmartphone() && !facility.settings().smartphone()) {
            throw new CardApiException(ErrorCode.SMARTPHONE_NOT_ENABLED);
        }
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Challenge c = new Challenge(UUID.randomUUID().toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(nonce),
                now.plus(TTL));
        jdbc.sql("insert into card_challenge (challenge_id, card_id, credential_kind, institution_code, nonce, issued_at, "
                        + "expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(c.challengeId(), card.cardId(), kind.name(), facility.institutionCode(), c.nonce(),
                        CardCredentialStore.utc(now), CardCredentialStore.utc(c.expiresAt()))
                .update();
        return c;
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
