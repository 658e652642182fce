package org.openoqs.terminal.reader;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.openoqs.core.card.CardPin;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PinRetryCounter;

/**
 * The chip of one credential as the simulator keeps it: the private key (never leaves the terminal), the
 * certificate, the issuer's certificate (to check PIN resets), the PIN verifier and the retry counter. Immutable;
 * a PIN attempt or reset gives the next state, which {@link CardWallet} persists.
 */
record SimulatedCard(String cardId, CredentialKind kind, PrivateKey key, X509Certificate certificate,
        X509Certificate issuer, CardPin pin, PinRetryCounter counter) {

    SimulatedCard withCounter(PinRetryCounter next) {
        return new SimulatedCard(cardId, kind, key, certificate, issuer, pin, next);
    }
}
