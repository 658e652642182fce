package org.openoqs.server.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.server.testsupport.Api;
import tools.jackson.databind.JsonNode;

/** The office sees a card's state — status, certificate expiry, last reset — and nothing about its holder. */
class OfficeCardStatusTest {

    private final OfficeFixture f = new OfficeFixture();

    @Test
    void statusFollowsLockAndUnlockWithoutPersonalData() throws Exception {
        String card = f.freshCard(CardStatus.ACTIVE);
        String path = "api/v1/office/cards/" + card;
        f.lockByFacility(card);

        JsonNode locked = Api.get(f.office, f.shared.base(), path).json();
        Api.post(f.office, f.shared.base(), path + "/pin-unlock", "{\"operator\":\"窓口 二郎\"}");
        Api.Response unlocked = Api.get(f.office, f.shared.base(), path);

        assertThat(locked.get("status").asString()).isEqualTo("PIN_LOCKED");
        assertThat(locked.get("pinResetGeneration").asLong()).isZero();
        assertThat(locked.get("pinResetAt").isNull()).isTrue();
        assertThat(unlocked.status()).isEqualTo(200);
        JsonNode view = unlocked.json();
        assertThat(view.get("cardId").asString()).isEqualTo(card);
        assertThat(view.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(view.get("certificateExpiry").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(view.get("pinResetGeneration").asLong()).isEqualTo(1);
        assertThat(view.get("pinResetAt").asString()).endsWith("Z");
        List<String> fields = new ArrayList<>();
        view.propertyNames().forEach(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("cardId", "status", "certificateExpiry", "pinResetGeneration",
                "pinResetAt"); // no person id, name, birthdate, operator
    }
}
