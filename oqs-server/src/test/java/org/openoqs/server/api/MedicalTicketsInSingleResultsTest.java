package org.openoqs.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.DesignatedMedicalInstitutionFlag;
import org.openoqs.core.code.MedicalTreatmentType;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.SingleOrCombinedUse;
import org.openoqs.core.code.StatusOfSocialInsurance;
import org.openoqs.core.code.TicketType;
import org.openoqs.core.message.MedicalTicketInfo;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.IssuedCard;
import org.openoqs.server.testsupport.ReaderSessions;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * 医療扶助 in single results, through the real server over mutual TLS: the number inquiry of the 医療扶助 persona
 * (木村 茂) carries the 医療券 of this month with what the welfare office wrote on it — this facility's ticket 一致,
 * another facility's 不一致 without naming it, last month's not at all — valid against docs/openapi.yaml; a pharmacy
 * gets 調剤券; a facility with 医療扶助 off gets OQSP2201 and no ticket. A card confirmation of a recipient of the
 * synthetic population who holds a card and this month's 医療券 carries it in the face result; at a facility with
 * 医療扶助 off the same card gets no ticket.
 */
class MedicalTicketsInSingleResultsTest {

    private static final String INQUIRY = "/api/v1/qualifications/inquiry";
    private static final SharedServer SHARED = SharedServer.get();
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final OpenApiDocument document = OpenApiDocument.load();
    private final JdbcTemplate jdbc = SHARED.server().bean(JdbcTemplate.class);
    private final Persona fujo = Personas.byKey("iryo-fujo").orElseThrow();
    private final String fujoQualification = fujo.qualifications().get(0).qualificationId();
    private final LocalDate today = LocalDate.now(ServerConfig.TOKYO);
    private final String month = YearMonth.from(today).format(DateTimeFormatter.ofPattern("uuuuMM"));

    @AfterEach
    void theSharedRegistryGoesBackToHowItWasSeeded() {
        jdbc.update("delete from medical_ticket where qualification_id = ?", fujoQualification);
        jdbc.update("update qualification set medical_ticket_count = 0 where qualification_id = ?", fujoQualification);
    }

    private String facility(char scoreTable, boolean medicalAssistance) {
        String code = CheckDigit.complete("28" + scoreTable + "77" + (1000 + NEXT.incrementAndGet()));
        SHARED.server().facilities().create(code, "医療扶助テスト " + code);
        SHARED.server().facilities().updateSettings(code,
                SHARED.server().facilities().get(code).settings().withMedicalAssistance(medicalAssistance));
        return code;
    }

    /** The welfare office registers 医療券 for 木村 茂, as the registry holds them. */
    private void ticketsForFujo(String ownCode, String otherCode) {
        String lastMonth = YearMonth.from(today).minusMonths(1).format(DateTimeFormatter.ofPattern("uuuuMM"));
        jdbc.update("insert into medical_ticket (qualification_id, seq, issue_number, medical_treatment_month, "
                + "designated_medical_institution_code, designated_medical_institution_name, injury_name_1, "
                + "injury_name_2, medical_treatment_type, self_pay_amount, district_contact_name, single_or_combined_use, "
                + "status_of_social_insurance, remarks_1) values (?, 1, 'F-MINE', ?, ?, '医療扶助テスト医院', '高血圧症', "
                + "'腰痛症', '02', '0', '光野　一郎', '01', '02', '継続')", fujoQualification, month, ownCode);
        jdbc.update("insert into medical_ticket (qualification_id, seq, issue_number, medical_treatment_month, "
                + "designated_medical_institution_code, designated_medical_institution_name) values (?, 2, 'F-OTHER', ?, ?, "
                + "'ほかの医院')", fujoQualification, month, otherCode);
        jdbc.update("insert into medical_ticket (qualification_id, seq, issue_number, medical_treatment_month) "
                + "values (?, 3, 'F-LAST-MONTH', ?)", fujoQualification, lastMonth);
        jdbc.update("update qualification set medical_ticket_count = 3 where qualification_id = ?", fujoQualification);
    }

    private Api.Response inquire(String code) throws Exception {
        HttpClient client = SHARED.pki().client(SHARED.pki().issueFacility(code));
        Api.Response r = Api.post(client, SHARED.base(), INQUIRY.substring(1), Api.inquiryJson(code,
                today.format(DateTimeFormatter.BASIC_ISO_DATE), "fujo-" + code, fujo.inquiry()));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(document.validate(document.responseSchemaPointer(document.operation("POST", INQUIRY), "200",
                "application/json"), r.json())).as("valid against docs/openapi.yaml: %s", r.body()).isEmpty();
        return r;
    }

