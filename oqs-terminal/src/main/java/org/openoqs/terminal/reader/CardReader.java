package org.openoqs.terminal.reader;

import java.security.cert.X509Certificate;
import java.util.Optional;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PresenceStatement;

/**
 * A card reader as the terminal uses it — what a driver for a real 顔認証付きカードリーダー or 汎用カードリーダー would
 * implement: read the credential's certificate, prove the holder's presence and let the card sign, hand the card the
 * issuing office's PIN reset. {@link SimulatedCardReader} is the implementation without hardware.
 */
public interface CardReader {

    /** The certificate of the credential on the reader; empty when the card holds none yet. */
    Optional<X509Certificate> certificate(String cardId, CredentialKind kind);

    /**
     * Proves presence with {@code check} and returns the card's signature over the statement.
     *
     * @throws PresenceRefusedException wrong PIN (tries left), locked PIN, face mismatch, method not possible
     */
    byte[] sign(String cardId, CredentialKind kind, PresenceCheck check, PresenceStatement statement);

    /** Offers a reset signed by the issuing office; the card applies it only if the signature and generation hold. */
    void offerPinReset(String cardId, CredentialKind kind, long generation, byte[] signature);
}
