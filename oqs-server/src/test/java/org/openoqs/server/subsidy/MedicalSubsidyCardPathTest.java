package org.openoqs.server.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.card.PresenceStatement;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Personas;
import org.openoqs.core.message.MedicalSubsidyCertificate;
import org.openoqs.core.subsidy.SyntheticSubsidies;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.ReaderSessions;
import org.openoqs.server.testsupport.SharedServer;

/**
 * PMH through the real card path over mutual TLS: 山田 太郎 (two 受給者証) provides them at the reader of an opted-in
 * facility → the face result and the facility's later number inquiry carry both; declining → neither, and nothing
 * that tells why; a facility that did not opt in → neither, even when the patient said yes.
 */
class MedicalSubsidyCardPathTest {

    private static final String CARD = "P000000000000001"; // persona shaho-honnin; no other test certifies it
    private static final SharedServer SHARED = SharedServer.get();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static KeyPair chip;
    private static String certificate;
    private static Facility optedIn;
    private static Facility notOptedIn;

    record Facility(String code, HttpClient client, String token) {
    }

    static Facility facility(boolean subsidies) throws Exception {
        String code = CheckDigit.complete("29177" + (1000 + NEXT.incrementAndGet()));
        SHARED.server().facilities().create(code, "助成テスト " + code);
        SHARED.server().bean(MedicalSubsidySettings.class).set(code, subsidies, "test");
        HttpClient client = SHARED.pki().client(SHARED.pki().issueFacility(code));
        var reader = ReaderSessions.createReaderAccount(SHARED.server(), code, "受付");
        return new Facility(code, client, ReaderSessions.token(client, SHARED.base(), reader));
    }

    @BeforeAll
    static void certifyTheCard() throws Exception {
        optedIn = facility(true);
        notOptedIn = facility(false);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        chip = generator.generateKeyPair();
        byte[] spki = chip.getPublic().getEncoded();
        // the card's key is certified by its issuer at card creation, never by a facility's reader (docs/security.md)
        certificate = org.openoqs.pki.IndividualCertificateAuthority.pem(SHARED.server()
                .bean(org.openoqs.server.card.CardIssuanceService.class).issueAtCardCreation(CARD,
                        CredentialKind.MY_NUMBER_CARD, spki, "issuer:test", false).certificate());
    }

    static Api.Response confirm(Facility f, Set<ConsentCategory> consents) throws Exception {
        var challenge = post(f, "challenges", "{\"credential\":\"card\"}").json();
        PresenceStatement statement = new PresenceStatement(challenge.get("challengeId").asString(),
                challenge.get("nonce").asString(), f.code(), CARD, CredentialKind.MY_NUMBER_CARD, PresenceMethod.FACE,
                consents, MedicalTreatmentFlag.OUTPATIENT);
        String names = String.join(",", consents.stream().map(c -> "\"" + c.cliName() + "\"").toList());
        Api.Response r = post(f, "confirmations", "{\"challengeId\":\"" + statement.challengeId()
                + "\",\"credential\":\"card\",\"method\":\"face\",\"consents\":[" + names + "],\"treatment\":\"1\","
                + "\"certificate\":" + quoted(certificate) + ",\"signature\":\"" + b64(CardSignatures.sign(
                chip.getPrivate(), statement.signingInput())) + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    static Api.Response numberInquiry(Facility f) throws Exception {
        return Api.post(f.client(), SHARED.base(), Api.INQUIRY, Api.inquiryJson(f.code(), "20260401", "PMH",
                Personas.byKey("shaho-honnin").orElseThrow().inquiry()));
    }

    @Test
    void providedAtAnOptedInFacilityBothCertificatesComeWithTheResults() throws Exception {
        List<MedicalSubsidyCertificate> expected = new SyntheticSubsidies().certificatesOf(
                Personas.byKey("shaho-honnin").orElseThrow().person());
        assertThat(expected).hasSize(2);

        Api.Response face = confirm(optedIn, Set.of(ConsentCategory.SUBSIDY));
        QualificationInquiryResult result = face.result();
        assertThat(result.body().medicalSubsidies()).containsExactlyElementsOf(expected);
        assertThat(face.body()).contains("MedicalSubsidyInfoList", "特定医療費（指定難病）受給者証", "重度心身障害者医療費受給者証");

        assertThat(numberInquiry(optedIn).result().body().medicalSubsidies())
                .as("the facility's 資格確認 while the provision is in force").containsExactlyElementsOf(expected);
    }

    @Test
    void declinedOrNotOptedInThereIsNoBlockAndNoReason() throws Exception {
        Api.Response declined = confirm(optedIn, Set.of(ConsentCategory.DRUG));
        assertThat(declined.result().body().medicalSubsidies()).isEmpty();
        assertThat(declined.body()).doesNotContain("MedicalSubsidy", "助成");

        Api.Response notOffered = confirm(notOptedIn, Set.of(ConsentCategory.SUBSIDY));
        assertThat(notOffered.result().body().medicalSubsidies()).isEmpty();
        assertThat(notOffered.body()).doesNotContain("MedicalSubsidy", "助成");
        assertThat(numberInquiry(notOptedIn).body()).doesNotContain("MedicalSubsidy");
    }

    private static Api.Response post(Facility f, String action, String body) throws Exception {
        return Api.post(f.client(), SHARED.base(), "api/v1/cards/" + CARD + "/" + action, body, ReaderSessions.HEADER,
                f.token());
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
