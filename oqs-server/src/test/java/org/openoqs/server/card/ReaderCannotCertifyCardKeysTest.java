package org.openoqs.server.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.IssuanceStatement;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.card.PresenceStatement;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.registry.CardStatus;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.IssuedCard;
import org.openoqs.server.testsupport.ReaderSessions;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.dao.DataIntegrityViolationException;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19, item 3: a facility's reader used to certify the first key it presented for any (predictable) card id and
 * so took the card over. The attack, performed over mutual TLS with a second facility's signed-in reader: it asks to
 * certify its own key for someone else's card, then tries to confirm, record consents and read with its key. All
 * refused, nothing stored, and the real card keeps working. Concurrent issuances give exactly one certificate.
 */
class ReaderCannotCertifyCardKeysTest {

    private final CardFixture f = new CardFixture();

    @Test
    void anotherFacilitysReaderCannotCertifyItsKeyForSomeoneElsesCard() throws Exception {
        String cardId = f.freshCard(CardStatus.ACTIVE);
        IssuedCard realCard = IssuedCard.issue(f.shared.server(), cardId);
        CardFixture.Facility attacker = f.otherFacility("乗っ取り試験クリニック");
        KeyPair attackerKey = IssuedCard.newKeyPair();
        long mark = f.auditMark();

        Api.Response certify = certify(attacker, cardId, attackerKey);
        Api.Response byTheCardsOwnFacility = certify(f.demo(), cardId, attackerKey);
        Api.Response neverIssued = certify(attacker, f.freshCard(CardStatus.ACTIVE), attackerKey);

        for (Api.Response r : List.of(certify, byTheCardsOwnFacility, neverIssued)) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.json().get("errorCode").asString()).isEqualTo("OQSF9601");
            assertThat(r.json().get("message").asString()).contains("発行元").contains("医療機関等の機器からは発行できません");
            assertThat(r.body()).doesNotContain("BEGIN CERTIFICATE");
        }
        assertThat(f.certificateRows(cardId)).containsExactly(realCard.serialHex() + ":Y");
        assertThat(f.auditSince(mark, CardIssuanceService.ACTION)).hasSize(3)
                .allSatisfy(e -> assertThat(e.outcome()).isEqualTo("REFUSED OQSF9601"))
                .anySatisfy(e -> assertThat(e.facility()).isEqualTo(attacker.code()));

        // without a certificate of its own the attacker's key signs for nothing: no confirmation, no consents
        Api.Response confirm = confirmWith(attacker, cardId, attackerKey, realCard.certificatePem());
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(422);
        assertThat(confirm.json().get("errorCode").asString()).isEqualTo(ErrorCode.CARD_SIGNATURE_INVALID.code());
        assertThat(f.jdbc().sql("select count(*) from consent_record where institution_code = ?")
                .param(attacker.code()).query(Long.class).single()).isZero();

        // the real card still works, at its facility and elsewhere
        CardFixture.Facility demo = f.demo();
        Api.Response real = realCard.confirm(demo.client(), f.shared.base(), demo.token(), demo.code());
        assertThat(real.status()).as(real.body()).isEqualTo(200);
        assertThat(f.statusOf(cardId)).isEqualTo(CardStatus.ACTIVE);
    }

    @Test
    void concurrentIssuancesForOneCardGiveExactlyOneCertificate() throws Exception {
        String cardId = f.freshCard(CardStatus.ACTIVE);
        CardIssuanceService issuance = f.shared.server().bean(CardIssuanceService.class);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                Callable<String> issue = () -> {
                    start.await();
                    try {
                        return "OK " + issuance.issueAtCardCreation(cardId, CredentialKind.MY_NUMBER_CARD,
                                IssuedCard.newKeyPair().getPublic().getEncoded(), "issuer:test", false)
                                .certificate().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
                    } catch (CardApiException refused) {
                        return refused.error().errorCode();
                    }
                };
                outcomes.add(pool.submit(issue));
            }
            start.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get());
            }
            assertThat(results.stream().filter(r -> r.startsWith("OK "))).hasSize(1);
            assertThat(results.stream().filter(r -> r.equals(ErrorCode.CARD_ALREADY_ISSUED.code()))).hasSize(racers - 1);
            String serial = results.stream().filter(r -> r.startsWith("OK ")).findFirst().orElseThrow().substring(3);
            assertThat(f.certificateRows(cardId)).containsExactly(serial + ":Y");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDatabaseHoldsAtMostOneCurrentCertificatePerCredential() {
        String cardId = f.freshCard(CardStatus.ACTIVE);
        IssuedCard card = IssuedCard.issue(f.shared.server(), cardId);

        assertThatThrownBy(() -> f.jdbc().sql("insert into card_credential (serial_hex, card_id, credential_kind, "
                        + "certificate_pem, not_before, not_after, issued_at, current_marker) "
                        + "select 'AB' || serial_hex, card_id, credential_kind, certificate_pem, not_before, not_after, "
                        + "issued_at, 'Y' from card_credential where serial_hex = ?").param(card.serialHex()).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(f.certificateRows(cardId)).containsExactly(card.serialHex() + ":Y");
    }

    private Api.Response certify(CardFixture.Facility facility, String cardId, KeyPair key) throws Exception {
        byte[] spki = key.getPublic().getEncoded();
        return Api.post(facility.client(), f.shared.base(), "api/v1/cards/" + cardId + "/certificates",
                "{\"credential\":\"card\",\"publicKey\":\"" + IssuedCard.b64(spki) + "\",\"proof\":\""
                        + IssuedCard.b64(CardSignatures.sign(key.getPrivate(),
                        new IssuanceStatement(cardId, CredentialKind.MY_NUMBER_CARD, spki).signingInput())) + "\"}",
                ReaderSessions.HEADER, facility.token());
    }

    private Api.Response confirmWith(CardFixture.Facility facility, String cardId, KeyPair key, String certificatePem)
            throws Exception {
        JsonNode challenge = Api.post(facility.client(), f.shared.base(), "api/v1/cards/" + cardId + "/challenges",
                "{\"credential\":\"card\"}", ReaderSessions.HEADER, facility.token()).json();
        PresenceStatement statement = new PresenceStatement(challenge.get("challengeId").asString(),
                challenge.get("nonce").asString(), facility.code(), cardId, CredentialKind.MY_NUMBER_CARD,
                PresenceMethod.FACE, java.util.Set.of(org.openoqs.core.consent.ConsentCategory.DRUG),
                MedicalTreatmentFlag.OUTPATIENT);
        return Api.post(facility.client(), f.shared.base(), "api/v1/cards/" + cardId + "/confirmations",
                "{\"challengeId\":\"" + statement.challengeId() + "\",\"credential\":\"card\",\"method\":\"face\","
                        + "\"consents\":[\"drug\"],\"treatment\":\"1\",\"certificate\":" + IssuedCard.quoted(certificatePem)
                        + ",\"signature\":\"" + IssuedCard.b64(CardSignatures.sign(key.getPrivate(),
                        statement.signingInput())) + "\"}", ReaderSessions.HEADER, facility.token());
    }

    static String demoCode() {
        return SharedServer.DEMO_CODE;
    }
}
