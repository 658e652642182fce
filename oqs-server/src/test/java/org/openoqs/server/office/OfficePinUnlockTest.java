package org.openoqs.server.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.PinResetStatement;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.server.card.CardPinService;
import org.openoqs.server.card.IndividualCa;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.ReaderSessions;
import tools.jackson.databind.JsonNode;

/**
 * The issuing office unlocks a card over the office API: the registry status goes back to ACTIVE, the reset is
 * signed by the individuals' CA for the next generation, handed to the card with its next challenge, and audited
 * with the office's certificate and the operator.
 */
class OfficePinUnlockTest {

    private final OfficeFixture f = new OfficeFixture();

    @Test
    void lockedCardIsUnlockedAndTheSignedResetComesWithTheNextChallenge() throws Exception {
        String card = f.freshCard(CardStatus.ACTIVE);
        f.lockByFacility(card);
        assertThat(f.statusOf(card)).isEqualTo(CardStatus.PIN_LOCKED);
        long mark = f.auditMark();

        Api.Response r = Api.post(f.office, f.shared.base(), "api/v1/office/cards/" + card + "/pin-unlock",
                "{\"operator\":\"窓口 一郎\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("cardId").asString()).isEqualTo(card);
        assertThat(r.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(r.json().get("previousStatus").asString()).isEqualTo("PIN_LOCKED");
        assertThat(r.json().get("generation").asLong()).isEqualTo(1);
        assertThat(f.statusOf(card)).isEqualTo(CardStatus.ACTIVE);
        assertThat(f.auditSince(mark, CardPinService.RESET_ACTION)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(f.officeActor() + " operator:窓口 一郎");
            assertThat(e.subject()).startsWith("card=" + card + ";person=");
            assertThat(e.outcome()).isEqualTo("OK generation=1 was=PIN_LOCKED");
        });

        // what the reader gets at the card's next reading: a reset only the card's issuer can have signed
        JsonNode challenge = Api.post(f.shared.demoClient(), f.shared.base(), "api/v1/cards/" + card + "/challenges",
                "{\"credential\":\"card\"}", ReaderSessions.HEADER, ReaderSessions.demoToken(f.shared)).json();
        JsonNode reset = challenge.get("pinReset");
        assertThat(reset.get("generation").asLong()).isEqualTo(1);
        byte[] signature = Base64.getDecoder().decode(reset.get("signature").asString());
        var issuerKey = f.shared.server().bean(IndividualCa.class).caCertificate().getPublicKey();
        assertThat(CardSignatures.verify(issuerKey, new PinResetStatement(card, 1).signingInput(), signature)).isTrue();
        assertThat(CardSignatures.verify(issuerKey, new PinResetStatement(card, 2).signingInput(), signature))
                .as("bound to its generation").isFalse();
    }

    @Test
    void activeCardCanBeResetAgainWithTheNextGeneration() throws Exception {
        String card = f.freshCard(CardStatus.ACTIVE);
        String path = "api/v1/office/cards/" + card + "/pin-unlock";

        Api.Response first = Api.post(f.office, f.shared.base(), path, "");
        Api.Response second = Api.post(f.office, f.shared.base(), path, "{}");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("previousStatus").asString()).isEqualTo("ACTIVE");
        assertThat(first.json().get("generation").asLong()).isEqualTo(1);
        assertThat(second.json().get("generation").asLong()).isEqualTo(2);
        assertThat(f.statusOf(card)).isEqualTo(CardStatus.ACTIVE);
    }

    @Test
    void cardWithExpiredOrRevokedCertificateNeedsANewCertificateNotAReset() throws Exception {
        String expired = f.freshCard(CardStatus.CERTIFICATE_EXPIRED);
        String revoked = f.freshCard(CardStatus.CERTIFICATE_REVOKED);
        long mark = f.auditMark();

        Api.Response e = Api.post(f.office, f.shared.base(), "api/v1/office/cards/" + expired + "/pin-unlock", "");
        Api.Response r = Api.post(f.office, f.shared.base(), "api/v1/office/cards/" + revoked + "/pin-unlock", "");

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.json().get("errorCode").asString()).isEqualTo("OQSP3006");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSP3007");
        assertThat(e.json().get("message").asString()).contains("電子証明書の発行が必要");
        assertThat(f.statusOf(expired)).isEqualTo(CardStatus.CERTIFICATE_EXPIRED);
        assertThat(f.shared.server().bean(CardPinService.class).resetOf(expired)).isEmpty();
        assertThat(f.auditSince(mark, CardPinService.RESET_ACTION)).extracting(a -> a.outcome())
                .containsExactly("REFUSED OQSP3006", "REFUSED OQSP3007");
    }

    @Test
    void unknownCardIsNotFound() throws Exception {
        long mark = f.auditMark();

        Api.Response unlock = Api.post(f.office, f.shared.base(), "api/v1/office/cards/C999999999999999X/pin-unlock", "");
        Api.Response status = Api.get(f.office, f.shared.base(), "api/v1/office/cards/C999999999999999X");

        assertThat(unlock.status()).isEqualTo(404);
        assertThat(unlock.json().get("errorCode").asString()).isEqualTo("OQSP3001");
        assertThat(status.status()).isEqualTo(404);
        assertThat(status.json().get("errorCode").asString()).isEqualTo("OQSP3001");
        assertThat(f.auditSince(mark, CardPinService.RESET_ACTION)).singleElement()
                .satisfies(a -> assertThat(a.outcome()).isEqualTo("REFUSED OQSP3001"));
    }

    @Test
    void operatorMustBeOneShortLine() throws Exception {
        String card = f.freshCard(CardStatus.PIN_LOCKED);

        Api.Response r = Api.post(f.office, f.shared.base(), "api/v1/office/cards/" + card + "/pin-unlock",
                "{\"operator\":\"a\\nb\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF1008");
        assertThat(r.json().get("message").asString()).contains("operator");
        assertThat(f.statusOf(card)).as("nothing reset").isEqualTo(CardStatus.PIN_LOCKED);
    }
}
