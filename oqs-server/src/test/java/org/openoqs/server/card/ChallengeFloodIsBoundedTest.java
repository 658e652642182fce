package org.openoqs.server.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.ReaderSessions;

/**
 * Issue 19, item 14 (card challenges): a signed-in reader could make {@code card_challenge} rows without end, and none
 * was ever deleted. The flood, over mutual TLS: a second facility's reader asks for challenges until it is refused —
 * at most 5 open for one card, at most 100 open for the facility, then 429 {@code OQSF9604} and no more rows. Another
 * facility is not affected. Expired challenges are deleted by the cleanup, and the facility can read cards again.
 */
class ChallengeFloodIsBoundedTest {

    private final CardFixture f = new CardFixture();

    @Test
    void aFloodOfChallengesStopsAtTheBoundAndExpiredOnesAreDeleted() throws Exception {
        CardFixture.Facility flooder = f.otherFacility("大量要求クリニック");
        List<String> cards = f.jdbc().sql("select card_id from my_number_card where card_id like 'C%' order by card_id "
                + "limit 101").query(String.class).list();

        for (int i = 0; i < CardChallengeService.MAX_OPEN_PER_CARD; i++) {
            assertThat(challenge(flooder, cards.get(0)).status()).isEqualTo(200);
        }
        Api.Response sixthForOneCard = challenge(flooder, cards.get(0));
        assertThat(sixthForOneCard.status()).as(sixthForOneCard.body()).isEqualTo(429);
        assertThat(sixthForOneCard.json().get("errorCode").asString()).isEqualTo("OQSF9604");
        assertThat(sixthForOneCard.json().get("message").asString()).contains("1枚のカードで上限 5 件");

        int accepted = CardChallengeService.MAX_OPEN_PER_CARD;
        Api.Response refused = null;
        for (int i = 1; i < cards.size() && refused == null; i++) {
            Api.Response r = challenge(flooder, cards.get(i));
            if (r.status() == 200) {
                accepted++;
            } else {
                refused = r;
            }
        }
        assertThat(accepted).isEqualTo(CardChallengeService.DEFAULT_MAX_OPEN_PER_FACILITY);
        assertThat(refused).isNotNull();
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.json().get("errorCode").asString()).isEqualTo("OQSF9604");
        assertThat(refused.json().get("message").asString()).contains("医療機関等で上限 100 件");
        assertThat(rowsOf(flooder)).isEqualTo(CardChallengeService.DEFAULT_MAX_OPEN_PER_FACILITY);
        CardFixture.Facility demo = f.demo();
        assertThat(challenge(demo, cards.get(0)).status()).as("another facility is not affected").isEqualTo(200);

        // two minutes later: the challenges expired, the cleanup deletes them, the facility reads cards again
        f.jdbc().sql("update card_challenge set expires_at = ? where institution_code = ?")
                .params(Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC), flooder.code()).update();
        int deleted = f.shared.server().bean(CardChallengeCleanup.class).runOnce();
        assertThat(deleted).isGreaterThanOrEqualTo(CardChallengeService.DEFAULT_MAX_OPEN_PER_FACILITY);
        assertThat(rowsOf(flooder)).isZero();
        assertThat(challenge(flooder, cards.get(0)).status()).isEqualTo(200);
    }

    private Api.Response challenge(CardFixture.Facility facility, String cardId) throws Exception {
        return Api.post(facility.client(), f.shared.base(), "api/v1/cards/" + cardId + "/challenges",
                "{\"credential\":\"card\"}", ReaderSessions.HEADER, facility.token());
    }

    private long rowsOf(CardFixture.Facility facility) {
        return f.jdbc().sql("select count(*) from card_challenge where institution_code = ?").param(facility.code())
                .query(Long.class).single();
    }
}
