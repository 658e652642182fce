package org.openoqs.core.card;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * What a new card key signs when its certificate is requested (proof of possession): the card, the credential and
 * the public key itself, so a certificate can only be obtained by whoever holds the matching private key.
 */
public record IssuanceStatement(String cardId, CredentialKind credential, byte[] publicKeyDer) {

    public static final String VERSION = "openoqs-card-issuance-v1";

    public IssuanceStatement {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(credential, "credential");
        publicKeyDer = publicKeyDer.clone();
    }

    public byte[] signingInput() {
        return String.join("\n", VERSION, cardId, credential.cliName(),
                Base64.getEncoder().encodeToString(publicKeyDer)).getBytes(StandardCharsets.UTF_8);
    }
}
