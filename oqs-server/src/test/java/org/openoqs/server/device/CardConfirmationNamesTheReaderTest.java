package org.openoqs.server.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.IssuanceStatement;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.card.PresenceStatement;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.server.account.IssuedPassword;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.ReaderSessions;
import org.openoqs.server.testsupport.SharedServer;
import tools.jackson.databind.JsonNode;

/**
 * A whole card confirmation by a signed-in reader — key certified, challenge, the card's signature over the
 * presence statement, the face result — and the audit trail naming the reader's account and the certificate:
 * {@code device:F… cert:<serial>}.
 */
class CardConfirmationNamesTheReaderTest {

    /** 佐藤 洋子 (persona shin-shikaku); no other test of the shared service certifies this card. */
    private static final String CARD = "P000000000000002";

    private final DeviceFixture f = new DeviceFixture();

    @Test
    void theConfirmationIsAuditedUnderTheReadersAccount() throws Exception {
        SharedServer shared = f.shared;
        IssuedPassword reader = ReaderSessions.createReaderAccount(shared.server(), SharedServer.DEMO_CODE, "診察室前の受付");
        String token = ReaderSessions.token(shared.demoClient(), shared.base(), reader);
        String actor = "device:" + reader.account().accountId() + " cert:"
                + shared.demoCredential().certificate().getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair chip = generator.generateKeyPair();
        byte[] spki = chip.getPublic().getEncoded();
        long mark = f.auditMark();

        Api.Response issued = post("certificates", "{\"credential\":\"card\",\"publicKey\":\"" + b64(spki)
                + "\",\"proof\":\"" + b64(CardSignatures.sign(chip.getPrivate(),
                new IssuanceStatement(CARD, CredentialKind.MY_NUMBER_CARD, spki).signingInput())) + "\"}", token);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        JsonNode challenge = post("challenges", "{\"credential\":\"card\"}", token).json();
        PresenceStatement statement = new PresenceStatement(challenge.get("challengeId").asString(),
                challenge.get("nonce").asString(), SharedServer.DEMO_CODE, CARD, CredentialKind.MY_NUMBER_CARD,
                PresenceMethod.FACE, Set.of(), MedicalTreatmentFlag.OUTPATIENT);
        String certificate = issued.json().get("certificate").asString();
        Api.Response confirmed = post("confirmations", "{\"challengeId\":\"" + statement.challengeId()
                + "\",\"credential\":\"card\",\"method\":\"face\",\"consents\":[],\"treatment\":\"1\",\"certificate\":"
                + quoted(certificate) + ",\"signature\":\"" + b64(CardSignatures.sign(chip.getPrivate(),
                statement.signingInput())) + "\"}", token);

        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.result().body().qualificationValidity().code()).isEqualTo("1");
        assertThat(f.auditSince(mark, "CARD_CONFIRMATION")).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo(actor);
            assertThat(e.facility()).isEqualTo(SharedServer.DEMO_CODE);
            assertThat(e.outcome()).startsWith("OK validity=1");
        });
        assertThat(f.auditSince(mark, "CARD_CERTIFICATE_ISSUE")).extracting(e -> e.actor()).containsExactly(actor);
    }

    private Api.Response post(String action, String body, String token) throws Exception {
        return Api.post(f.shared.demoClient(), f.shared.base(), "api/v1/cards/" + CARD + "/" + action, body,
                ReaderSessions.HEADER, token);
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
