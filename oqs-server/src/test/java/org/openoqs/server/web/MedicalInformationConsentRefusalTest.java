package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.web.MedicalInformationTestSupport.consent;
import static org.openoqs.server.web.MedicalInformationTestSupport.medicalAudit;
import static org.openoqs.server.web.MedicalInformationTestSupport.now;
import static org.openoqs.server.web.MedicalInformationTestSupport.open;
import static org.openoqs.server.web.MedicalInformationTestSupport.page;
import static org.openoqs.server.web.MedicalInformationTestSupport.persona;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.audit.AuditEvent;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Without a consent in force to this facility the screens show nothing of the patient: refused with OQSP3101 and
 * the reason (none / expired / which information), the refusal audited with the account. Consents to another
 * facility, lapsed consents and made-up patient ids count as none.
 */
class MedicalInformationConsentRefusalTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn viewer;
    static PortalFixture.SignedIn otherFacilityViewer;

    @BeforeAll
    static void consents() throws Exception {
        portal = PortalFixture.get();
        PortalFixture.SignedIn admin = portal.administrator(portal.facilityWithMaster("同意確認テスト医院", false));
        viewer = portal.person(admin, AccountKind.MEDICAL_VIEWER, "医師 三郎");
        PortalFixture.SignedIn otherAdmin = portal.administrator(portal.facilityWithMaster("別の医院", false));
        otherFacilityViewer = portal.person(otherAdmin, AccountKind.GENERAL, "受付 四子");
        // only 特定健診, given today
        consent(portal, viewer.institutionCode(), "kokuho", MedicalTreatmentFlag.OUTPATIENT, now().minusHours(2),
                ConsentCategory.CHECKUP);
        // 薬剤情報 given two days ago at the counter: the 24 hours are over
        consent(portal, viewer.institutionCode(), "kourei-jukyu", MedicalTreatmentFlag.OUTPATIENT, now().minusDays(2),
                ConsentCategory.DRUG);
        // 薬剤情報 given to the other facility only
        consent(portal, otherFacilityViewer.institutionCode(), "shaho-kazoku", MedicalTreatmentFlag.OUTPATIENT,
                now().minusMinutes(10), ConsentCategory.DRUG);
    }

    @Test
    void informationThePatientDidNotConsentToIsRefusedAndAudited() throws Exception {
        String id = persona("kokuho").personId();

        MockHttpServletResponse r = open(portal, viewer, "/web/medical/patients/" + id + "/drugs");

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains(ErrorCode.CONSENT_MISSING.code()).contains("薬剤情報の同意がありません")
                .doesNotContain("id=\"drug-table\"");
        AuditEvent refusal = medicalAudit(portal, viewer.institutionCode()).get(0);
        assertThat(refusal.actor()).isEqualTo(viewer.accountId());
        assertThat(refusal.subject()).isEqualTo("kind=YZK;channel=web;persons=" + id);
        assertThat(refusal.outcome()).isEqualTo("REFUSED OQSP3101 consent=drug none");
        assertThat(open(portal, viewer, "/web/medical/patients/" + id + "/checkups").getStatus()).isEqualTo(200);
    }

    @Test
    void anExpiredConsentIsRefusedWithItsEnd() throws Exception {
        String id = persona("kourei-jukyu").personId();

        MockHttpServletResponse r = open(portal, viewer, "/web/medical/patients/" + id + "/drugs");

        assertThat(r.getStatus()).isEqualTo(403);
        assertThat(r.getContentAsString()).contains("薬剤情報の同意の有効期限").contains("を過ぎています");
        assertThat(medicalAudit(portal, viewer.institutionCode()).get(0).outcome())
                .isEqualTo("REFUSED OQSP3101 consent=drug expired");
        assertThat(page(portal, viewer, "/web/medical")).doesNotContain(persona("kourei-jukyu").name());
    }

    @Test
    void aConsentToAnotherFacilityDoesNotOpenThisOne() throws Exception {
        String id = persona("shaho-kazoku").personId();

        MockHttpServletResponse summary = open(portal, viewer, "/web/medical/patients/" + id);
        MockHttpServletResponse drugs = open(portal, viewer, "/web/medical/patients/" + id + "/drugs.pdf");

        assertThat(summary.getStatus()).isEqualTo(403);
        assertThat(summary.getContentAsString()).contains("この医療機関で閲覧できる同意がありません")
                .doesNotContain(persona("shaho-kazoku").name());
        assertThat(drugs.getStatus()).isEqualTo(403);
        assertThat(page(portal, viewer, "/web/medical")).doesNotContain(persona("shaho-kazoku").name());
        assertThat(page(portal, otherFacilityViewer, "/web/medical")).contains(persona("shaho-kazoku").name());
    }

    @Test
    void aMadeUpPatientIdGetsTheSameAnswerAsNoConsent() throws Exception {
        MockHttpServletResponse madeUp = open(portal, viewer, "/web/medical/patients/X999999999/drugs");
        MockHttpServletResponse real = open(portal, viewer, "/web/medical/patients/" + persona("soushitsu").personId()
                + "/drugs");

        assertThat(madeUp.getStatus()).isEqualTo(403);
        assertThat(refusalOf(madeUp)).isEqualTo(refusalOf(real)).contains(ErrorCode.CONSENT_MISSING.code())
                .contains("薬剤情報の同意がありません");
        assertThat(medicalAudit(portal, viewer.institutionCode()).get(0).outcome())
                .isEqualTo("REFUSED OQSP3101 consent=drug none");
    }

    private static String refusalOf(MockHttpServletResponse r) throws Exception {
        String page = r.getContentAsString();
        int start = page.indexOf("id=\"refused-message\"");
        return page.substring(start, page.indexOf("</p>", start));
    }

    @Test
    void anIdThatCannotBeAPatientIsNotAScreen() throws Exception {
        MockHttpServletResponse r = open(portal, viewer, "/web/medical/patients/..%2F..%2Fadmin/drugs");

        assertThat(r.getStatus()).isIn(400, 404);
    }
}
