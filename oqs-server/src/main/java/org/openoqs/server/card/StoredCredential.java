package org.openoqs.server.card;

import java.time.Instant;
import org.openoqs.core.card.CredentialKind;

/** A certificate the individuals' CA issued for a card credential, as the service stores it (never the key). */
public record StoredCredential(
        String serialHex,
        String cardId,
        CredentialKind kind,
        String certificatePem,
        Instant notBefore,
        Instant notAfter,
        Instant issuedAt,
        Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
