package org.openoqs.core.card;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The issuing office's order to reset a locked PIN, signed with the individuals' CA key. The card (simulator)
 * accepts a reset only with a valid signature of its own issuer and a generation higher than the last one it
 * applied, so neither the reader nor a replayed order can unlock a card.
 */
public record PinResetStatement(String cardId, long generation) {

    public static final String VERSION = "openoqs-pin-reset-v1";

    public PinResetStatement {
        Objects.requireNonNull(cardId, "cardId");
        if (generation <= 0) {
            throw new IllegalArgumentException("generation must be positive");
        }
    }

    public byte[] signingInput() {
        return (VERSION + "\n" + cardId + "\n" + generation).getBytes(StandardCharsets.UTF_8);
    }
}
