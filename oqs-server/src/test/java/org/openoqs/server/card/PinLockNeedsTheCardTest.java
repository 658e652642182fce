package org.openoqs.server.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PinLockStatement;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.IssuedCard;
import org.openoqs.server.testsupport.ReaderSessions;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19, item 4: any facility's reader could PIN-lock any card by posting {@code /pin-lock} without it. The
 * attack, over mutual TLS from a second facility's signed-in reader that does not hold the card: a bare report, a
 * report signed with its own key over its own challenge, and one replaying the card's facility's challenge. All
 * refused and audited, the card stays ACTIVE and keeps working; the card's own signed report still locks it.
 */
class PinLockNeedsTheCardTest {

    private final CardFixture f = new CardFixture();

    @Test
    void aReaderWithoutTheCardCannotLockIt() throws Exception {
        String cardId = f.freshCard(CardStatus.ACTIVE);
        IssuedCard card = IssuedCard.issue(f.shared.server(), cardId);
        CardFixture.Facility attacker = f.otherFacility("ロック試験クリニック");
        CardFixture.Facility demo = f.demo();
        long mark = f.auditMark();

        Api.Response bare = lock(attacker, cardId, "{}");
        Api.Response forged = lock(attacker, cardId, signedBody(attacker, cardId, IssuedCard.newKeyPair()));
        JsonNode demoChallenge = card.challenge(demo.client(), f.shared.base(), demo.token());
        Api.Response replayed = lock(attacker, cardId, "{\"challengeId\":\"" + demoChallenge.get("challengeId").asString()
                + "\",\"credential\":\"card\",\"signature\":\"AAAA\"}");
        Api.Response notJson = lock(attacker, cardId, "not json");

        assertThat(bare.status()).as(bare.body()).isEqualTo(409);
        assertThat(bare.json().get("errorCode").asString()).isEqualTo("OQSP3010");
        assertThat(forged.status()).as(forged.body()).isEqualTo(422);
        assertThat(forged.json().get("errorCode").asString()).isEqualTo("OQSP3009");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(409);
        assertThat(replayed.json().get("errorCode").asString()).isEqualTo("OQSP3010");
        assertThat(notJson.status()).as(notJson.body()).isEqualTo(400);
        assertThat(f.statusOf(cardId)).isEqualTo(CardStatus.ACTIVE);
        assertThat(f.auditSince(mark, CardPinService.LOCK_ACTION)).hasSize(3)
                .allSatisfy(e -> assertThat(e.outcome()).startsWith("REFUSED "))
                .allSatisfy(e -> assertThat(e.facility()).isEqualTo(attacker.code()));

        Api.Response stillWorks = card.confirm(demo.client(), f.shared.base(), demo.token(), demo.code());
        assertThat(stillWorks.status()).as(stillWorks.body()).isEqualTo(200);
    }

    @Test
    void theCardsOwnSignedReportLocksItOnce() throws Exception {
        String cardId = f.freshCard(CardStatus.ACTIVE);
        IssuedCard card = IssuedCard.issue(f.shared.server(), cardId);
        CardFixture.Facility elsewhere = f.otherFacility("ロック報告クリニック");

        Api.Response locked = card.reportLock(elsewhere.client(), f.shared.base(), elsewhere.token(), elsewhere.code());

        assertThat(locked.status()).as(locked.body()).isEqualTo(204);
        assertThat(f.statusOf(cardId)).isEqualTo(CardStatus.PIN_LOCKED);
    }

    private Api.Response lock(CardFixture.Facility facility, String cardId, String body) throws Exception {
        return Api.post(facility.client(), f.shared.base(), "api/v1/cards/" + cardId + "/pin-lock", body,
                ReaderSessions.HEADER, facility.token());
    }

    private String signedBody(CardFixture.Facility facility, String cardId, KeyPair key) throws Exception {
        JsonNode challenge = Api.post(facility.client(), f.shared.base(), "api/v1/cards/" + cardId + "/challenges",
                "{\"credential\":\"card\"}", ReaderSessions.HEADER, facility.token()).json();
        PinLockStatement statement = new PinLockStatement(challenge.get("challengeId").asString(),
                challenge.get("nonce").asString(), facility.code(), cardId, CredentialKind.MY_NUMBER_CARD);
        return "{\"challengeId\":\"" + statement.challengeId() + "\",\"credential\":\"card\",\"signature\":\""
                + IssuedCard.b64(CardSignatures.sign(key.getPrivate(), statement.signingInput())) + "\"}";
    }
}
