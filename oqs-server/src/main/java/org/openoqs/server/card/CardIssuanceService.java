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
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.IssuanceStatement;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.pki.IndividualCertificateAuthority;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.device.DeviceCaller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Certifies the key of a card credential (docs/card-path.md, "Issuing"). The key is made by the card (simulator)
 * and never leaves it; the service sees the public key and a proof that the caller holds the private one. A
 * credential is certified once: a second request for a credential that has a certificate is refused, so a reader
 * can never replace a card's key. The certificate follows the registry: its notAfter is the end of the card's
 * certificate expiry day (JST), a card registered as expired gets a certificate that already expired, and a card
 * registered as revoked gets one that is revoked at once (紛失届).
 */
@Service
public class CardIssuanceService {

    public static final String ACTION = "CARD_CERTIFICATE_ISSUE";
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

    @Transactional
    public Issued issue(DeviceCaller caller, String cardId, CredentialKind kind, String publicKeyBase64,
            String proofBase64) {
        MyNumberCard card = cards.require(cardId);
        if (credentials.current(card.cardId(), kind).isPresent()) {
            record(caller, card, kind, "REFUSED " + ErrorCode.CARD_ALREADY_ISSUED.code());
            throw new CardApiException(ErrorCode.CARD_ALREADY_ISSUED);
        }
        byte[] der = decode(publicKeyBase64);
        PublicKey publicKey = publicKey(der);
        byte[] proof = decode(proofBase64);
        if (!CardSignatures.verify(publicKey, new IssuanceStatement(card.cardId(), kind, der).signingInput(), proof)) {
            record(caller, card, kind, "REFUSED " + ErrorCode.CARD_SIGNATURE_INVALID.code());
            throw new CardApiException(ErrorCode.CARD_SIGNATURE_INVALID, "鍵の所有を確認できません");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate expiry = card.certificateExpiry() != null ? card.certificateExpiry()
                : LocalDate.now(clock).plusYears(VALIDITY_YEARS);
        Instant notAfter = expiry.plusDays(1).atStartOfDay(ServerConfig.TOKYO).toInstant().minusSeconds(1);
        Instant notBefore = notAfter.isAfter(now) ? now.minus(5, ChronoUnit.MINUTES)
                : notAfter.atZone(ServerConfig.TOKYO).minusYears(VALIDITY_YEARS).toInstant();
        java.math.BigInteger serial = IndividualCertificateAuthority.newSerial();
        X509Certificate cert = ca.authority().issueUserCertificate(serial, card.cardId(), ouOf(kind), publicKey,
                notBefore, notAfter);
        String serialHex = serial.toString(16).toUpperCase(java.util.Locale.ROOT);
        credentials.insert(new StoredCredential(serialHex, card.cardId(), kind, IndividualCertificateAuthority.pem(cert),
                notBefore, notAfter, now, null), caller.institutionCode());
        if (card.status() == CardStatus.CERTIFICATE_REVOKED) {
            credentials.revoke(serialHex, "keyCompromise", now);
        }
        record(caller, card, kind, "OK serial=" + serialHex + " status=" + card.status().name());
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

    private void record(DeviceCaller caller, MyNumberCard card, CredentialKind kind, String outcome) {
        audit.append(caller.institutionCode(), caller.actor(), ACTION,
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
