package org.openoqs.terminal.reader;

import org.openoqs.core.card.CredentialKind;

/**
 * The card's issuer (the individuals' CA at the issuing office) as the card sees it when it is made: it certifies the
 * public key the chip generated. Never a facility endpoint — a reader cannot have a card key certified
 * (docs/security.md, "Card and API"). The demo implements it with the central service's
 * {@code CardIssuanceService.issueAtCardCreation}, in the same process, as the card factory would.
 */
@FunctionalInterface
public interface CardIssuer {

    /** What the issuer writes onto the card besides the key: its certificate, the issuer's, and the PIN state. */
    record Issued(String certificatePem, String caCertificatePem, boolean pinLocked, long pinResetGeneration) {
    }

    Issued certify(String cardId, CredentialKind kind, byte[] publicKeyDer);
}
