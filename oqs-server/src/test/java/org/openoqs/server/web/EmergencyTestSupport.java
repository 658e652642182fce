package org.openoqs.server.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.otp.Base32;
import org.openoqs.core.otp.Totp;
import org.openoqs.core.population.Personas;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.audit.AuditEvent;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The 救急時医療情報閲覧 steps as a hospital's administrator and its 医療情報閲覧 account take them in the portal. */
final class EmergencyTestSupport {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

    private EmergencyTestSupport() {
    }

    /** A hospital with 救急時医療情報閲覧 switched on in 環境設定, and its administrator signed in. */
    static PortalFixture.SignedIn hospitalAdministrator(PortalFixture portal, String name) throws Exception {
        PortalFixture.SignedIn admin = portal.administrator(portal.facilityWithMaster(name, true));
        var facilities = portal.server().facilities();
        facilities.updateSettings(admin.institutionCode(),
                facilities.get(admin.institutionCode()).settings().withEmergencyInfo(true));
        return admin;
    }

    /** A new 医療情報閲覧 account of the administrator's facility, signed in; granted the permission when asked. */
    static PortalFixture.SignedIn viewer(PortalFixture portal, PortalFixture.SignedIn admin, boolean granted)
            throws Exception {
        PortalFixture.SignedIn viewer = portal.person(admin, AccountKind.MEDICAL_VIEWER, "救急 医師");
        if (granted) {
            MockHttpServletResponse r = grant(portal, admin, viewer.accountId());
            if (r.getStatus() != 302) {
                throw new IllegalStateException("grant failed: " + r.getStatus() + " " + r.getContentAsString());
            }
        }
        return viewer;
    }

    static MockHttpServletResponse grant(PortalFixture portal, PortalFixture.SignedIn admin, String accountId)
            throws Exception {
        return send(portal, admin, post("/web/accounts/" + accountId + "/emergency-permission/grant").with(csrf()));
    }

    /** Opens the enrolment page and returns the secret it shows (base32 decoded). */
    static byte[] shownSecret(PortalFixture portal, PortalFixture.SignedIn viewer) throws Exception {
        String page = send(portal, viewer, get("/web/emergency/enrol")).getContentAsString();
        Matcher m = SECRET.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no secret on the enrolment page: " + page);
        }
        return Base32.decode(m.group(1));
    }

    /** Enrols (the page's secret, the current code) and returns the secret; the session has passed the factor. */
    static byte[] enrolled(PortalFixture portal, PortalFixture.SignedIn viewer) throws Exception {
        byte[] secret = shownSecret(portal, viewer);
        MockHttpServletResponse r = code(portal, viewer, "/web/emergency/enrol", Totp.code(secret, currentStep()));
        if (r.getStatus() != 302) {
            throw new IllegalStateException("enrolment failed: " + r.getStatus() + " " + r.getContentAsString());
        }
        return secret;
    }

    static MockHttpServletResponse code(PortalFixture portal, PortalFixture.SignedIn who, String path, String code)
            throws Exception {
        return send(portal, who, post(path).with(csrf()).param("code", code));
    }

    /**
     * The current TOTP step, never one that ends within the next 2 seconds: a code computed here is still current
     * when the service checks it.
     */
    static long currentStep() throws InterruptedException {
        long seconds = Instant.now().getEpochSecond() % Totp.STEP_SECONDS;
        if (seconds >= Totp.STEP_SECONDS - 2) {
            Thread.sleep((Totp.STEP_SECONDS - seconds + 1) * 1000L);
        }
        return Totp.step(Instant.now());
    }

    /** The summary form for a persona's insurance keys. */
    static MockHttpServletRequestBuilder summary(String personaKey, String reasonCode, String reasonText) {
        return summary(personaKey, reasonCode, reasonText, Map.of());
    }

    /** The same, with some fields replaced ({@code insurerNumber} → another value). */
    static MockHttpServletRequestBuilder summary(String personaKey, String reasonCode, String reasonText,
                                                 Map<String, String> replaced) {
        QualificationConfirmSearchInfo keys = Personas.byKey(personaKey).orElseThrow().inquiry();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("insurerNumber", keys.insurerNumber().strip());
        fields.put("insuredCardSymbol", keys.insuredCardSymbol() == null ? "" : keys.insuredCardSymbol());
        fields.put("insuredIdentificationNumber", keys.insuredIdentificationNumber());
        fields.put("insuredBranchNumber", keys.insuredBranchNumber() == null ? "" : keys.insuredBranchNumber());
        fields.put("reasonCode", reasonCode);
        fields.put("reasonText", reasonText);
        fields.putAll(replaced);
        MockHttpServletRequestBuilder request = post("/web/emergency/summary").with(csrf());
        fields.forEach(request::param);
        return request;
    }

    static MockHttpServletResponse send(PortalFixture portal, PortalFixture.SignedIn who,
                                        MockHttpServletRequestBuilder request) throws Exception {
        return portal.mvc().perform(who.as(request)).andReturn().getResponse();
    }

    /** The facility's newest audit entries of one action, newest first. */
    static List<AuditEvent> audit(PortalFixture portal, String institutionCode, String action) {
        return portal.server().auditLog().recent(institutionCode, 100).stream()
                .filter(e -> e.action().equals(action)).toList();
    }
}
