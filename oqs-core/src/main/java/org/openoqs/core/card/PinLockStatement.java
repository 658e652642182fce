package org.openoqs.core.card;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a card signs when it has locked its PIN, so that the service marks it {@code PIN_LOCKED} only on the card's
 * own word: the service's one-time challenge (bound to the facility, the card and the credential), the institution
 * code, the card and the credential. A reader without the card cannot produce it, so it cannot lock someone else's
 * card; a replay fails because the challenge is used once.
 *
 * <p>The signed bytes are UTF-8 lines (LF): {@value #VERSION}, challenge id, nonce, institution code, card id,
 * credential.
 */
public record PinLockStatement(String challengeId, String nonce, String institutionCode, String cardId,
        CredentialKind credential) {

    public static final String VERSION = "openoqs-pin-lock-v1";

    public PinLockStatement {
        requireLine(challengeId, "challengeId");
        requireLine(nonce, "nonce");
        requireLine(institutionCode, "institutionCode");
        requireLine(cardId, "cardId");
        Objects.requireNonNull(credential, "credential");
    }

    public byte[] signingInput() {
        return String.join("\n", VERSION, challengeId, nonce, institutionCode, cardId, credential.cliName())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void requireLine(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty() || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " must be one non-empty line");
        }
    }
}
