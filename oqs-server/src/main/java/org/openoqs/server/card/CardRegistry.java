package org.openoqs.server.card;

import java.util.Optional;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.core.registry.MyNumberCard;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Card look-up and the card's status column (PIN lock) in the registry. */
@Component
public class CardRegistry {

    private final JdbcQualificationRegistry registry;
    private final JdbcClient jdbc;

    public CardRegistry(JdbcQualificationRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /** The card; a blank, over-long or unknown id is simply not found. */
    public Optional<MyNumberCard> find(String cardId) {
        if (cardId == null || cardId.isBlank() || cardId.length() > 32) {
            return Optional.empty();
        }
        return registry.card(cardId.strip());
    }

    public MyNumberCard require(String cardId) {
        return find(cardId).orElseThrow(() -> new CardApiException(org.openoqs.core.error.ErrorCode.CARD_NOT_FOUND));
    }

    /** Moves the card from {@code from} to {@code to}; false when it was not in {@code from}. */
    public boolean changeStatus(String cardId, CardStatus from, CardStatus to) {
        return jdbc.sql("update my_number_card set status = ? where card_id = ? and status = ?")
                .params(to.name(), cardId, from.name()).update() == 1;
    }
}
