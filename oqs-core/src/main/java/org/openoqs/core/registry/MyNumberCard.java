package org.openoqs.core.registry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A synthetic My Number Card bound to a person. Only the data; the card's cryptography lives elsewhere.
 *
 * @param cardId 16-character card identifier used by the card-reader simulator
 * @param personId the holder
 * @param status card state
 * @param certificateExpiry expiry date of the card's electronic certificate
 */
public record MyNumberCard(String cardId, String personId, CardStatus status, LocalDate certificateExpiry) {

    public MyNumberCard {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(status, "status");
    }
}