    @Test
    void theNumberInquiryCarriesTheTicketsOfTheMonth() throws Exception {
        String clinic = facility('1', true);
        String other = facility('1', true);
        ticketsForFujo(clinic, other);

        Api.Response answer = inquire(clinic);
        QualificationInquiryResult result = answer.result();
        assertThat(result.body().qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        List<MedicalTicketInfo> tickets = result.body().results().get(0).medicalTickets();
        assertThat(tickets).extracting(MedicalTicketInfo::issueNumber).containsExactly("F-MINE", "F-OTHER");
        MedicalTicketInfo mine = tickets.get(0);
        assertThat(mine.ticketType()).isEqualTo(TicketType.MEDICAL_TICKET);
        assertThat(mine.medicalTreatmentMonth()).isEqualTo(YearMonth.from(today));
        assertThat(mine.designatedMedicalInstitutionCode()).isEqualTo(clinic);
        assertThat(mine.designatedMedicalInstitutionFlag()).isEqualTo(DesignatedMedicalInstitutionFlag.MATCHES);
        assertThat(mine.details().designatedMedicalInstitutionName()).isEqualTo("医療扶助テスト医院");
        assertThat(mine.details().injuryNames()).containsExactly("高血圧症", "腰痛症");
        assertThat(mine.details().medicalTreatmentType()).isEqualTo(MedicalTreatmentType.OUTPATIENT);
        assertThat(mine.details().districtContactName()).isEqualTo("光野　一郎");
        assertThat(mine.details().singleOrCombinedUse()).isEqualTo(SingleOrCombinedUse.SINGLE);
        assertThat(mine.details().statusOfSocialInsurance()).isEqualTo(StatusOfSocialInsurance.ABSENT);
        assertThat(mine.details().remarks()).containsExactly("継続");
        MedicalTicketInfo theirs = tickets.get(1);
        assertThat(theirs.designatedMedicalInstitutionFlag()).isEqualTo(DesignatedMedicalInstitutionFlag.DIFFERS);
        assertThat(theirs.designatedMedicalInstitutionCode()).isNull();
        assertThat(answer.body()).doesNotContain(other, "ほかの医院", "F-LAST-MONTH");
        JsonNode json = answer.json().at("/XmlMsg/MessageBody/ResultList/ResultOfQualificationConfirmation/0"
                + "/PublicExpenseResultList/MedicalTicketInfo");
        assertThat(json.isArray()).as(answer.body()).isTrue();
        assertThat(json.get(0).path("TicketType").asString()).isEqualTo("01");
    }

    @Test
    void aPharmacyGetsDispensingTicketsAndAFacilityWithMedicalAssistanceOffGetsNone() throws Exception {
        String pharmacy = facility('4', true);
        String off = facility('1', false);
        ticketsForFujo(pharmacy, off);

        assertThat(inquire(pharmacy).result().body().results().get(0).medicalTickets())
                .extracting(MedicalTicketInfo::ticketType).containsOnly(TicketType.DISPENSING_TICKET);

        Api.Response refused = inquire(off);
        assertThat(refused.result().body().processingResultCode()).isEqualTo("OQSP2201");
        assertThat(refused.body()).doesNotContain("PublicExpenseResultList", "F-MINE");
    }

    @Test
    void aCardConfirmationCarriesTheRecipientsTicketOfTheMonth() throws Exception {
        Map<String, Object> holder = jdbc.queryForMap("select c.card_id, t.issue_number from my_number_card c "
                + "join qualification q on q.person_id = c.person_id join medical_ticket t on t.qualification_id = "
                + "q.qualification_id where c.status = 'ACTIVE' and c.card_id like 'C%' and q.insured_card_classification "
                + "= 'A1' and q.disqualification_date is null and t.medical_treatment_month = ? and not exists (select 1 "
                + "from qualification h where h.person_id = q.person_id and h.insured_card_classification <> 'A1' and "
                + "(h.disqualification_date is null or h.disqualification_date > ?)) order by c.card_id limit 1",
                month, today);
        IssuedCard card = IssuedCard.issue(SHARED.server(), (String) holder.get("card_id"));

        String clinic = facility('1', true);
        QualificationInquiryResult face = confirm(card, clinic).result();
        assertThat(face.body().qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        assertThat(face.body().results().get(0).medicalTickets()).singleElement().satisfies(t -> {
            assertThat(t.issueNumber()).isEqualTo(holder.get("issue_number"));
            assertThat(t.ticketType()).isEqualTo(TicketType.MEDICAL_TICKET);
            assertThat(t.medicalTreatmentMonth()).isEqualTo(YearMonth.from(today));
            assertThat(t.designatedMedicalInstitutionFlag()).isNull(); // the generated tickets name no facility
            assertThat(t.details().singleOrCombinedUse()).isEqualTo(SingleOrCombinedUse.SINGLE);
        });

        Api.Response off = confirm(card, facility('1', false));
        assertThat(off.body()).doesNotContain("PublicExpenseResultList", "MedicalTicketInfo");
    }

    private static Api.Response confirm(IssuedCard card, String code) throws Exception {
        HttpClient client = SHARED.pki().client(SHARED.pki().issueFacility(code));
        String token = ReaderSessions.token(client, SHARED.base(),
                ReaderSessions.createReaderAccount(SHARED.server(), code, "受付"));
        Api.Response r = card.confirm(client, SHARED.base(), token, code);
        assertThat(r.status()).as(r.body()).isIn(200, 422);
        return r;
    }
}
