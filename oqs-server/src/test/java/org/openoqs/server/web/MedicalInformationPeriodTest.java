package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.web.MedicalInformationTestSupport.consent;
import static org.openoqs.server.web.MedicalInformationTestSupport.now;
import static org.openoqs.server.web.MedicalInformationTestSupport.open;
import static org.openoqs.server.web.MedicalInformationTestSupport.persona;

import java.time.YearMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.account.AccountKind;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The drug screen's months follow the request file's rule (at most 36 months, start not after end): a bad period is
 * explained on the screen with OQSP3112, and its PDF link leads back there instead of guessing.
 */
class MedicalInformationPeriodTest {

    static PortalFixture portal;
    static PortalFixture.SignedIn general;
    static String path;

    @BeforeAll
    static void consentingPatient() throws Exception {
        portal = PortalFixture.get();
        PortalFixture.SignedIn admin = portal.administrator(portal.facilityWithMaster("期間テスト薬局前医院", false));
        general = portal.person(admin, AccountKind.GENERAL, "受付 五子");
        consent(portal, general.institutionCode(), "kouki", MedicalTreatmentFlag.OUTPATIENT, now().minusMinutes(30),
                ConsentCategory.DRUG);
        path = "/web/medical/patients/" + persona("kouki").personId() + "/drugs";
    }

    @Test
    void moreThanThirtySixMonthsIsExplained() throws Exception {
        YearMonth thisMonth = YearMonth.from(now());

        String page = open(portal, general, path + "?from=" + thisMonth.minusMonths(36) + "&to=" + thisMonth)
                .getContentAsString();

        assertThat(page).contains("id=\"period-error\"").contains(ErrorCode.INVALID_MONTH_RANGE.code())
                .contains("薬剤情報は36か月").doesNotContain("id=\"drug-table\"").doesNotContain("id=\"pdf\"");
    }

    @Test
    void aStartAfterTheEndIsExplained() throws Exception {
        String page = open(portal, general, path + "?from=2026-05&to=2026-01").getContentAsString();

        assertThat(page).contains(ErrorCode.INVALID_MONTH_RANGE.code()).contains("202605〜202601");
    }

    @Test
    void aMonthThatIsNotAMonthIsExplained() throws Exception {
        String page = open(portal, general, path + "?from=2026-13&to=").getContentAsString();

        assertThat(page).contains(ErrorCode.INVALID_MONTH_RANGE.code()).contains("202613");
    }

    @Test
    void thePdfOfABadPeriodLeadsBackToTheScreen() throws Exception {
        MockHttpServletResponse r = open(portal, general, path + ".pdf?from=2026-05&to=2026-01");

        assertThat(r.getStatus()).isEqualTo(303);
        assertThat(r.getHeader("Location")).endsWith(path + "?from=2026-05&to=2026-01");
    }

    @Test
    void anEndAfterThisMonthIsCutToThisMonth() throws Exception {
        YearMonth thisMonth = YearMonth.from(now());

        String page = open(portal, general, path + "?from=" + thisMonth.minusMonths(2) + "&to=" + thisMonth.plusMonths(5))
                .getContentAsString();

        assertThat(page).doesNotContain("id=\"period-error\"").contains("value=\"" + thisMonth + "\"");
    }
}
