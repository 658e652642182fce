package org.openoqs.terminal.central;

import org.openoqs.terminal.central.CentralServiceHttp;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import java.nio.charset.StandardCharsets;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.medical.MedicalInformationKind;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link CardPathService} over HTTPS with the facility's client certificate (one shared, keep-alive client). The
 * card calls ({@code /api/v1/cards/…}) also carry the session of the reader's 顔認証用アカウント ({@link HttpsDeviceSignIn}).
 */
public final class HttpsCardPathService implements CardPathService {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final CentralServiceHttp http;
    private final HttpsDeviceSignIn session;

    /**
     * On the terminal's shared transport.
     *
     * @param session the reader's device sign-in, on the same transport; {@code null}: 照会番号 and medical
     *                information only, card calls are refused (OQSF9306)
     */
    public HttpsCardPathService(CentralServiceHttp transport, HttpsDeviceSignIn session) {
        this.http = transport;
        this.session = session != null ? session : new HttpsDeviceSignIn(transport, null);
    }

    @Override
    public Challenge challenge(String cardId, CredentialKind kind) {
        JsonNode r = json(cardCall(card(cardId, "challenges"), JSON.createObjectNode().put("credential", kind.cliName())
                .toString()));
        JsonNode reset = r.path("pinReset");
        return new Challenge(r.path("challengeId").asString(), r.path("nonce").asString(),
                reset.isObject() ? reset.path("generation").asLong(0) : 0,
                reset.isObject() ? reset.path("signature").asString(null) : null);
    }

    @Override
    public QualificationInquiryResult confirm(String cardId, Confirmation c) {
        ObjectNode body = JSON.createObjectNode().put("challengeId", c.challengeId())
                .put("credential", c.credential().cliName()).put("method", c.method())
                .put("treatment", c.treatment()).put("certificate", c.certificatePem())
                .put("signature", c.signatureBase64());
        ArrayNode consents = body.putArray("consents");
        c.consents().forEach(consents::add);
        String answer = cardCall(card(cardId, "confirmations"), body.toString());
        try {
            return QualificationMessages.readResult(JsonMirror.fromJson(answer));
        } catch (InputRejectedException | IllegalArgumentException unreadable) {
            throw new CardPathRefusedException(ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE,
                    ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE.message());
        }
    }

    @Override
    public void reportPinLocked(String cardId, CredentialKind kind, String challengeId, String signatureBase64) {
        cardCall(card(cardId, "pin-lock"), JSON.createObjectNode().put("challengeId", challengeId)
                .put("credential", kind.cliName()).put("signature", signatureBase64).toString());
    }

    @Override
    public void identifyForEmergency(String cardId, String challengeId, String requestCode, String certificatePem,
            String signatureBase64) {
        cardCall(card(cardId, "emergency-identifications"), JSON.createObjectNode().put("challengeId", challengeId)
                .put("credential", CredentialKind.MY_NUMBER_CARD.cliName()).put("requestCode", requestCode)
                .put("certificate", certificatePem).put("signature", signatureBase64).toString());
    }

    @Override
    public XmlNode registerReferenceNumber(XmlNode request) {
        return tree(post("/api/v1/reference-numbers", JsonMirror.toJson(request)));
    }

    @Override
    public XmlNode homeCareInquiry(org.openoqs.core.consent.MedicalTreatmentFlag treatment, XmlNode request) {
        String setting = treatment == org.openoqs.core.consent.MedicalTreatmentFlag.ONLINE ? "online" : "home-visit";
        return tree(post("/api/v1/home-care/" + setting + "/inquiry", JsonMirror.toJson(request)));
    }

    @Override
    public XmlNode homeCareUrl(XmlNode request) {
        return tree(post("/api/v1/home-care/url", JsonMirror.toJson(request)));
    }

    @Override
    public MedicalAnswer medicalInformation(MedicalInformationKind kind, XmlNode request) {
        String path = switch (kind) {
            case DRUG -> "/api/v1/medical/drug-information";
            case HEALTH_CHECKUP -> "/api/v1/medical/health-checkups";
            case CLINICAL -> "/api/v1/clins/information";
        };
        CentralServiceHttp.Answer r = refusalsAsCardPath(() -> http.postJsonForAnswer(path, JsonMirror.toJson(request)));
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (type.startsWith("application/pdf")) {
            return new MedicalAnswer(null, r.body());
        }
        return new MedicalAnswer(tree(new String(r.body(), StandardCharsets.UTF_8)), null);
    }

    private static String card(String cardId, String action) {
        return "/api/v1/cards/" + java.net.URLEncoder.encode(cardId, StandardCharsets.UTF_8) + "/" + action;
    }

    private String post(String path, String json) {
        return refusalsAsCardPath(() -> http.postJson(path, json));
    }

    private String cardCall(String path, String json) {
        return refusalsAsCardPath(() -> session.call(token -> HttpsDeviceSignIn.postWithToken(http, path, json, token)));
    }

    @Override
    public java.util.Set<String> facilityOptIns() {
        JsonNode optIns = json(refusalsAsCardPath(() -> http.get("/api/v1/facility"))).path("optIns");
        java.util.Set<String> on = new java.util.TreeSet<>();
        optIns.propertyNames().forEach(flag -> {
            if ("1".equals(optIns.path(flag).asString("0"))) {
                on.add(flag);
            }
        });
        return on;
    }

    // The reader reports the service's refusals (PIN locked, revoked card …) with their own codes.
    private static <T> T refusalsAsCardPath(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CentralServiceRefusedException refused) {
            throw new CardPathRefusedException(refused.errorCode(), refused.serviceMessage());
        }
    }

    private static JsonNode json(String body) {
        return refusalsAsCardPath(() -> CentralServiceHttp.json(body));
    }

    private static XmlNode tree(String body) {
        return refusalsAsCardPath(() -> CentralServiceHttp.tree(body));
    }
}
