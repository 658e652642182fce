package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.account.AccountKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 資格確認書／処方箋で確認 of a 医療扶助 recipient shows the 医療券 of the month with everything the welfare office wrote
 * (docs/eligibility.md "医療券・調剤券"); a ticket for another facility says 不一致 without naming it; a facility whose
 * 医療扶助 setting is off is not shown the tickets (nor the record); a pharmacy sees a 調剤券.
 */
class MedicalTicketsOnTheInquiryScreenTest {

    private final PortalFixture portal = PortalFixture.get();
    private final JdbcTemplate jdbc = portal.server().bean(JdbcTemplate.class);
    private final Persona fujo = Personas.byKey("iryo-fujo").orElseThrow();
    private final String qualification = fujo.qualifications().get(0).qualificationId();
    private final String month = YearMonth.from(LocalDate.now(ServerConfig.TOKYO))
            .format(DateTimeFormatter.ofPattern("uuuuMM"));

    @AfterEach
    void theSharedRegistryGoesBackToHowItWasSeeded() {
        jdbc.update("delete from medical_ticket where qualification_id = ?", qualification);
        jdbc.update("update qualification set medical_ticket_count = 0 where qualification_id = ?", qualification);
    }

    @Test
    void theTicketForThisClinicIsShownWithWhatTheWelfareOfficeWrote() throws Exception {
        PortalFixture.SignedIn clerk = clerkOf(portal.newFacility("医療扶助画面テスト医院", false), true);
        tickets(clerk.institutionCode(), "9999999999");

        String page = search(clerk);

        assertThat(page).contains("医療扶助 医療券情報（1枚目）", "医療扶助 医療券情報（2枚目）")
                .contains("医療券（01）", "SCR-MINE", "一致（0）", "医療扶助画面テスト医院（券面）", "高血圧症、腰痛症",
                        "光野　二郎", "継続")
                .contains("SCR-OTHER", "不一致（1）")
                .doesNotContain("9999999999", "ほかの医院");
    }

    @Test
    void aPharmacySeesADispensingTicket() throws Exception {
        PortalFixture.SignedIn clerk = clerkOf(portal.newPharmacy("医療扶助画面テスト薬局"), true);
        tickets(clerk.institutionCode(), "9999999999");

        assertThat(search(clerk)).contains("医療扶助 調剤券情報（1枚目）", "調剤券（02）").doesNotContain("医療券（01）");
    }

    @Test
    void aFacilityWithoutMedicalAssistanceIsShownNoTicket() throws Exception {
        PortalFixture.SignedIn clerk = clerkOf(portal.newFacility("医療扶助未設定医院", false), false);
        tickets(clerk.institutionCode(), "9999999999");

        assertThat(search(clerk)).doesNotContain("SCR-MINE", "医療券情報");
    }

    private PortalFixture.SignedIn clerkOf(String code, boolean medicalAssistance) throws Exception {
        portal.server().facilities().updateSettings(code,
                portal.server().facilities().get(code).settings().withMedicalAssistance(medicalAssistance));
        PortalFixture.SignedIn admin = portal.administrator(portal.masterOf(code));
        return portal.person(admin, AccountKind.GENERAL, "受付 扶助");
    }

    /** What a welfare office registers for 木村 茂 this month: one ticket for {@code own}, one for {@code other}. */
    private void tickets(String own, String other) {
        jdbc.update("insert into medical_ticket (qualification_id, seq, issue_number, medical_treatment_month, "
                + "designated_medical_institution_code, designated_medical_institution_name, injury_name_1, "
                + "injury_name_2, medical_treatment_type, self_pay_amount, district_contact_name, "
                + "single_or_combined_use, status_of_social_insurance, remarks_1) values (?, 1, 'SCR-MINE', ?, ?, "
                + "'医療扶助画面テスト医院（券面）', '高血圧症', '腰痛症', '02', '0', '光野　二郎', '01', '02', '継続')",
                qualification, month, own);
        jdbc.update("insert into medical_ticket (qualification_id, seq, issue_number, medical_treatment_month, "
                + "designated_medical_institution_code, designated_medical_institution_name) values (?, 2, "
                + "'SCR-OTHER', ?, ?, 'ほかの医院')", qualification, month, other);
        jdbc.update("update qualification set medical_ticket_count = 2 where qualification_id = ?", qualification);
    }

    private String search(PortalFixture.SignedIn clerk) throws Exception {
        QualificationConfirmSearchInfo s = fujo.inquiry();
        return portal.mvc().perform(clerk.as(post("/web/inquiry").with(csrf())
                        .param("insurerNumber", s.insurerNumber().strip())
                        .param("insuredCardSymbol", s.insuredCardSymbol() == null ? "" : s.insuredCardSymbol())
                        .param("insuredIdentificationNumber", s.insuredIdentificationNumber())
                        .param("insuredBranchNumber", s.insuredBranchNumber() == null ? "" : s.insuredBranchNumber())
                        .param("birthdate", s.birthdate())))
                .andReturn().getResponse().getContentAsString();
    }
}
