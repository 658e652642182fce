package org.openoqs.server.eps.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.codec.eps.PrescriptionDocuments;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.eps.InsuredPatient;
import org.openoqs.core.eps.Medication;
import org.openoqs.core.eps.PrescriptionDocument;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.pki.HealthcareRole;
import org.openoqs.pki.PrescriptionSigner;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.eps.EpsService;
import org.openoqs.server.eps.HpkiTrust;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.web.PortalFixture;

/** The portal's 電子処方箋 screens: search, status, the reader setting, and who may open what. */
class EpsPortalTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn admin;
    static PortalFixture.SignedIn clerk;
    static String prescriptionId;
    static String accessCode;

    @BeforeAll
    static void setUp() throws Exception {
        portal = PortalFixture.get();
        admin = portal.administrator(portal.facilityWithMaster("電子処方箋テスト診療所", false));
        clerk = portal.person(admin, AccountKind.GENERAL, "受付 電子");
        String code = admin.institutionCode();
        portal.server().facilities().updateSettings(code, portal.server().facilities().get(code).settings()
                .withEPrescription(EPrescriptionUse.ELECTRONIC_AND_PAPER));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        PrescriptionDocument document = new PrescriptionDocument(code, null, "画面　医師", today, null,
                new InsuredPatient("06139992", null, "8001", null, "画面　花子", null, LocalDate.of(1990, 1, 2), null),
                List.of(new Medication(null, "画面錠1mg", "1", "錠", "1日1回朝食後", 5)), null);
        byte[] signed = PrescriptionSigner.of(portal.server().bean(HpkiTrust.class).authority().orElseThrow()
                .issueSignatureCertificate("画面　医師", HealthcareRole.MEDICAL_DOCTOR)).sign(PrescriptionDocuments.write(document));
        XmlNode result = portal.server().bean(EpsService.class).handle(code, "test", portal.server().facilities().get(code),
                EpsOperation.REGISTER, XmlNode.builder("XmlMsg")
                        .child("MessageHeader", h -> h.leaf("MedicalInstitutionCode", code))
                        .child("MessageBody", b -> b.leaf("PrescriptionInfo", Base64.getEncoder().encodeToString(signed))
                                .leaf("IssueType", "1"))
                        .build());
        prescriptionId = result.path("MessageBody", "PrescriptionId").orElseThrow().text();
        accessCode = result.path("MessageBody", "AccessCode").orElseThrow().text();
    }

    private static String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            PortalFixture.SignedIn who, int status) throws Exception {
        var response = portal.mvc().perform(who.as(request)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return response.getContentAsString();
    }

    @Test
    void aClerkSearchesByInsuranceNumbersAndOpensTheStatus() throws Exception {
        assertThat(page(get("/web/eps"), clerk, 200)).contains("id=\"eps-search-form\"").doesNotContain("eps-opted-out");
        String found = page(post("/web/eps/search").with(csrf()).param("InsurerNumber", "06139992")
                .param("InsuredIdentificationNumber", "8001"), clerk, 200);
        assertThat(found).contains(prescriptionId, accessCode, "未受付", "電子");

        String status = page(get("/web/eps/prescriptions/" + prescriptionId), clerk, 200);
        assertThat(status).contains("id=\"eps-status\"", prescriptionId, "未受付", "電子処方箋");
        assertThat(portal.server().auditLog().recent(clerk.institutionCode(), 5)).anySatisfy((AuditEvent e) -> {
            assertThat(e.action()).isEqualTo("EPS_STATUS");
            assertThat(e.actor()).isEqualTo(clerk.accountId());
        });
    }

    @Test
    void badInputAndUnknownIdsShowTheirCodes() throws Exception {
        assertThat(page(post("/web/eps/search").with(csrf()).param("InsurerNumber", "06139993")
                .param("InsuredIdentificationNumber", "8001"), clerk, 200)).contains("EPSA1105E");
        assertThat(page(get("/web/eps/prescriptions/00000000-0000-4000-8000-000000000000"), clerk, 200))
                .contains("EPSB1011E");
        assertThat(page(get("/web/eps/prescriptions/not-an-id"), clerk, 200)).contains("EPSA1102E");
    }

    @Test
    void onlyTheAdministratorSetsTheReaderTiming() throws Exception {
        assertThat(page(get("/web/eps/settings"), clerk, 403)).contains("管理アカウントのみ");
        assertThat(page(get("/web/eps/settings"), admin, 200)).contains("カードリーダーで処方箋の発行形態を確認しません");
        String saved = page(post("/web/eps/settings").with(csrf()).param("selectionTiming", "2"), admin, 200);
        assertThat(saved).contains("資格確認時に確認", "カードリーダーで処方箋の発行形態を確認します。");
        assertThat(page(post("/web/eps/settings").with(csrf()).param("selectionTiming", "7"), admin, 200))
                .contains("1 または 2 を選択してください");
        assertThat(portal.mvc().perform(admin.as(post("/web/eps/settings").param("selectionTiming", "1")))
                .andReturn().getResponse().getStatus()).as("no CSRF token").isEqualTo(403);
    }
}
