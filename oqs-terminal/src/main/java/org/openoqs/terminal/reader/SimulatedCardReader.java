package org.openoqs.terminal.reader;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.openoqs.core.card.CardPin;
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PinLockStatement;
import org.openoqs.core.card.PinResetStatement;
import org.openoqs.core.card.PinRetryCounter;
import org.openoqs.core.card.PresenceStatement;
import org.openoqs.core.error.ErrorCode;

/**
 * A card reader without hardware, holding virtual cards in a {@link CardWallet} under the terminal home. It behaves
 * like the card would: it checks the PIN itself and counts wrong ones (3 → locked), signs only after presence is
 * proved, and accepts a PIN reset only with its issuer's signature. A face "match" is an input, since there is no
 * camera. The reader only holds the cards it was given: a card is made by its issuer ({@link #issueCard} — the key
 * pair is generated on the chip and the issuer certifies the public key), never personalised by the reader at a
 * facility's request; a card that is not on the reader cannot be read.
 *
 * <p>Initial PIN of every simulated credential: the last four digits of the card id (docs/card-path.md).
 */
public final class SimulatedCardReader implements CardReader {

    private final CardWallet wallet;
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

    public SimulatedCardReader(Path walletDirectory) {
        this.wallet = new CardWallet(walletDirectory);
    }

    /** The PIN a simulated card starts with. */
    public static String initialPin(String cardId) {
        String digits = cardId.replaceAll("[^0-9]", "");
        return digits.length() >= 4 ? digits.substring(digits.length() - 4) : "1234";
    }

    @Override
    public Optional<X509Certificate> certificate(String cardId, CredentialKind kind) {
        return wallet.find(cardId, kind).map(SimulatedCard::certificate);
    }

    /**
     * Makes a card as its issuer does: the key pair on the chip, the public key certified by {@code issuer}, the
     * initial PIN, the PIN counter as the issuer says (locked for a card registered locked). Keeps a card the reader
     * already holds.
     *
     * @return the card's certificate
     */
    public X509Certificate issueCard(String cardId, CredentialKind kind, CardIssuer issuer) {
        synchronized (lock(cardId, kind)) {
            Optional<SimulatedCard> existing = wallet.find(cardId, kind);
            if (existing.isPresent()) {
                return existing.get().certificate();
            }
            KeyPair keys = newKeyPair();
            CardIssuer.Issued issued = issuer.certify(cardId, kind, keys.getPublic().getEncoded());
            try {
                X509Certificate cert = CardWallet.cert(issued.certificatePem());
                X509Certificate issuerCertificate = CardWallet.cert(issued.caCertificatePem());
                if (!cert.getPublicKey().equals(keys.getPublic())) {
                    throw new IllegalStateException("the issuer certified another key than the card's");
                }
                PinRetryCounter counter = issued.pinLocked()
                        ? new PinRetryCounter(0, issued.pinResetGeneration())
                        : new PinRetryCounter(PinRetryCounter.MAX_TRIES, issued.pinResetGeneration());
                wallet.save(new SimulatedCard(cardId, kind, keys.getPrivate(), cert, issuerCertificate,
                        CardPin.of(initialPin(cardId)), counter));
                return cert;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the issuer answered with an unreadable certificate", e);
            }
        }
    }

    @Override
    public byte[] sign(String cardId, CredentialKind kind, PresenceCheck check, PresenceStatement statement) {
        synchronized (lock(cardId, kind)) {
            SimulatedCard card = wallet.find(cardId, kind)
                    .orElseThrow(() -> new PresenceRefusedException(ErrorCode.CARD_NOT_FOUND, null));
            if (!check.method().allowedFor(kind)) {
                throw new PresenceRefusedException(ErrorCode.PRESENCE_METHOD_NOT_ALLOWED,
                        "スマートフォンは目視確認できません。顔認証（生体認証）または暗証番号で確認してください");
            }
            switch (check.method()) {
                case PIN -> checkPin(card, check.pin());
                case FACE -> {
                    if (!check.faceMatched()) {
                        throw new PresenceRefusedException(ErrorCode.CARD_FACE_MISMATCH, null);
                    }
                }
                case VISUAL -> {
                    if (!check.staffConfirmed()) {
                        throw new PresenceRefusedException(ErrorCode.PRESENCE_METHOD_NOT_ALLOWED, "目視での本人確認が完了していません");
                    }
                }
            }
            if (check.method() != statement.method()) {
                throw new IllegalArgumentException("the statement names another method than the check");
            }
            return CardSignatures.sign(card.key(), statement.signingInput());
        }
    }

    private void checkPin(SimulatedCard card, String pin) {
        if (!CardPin.isWellFormed(pin)) {
            throw new PresenceRefusedException(ErrorCode.INVALID_PIN_FORMAT, null); // not a try: the card never saw it
        }
        if (card.counter().locked()) {
            throw new PresenceRefusedException(ErrorCode.CARD_PIN_LOCKED, null, 0);
        }
        if (card.pin().matches(pin)) {
            if (card.counter().remainingTries() != PinRetryCounter.MAX_TRIES) {
                wallet.save(card.withCounter(card.counter().afterCorrect()));
            }
            return;
        }
        PinRetryCounter next = card.counter().afterWrong();
        wallet.save(card.withCounter(next));
        if (next.locked()) {
            throw new PresenceRefusedException(ErrorCode.CARD_PIN_LOCKED, "3回続けて誤りました", 0);
        }
        throw new PresenceRefusedException(ErrorCode.CARD_PIN_INCORRECT, "残り" + next.remainingTries() + "回",
                next.remainingTries());
    }

    /**
     * The card's signature over a {@link PinLockStatement}: the card signs it only while its PIN is locked, so the
     * service can believe the lock report (a reader cannot lock a card that is not on it, or not locked).
     *
     * @throws PresenceRefusedException the card is not on the reader, or its PIN is not locked
     */
    public byte[] signPinLock(String cardId, CredentialKind kind, PinLockStatement statement) {
        synchronized (lock(cardId, kind)) {
            SimulatedCard card = wallet.find(cardId, kind)
                    .orElseThrow(() -> new PresenceRefusedException(ErrorCode.CARD_NOT_FOUND, null));
            if (!card.counter().locked() || !statement.cardId().equals(cardId) || statement.credential() != kind) {
                throw new PresenceRefusedException(ErrorCode.CARD_PIN_LOCKED, "カードの暗証番号はロックされていません");
            }
            return CardSignatures.sign(card.key(), statement.signingInput());
        }
    }

    /** True when the card's PIN is locked (the station reports it to the service). */
    public boolean pinLocked(String cardId, CredentialKind kind) {
        return wallet.find(cardId, kind).map(c -> c.counter().locked()).orElse(false);
    }

    @Override
    public void offerPinReset(String cardId, CredentialKind kind, long generation, byte[] signature) {
        if (generation <= 0 || signature == null) {
            return;
        }
        synchronized (lock(cardId, kind)) {
            Optional<SimulatedCard> found = wallet.find(cardId, kind);
            if (found.isEmpty() || generation <= found.get().counter().resetGeneration()) {
                return;
            }
            SimulatedCard card = found.get();
            byte[] statement = new PinResetStatement(cardId, generation).signingInput();
            if (CardSignatures.verify(card.issuer().getPublicKey(), statement, signature)) {
                wallet.save(card.withCounter(card.counter().afterReset(generation)));
            }
        }
    }

    private Object lock(String cardId, CredentialKind kind) {
        return locks.computeIfAbsent(cardId + "." + kind.name(), k -> new Object());
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is not available", e);
        }
    }
}
