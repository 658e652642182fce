package org.openoqs.server.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Set;
import org.openoqs.core.card.CardSignatures;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PinLockStatement;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.card.PresenceStatement;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.pki.IndividualCertificateAuthority;
import org.openoqs.server.CentralServer;
import org.openoqs.server.card.CardIssuanceService;
import tools.jackson.databind.JsonNode;

/**
 * A card as its issuer makes it (the key on the chip, the public key certified by the individuals' CA through
 * {@link CardIssuanceService#issueAtCardCreation}), held by the test as the holder holds the card: it signs presence
 * and PIN-lock statements over the service's challenges, sent by a signed-in reader over mutual TLS.
 */
public final class IssuedCard {

    private final String cardId;
    private final KeyPair chip;
    private final String certificatePem;
    private final String serialHex;

    private IssuedCard(String cardId, KeyPair chip, java.security.cert.X509Certificate certificate) {
        this.cardId = cardId;
        this.chip = chip;
        this.certificatePem = IndividualCertificateAuthority.pem(certificate);
        this.serialHex = certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
    }

    /** Makes the card's MY_NUMBER_CARD credential (refused when the card already has one). */
    public static IssuedCard issue(CentralServer server, String cardId) {
        KeyPair chip = newKeyPair();
        CardIssuanceService.Issued issued = server.bean(CardIssuanceService.class).issueAtCardCreation(cardId,
                CredentialKind.MY_NUMBER_CARD, chip.getPublic().getEncoded(), "issuer:test", false);
        return new IssuedCard(cardId, chip, issued.certificate());
    }

    public String cardId() {
        return cardId;
    }

    public String certificatePem() {
        return certificatePem;
    }

    public String serialHex() {
        return serialHex;
    }

    /** A challenge for this card, asked by the reader with {@code token}. */
    public JsonNode challenge(HttpClient client, URI base, String token) throws IOException, InterruptedException {
        Api.Response r = Api.post(client, base, "api/v1/cards/" + cardId + "/challenges", "{\"credential\":\"card\"}",
                ReaderSessions.HEADER, token);
        if (r.status() != 200) {
            throw new IllegalStateException("challenge refused: " + r);
        }
        return r.json();
    }

    /** A face confirmation at the facility {@code institutionCode}: challenge, the card's signature, the answer. */
    public Api.Response confirm(HttpClient client, URI base, String token, String institutionCode)
            throws IOException, InterruptedException {
        JsonNode challenge = challenge(client, base, token);
        PresenceStatement statement = new PresenceStatement(challenge.get("challengeId").asString(),
                challenge.get("nonce").asString(), institutionCode, cardId, CredentialKind.MY_NUMBER_CARD,
                PresenceMethod.FACE, Set.of(), MedicalTreatmentFlag.OUTPATIENT);
        return Api.post(client, base, "api/v1/cards/" + cardId + "/confirmations", "{\"challengeId\":\""
                + statement.challengeId() + "\",\"credential\":\"card\",\"method\":\"face\",\"consents\":[],"
                + "\"treatment\":\"1\",\"certificate\":" + quoted(certificatePem) + ",\"signature\":\""
                + b64(CardSignatures.sign(chip.getPrivate(), statement.signingInput())) + "\"}",
                ReaderSessions.HEADER, token);
    }

    /**
     * 救急時医療情報閲覧: the staff read this card for a 受付番号 (目視確認, no PIN, no consent, treatment 救急); the card
     * signs that statement over a fresh challenge of the reader's facility {@code institutionCode}.
     */
    public Api.Response identifyForEmergency(HttpClient client, URI base, String token, String institutionCode,
            String requestCode) throws IOException, InterruptedException {
        JsonNode challenge = challenge(client, base, token);
        PresenceStatement statement = new PresenceStatement(challenge.get("challengeId").asString(),
                challenge.get("nonce").asString(), institutionCode, cardId, CredentialKind.MY_NUMBER_CARD,
                PresenceMethod.VISUAL, Set.of(), MedicalTreatmentFlag.EMERGENCY);
        return emergencyIdentification(client, base, token, statement, requestCode);
    }

    /** Sends {@code statement}, signed by this card, as an emergency identification (a test may sign another one). */
    public Api.Response emergencyIdentification(HttpClient client, URI base, String token, PresenceStatement statement,
            String requestCode) throws IOException, InterruptedException {
        return Api.post(client, base, "api/v1/cards/" + cardId + "/emergency-identifications", "{\"challengeId\":\""
                + statement.challengeId() + "\",\"credential\":\"card\",\"requestCode\":\"" + requestCode + "\","
                + "\"certificate\":" + quoted(certificatePem) + ",\"signature\":\""
                + b64(CardSignatures.sign(chip.getPrivate(), statement.signingInput())) + "\"}",
                ReaderSessions.HEADER, token);
    }

    /** The card locked its PIN: it signs the lock statement over a fresh challenge and the reader reports it. */
    public Api.Response reportLock(HttpClient client, URI base, String token, String institutionCode)
            throws IOException, InterruptedException {
        JsonNode challenge = challenge(client, base, token);
        PinLockStatement statement = new PinLockStatement(challenge.get("challengeId").asString(),
                challenge.get("nonce").asString(), institutionCode, cardId, CredentialKind.MY_NUMBER_CARD);
        return Api.post(client, base, "api/v1/cards/" + cardId + "/pin-lock", "{\"challengeId\":\""
                + statement.challengeId() + "\",\"credential\":\"card\",\"signature\":\""
                + b64(CardSignatures.sign(chip.getPrivate(), statement.signingInput())) + "\"}",
                ReaderSessions.HEADER, token);
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
    }
}
