package org.openoqs.server.card;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.pki.IndividualCertificateAuthority;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.device.DeviceCaller;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certifies the key of a card credential (docs/card-path.md, "Issuing"; docs/security.md, "Card and API"). Only
 * the card's issuer certifies: the individuals' CA when the card is made ({@link #issueAtCardCreation} — the demo
 * makes the personas' cards this way and hands them to its reader), never a facility's reader: a reader asking
 * ({@link #refuseReader}) gets {@link ErrorCode#CARD_KEY_ISSUER_ONLY} and nothing changes, since a facility that could
 * certify its own key for a predictable card id would take over someone else's card. A credential has at most one
 * current certificate (unique constraint, V85); a new card for the same credential supersedes and revokes the old
 * one. The certificate follows the registry: its notAfter is the end of the card's certificate expiry day (JST), a
 * card registered as expired gets a certificate that already expired, and a card registered as revoked gets one
 * that is revoked at once (紛失届).
 */
@Service
public class CardIssuanceService {

    public static final String ACTION = "CARD_CERTIFICATE_ISSUE";
    /** How the audit trail names the issuer when it makes a card. */
    public static final String ISSUER_ACTOR = "issuer:individual-ca";
    /** JPKI user certificates are valid for five birthdays; the registry's expiry date is the end. */
    private static final int VALIDITY_YEARS = 5;

    private final CardRegistry cards;
    private final CardCredentialStore credentials;
    private final IndividualCa ca;
    private final CardPinService pins;
    private final AuditLog audit;
    private final Clock clock;

    public CardIssuanceService(CardRegistry cards, CardCredentialStore credentials, IndividualCa ca, CardPinService pins,
            AuditLog audit, Clock clock) {
        this.cards = cards;
        this.credentials = credentials;
        this.ca = ca;
        this.pins = pins;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the card stores after issuing: its certificate, the CA's, and its PIN state. */
    public record Issued(X509Certificate certificate, X509Certificate caCertificate, boolean pinLocked,
            long pinResetGeneration) {
    }

    /**
     * A facility's reader asked to certify a card key: always refused, audited under the reader, nothing stored.
     *
     * @throws CardApiException {@link ErrorCode#CARD_KEY_ISSUER_ONLY} (403)
     */
    public void refuseReader(DeviceCaller caller, String cardId) {
        String card = cardId == null ? "" : cardId.replaceAll("[^A-Za-z0-9]", "?");
        audit.append(caller.institutionCode(), caller.actor(), ACTION,
                "card=" + (card.length() > 32 ? card.substring(0, 32) + "…" : card),
                "REFUSED " + ErrorCode.CARD_KEY_ISSUER_ONLY.code());
        throw new CardApiException(ErrorCode.CARD_KEY_ISSUER_ONLY);
    }

    /**
     * The issuer makes a card: the key pair was generated on the card (the chip keeps the private key), the
     * individuals' CA certifies the public key. {@code replacing} is a new card for a credential that has one
     * (再発行): the old certificate is superseded and revoked ({@code superseded}) in the same transaction; without
     * it a credential that already has a certificate is refused.
     *
     * @param issuerActor who made the card, for the audit trail (e.g. {@code issuer:individual-ca operator:demo-setup})
     * @throws CardApiException {@link ErrorCode#CARD_NOT_FOUND} (404), {@link ErrorCode#CARD_ALREADY_ISSUED} (409)
     */
    @Transactional
    public Issued issueAtCardCreation(String cardId, CredentialKind kind, byte[] publicKeyDer, String issuerActor,
            boolean replacing) {
        MyNumberCard card = cards.require(cardId);
        PublicKey publicKey = publicKey(publicKeyDer);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        java.util.Optional<StoredCredential> current = credentials.current(card.cardId(), kind);
        if (current.isPresent()) {
            if (!replacing) {
                record(null, issuerActor, card, kind, "REFUSED " + ErrorCode.CARD_ALREADY_ISSUED.code());
                throw new CardApiException(ErrorCode.CARD_ALREADY_ISSUED);
            }
            credentials.revoke(current.get().serialHex(), "superseded", now);
            credentials.supersede(current.get().serialHex());
        }
        LocalDate expiry = card.certificateExpiry() != null ? card.certificateExpiry()
                : LocalDate.now(clock).plusYears(VALIDITY_YEARS);
        Instant notAfter = expiry.plusDays(1).atStartOfDay(ServerConfig.TOKYO).toInstant().minusSeconds(1);
        Instant notBefore = notAfter.isAfter(now) ? now.minus(5, ChronoUnit.MINUTES)
                : notAfter.atZone(ServerConfig.TOKYO).minusYears(VALIDITY_YEARS).toInstant();
        java.math.BigInteger serial = IndividualCertificateAuthority.newSerial();
        X509Certificate cert = ca.authority().issueUserCertificate(serial, card.cardId(), ouOf(kind), publicKey,
                notBefore, notAfter);
        String serialHex = serial.toString(16).toUpperCase(java.util.Locale.ROOT);
        try {
            credentials.insert(new StoredCredential(serialHex, card.cardId(), kind,
                    IndividualCertificateAuthority.pem(cert), notBefore, notAfter, now, null), null);
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException raced) {
            // another issuance for this credential committed first: the constraint keeps one current certificate
            throw new CardApiException(ErrorCode.CARD_ALREADY_ISSUED);
        }
        if (card.status() == CardStatus.CERTIFICATE_REVOKED) {
            credentials.revoke(serialHex, "keyCompromise", now);
        }
        record(null, issuerActor, card, kind, "OK serial=" + serialHex + " status=" + card.status().name()
                + (current.isPresent() ? " superseded=" + current.get().serialHex() : ""));
        return new Issued(cert, ca.caCertificate(), card.status() == CardStatus.PIN_LOCKED,
                pins.resetOf(card.cardId()).map(CardPinService.PinReset::generation).orElse(0L));
    }

    private static String ouOf(CredentialKind kind) {
        return switch (kind) {
            case MY_NUMBER_CARD -> "MyNumberCard";
            case SMARTPHONE_ANDROID -> "Smartphone Android";
            case SMARTPHONE_IPHONE -> "Smartphone iPhone";
        };
    }

    private void record(String institutionCode, String actor, MyNumberCard card, CredentialKind kind, String outcome) {
        audit.append(institutionCode, actor, ACTION,
                "card=" + card.cardId() + ";credential=" + kind.cliName() + ";person=" + card.personId(), outcome);
    }

    static byte[] decode(String base64) {
        try {
            if (base64 == null || base64.isBlank() || base64.length() > 8192) {
                throw new IllegalArgumentException("missing");
            }
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new CardApiException(ErrorCode.MALFORMED_JSON, "base64 の値が正しくありません");
        }
    }

    private static PublicKey publicKey(byte[] der) {
        if (der == null) {
            throw new CardApiException(ErrorCode.MALFORMED_JSON, "公開鍵（EC P-256）を読み取れません");
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof java.security.interfaces.ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new GeneralSecurityException("not P-256");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new CardApiException(ErrorCode.MALFORMED_JSON, "公開鍵（EC P-256）を読み取れません");
        }
    }
}
