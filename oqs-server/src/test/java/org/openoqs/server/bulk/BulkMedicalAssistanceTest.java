package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.CareSettingCriteria;
import org.openoqs.core.bulk.CareSettingSearchInfo;
import org.openoqs.core.code.DesignatedMedicalInstitutionFlag;
import org.openoqs.core.code.TicketType;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.ResultOfQualificationConfirmation;
import org.openoqs.core.population.Personas;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.reference.ReferenceNumberService;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 一括照会 医療扶助 ({@code OQSmutic}) by 診療年月: the facility's 医療扶助 patients (a registered 照会番号, or a ticket of
 * the month naming the facility) each get a unit — validity 1 with the month's 医療券 (調剤券 for a pharmacy), 6 without
 * one, 2 once the 医療扶助 has ended — and only a facility that opted into 医療扶助 may ask.
 */
class BulkMedicalAssistanceTest {

    private static final SharedServer SHARED = SharedServer.get();

    private final JdbcTemplate jdbc = SHARED.server().bean(JdbcTemplate.class);
    private final ReferenceNumberService references = SHARED.server().bean(ReferenceNumberService.class);
    private final YearMonth month = YearMonth.now(ServerConfig.TOKYO);

    /** Population recipients (not personas) whose 医療扶助 qualification holds a ticket for this month. */
    private List<Map<String, Object>> recipientsWithTicket() {
        return jdbc.queryForList("select q.person_id, q.qualification_id, t.issue_number from qualification q "
                + "join medical_ticket t on t.qualification_id = q.qualification_id where q.insured_card_classification "
                + "= 'A1' and t.medical_treatment_month = ? and q.disqualification_date is null order by q.person_id",
                CareSettingCriteria.MONTH.format(month));
    }

    private BulkApi.Result ask(BulkFixture.Facility facility, String treatmentMonth) throws Exception {
        BulkReceipt receipt = BulkApi.upload(facility.client(), SHARED.base(), BulkKind.MEDICAL_ASSISTANCE,
                BulkApi.careSettingUpload(facility.code(), "mutic",
                        new CareSettingSearchInfo(treatmentMonth, null, null, null, null, null)));
        if (!receipt.accepted()) {
            return new BulkApi.Result(new org.openoqs.core.bulk.BulkResultHeader(null, null, null, null, null,
                    SegmentOfResult.FAILED, receipt.errorCode(), receipt.errorMessage(), null, null, null, null, null),
                    List.of());
        }
        return BulkApi.awaitFinal(facility.client(), SHARED.base(), BulkKind.MEDICAL_ASSISTANCE, facility.code(),
                receipt.receptionNumber(), Duration.ofSeconds(30));
    }

    @Test
    void patientsOfTheFacilityGetTheirTicketsOrValiditySix() throws Exception {
        BulkFixture.Facility clinic = BulkFixture.clinic(true);
        String unregistered = Personas.byKey("iryo-fujo").orElseThrow().person().personId();
        List<Map<String, Object>> withTicket = recipientsWithTicket();
        assertThat(withTicket).as("the synthetic population has 医療扶助 recipients with this month's 医療券").hasSizeGreaterThan(2);
        String ticketHolder = (String) withTicket.get(0).get("person_id");
        references.register(clinic.code(), unregistered, "FUJO-1");
        references.register(clinic.code(), ticketHolder, "FUJO-2");
        // a recipient without a 照会番号 here, whose ticket of the month names this clinic
        String designated = (String) withTicket.get(1).get("person_id");
        jdbc.update("update medical_ticket set designated_medical_institution_code = ? where qualification_id = ? "
                + "and medical_treatment_month = ?", clinic.code(), withTicket.get(1).get("qualification_id"),
                CareSettingCriteria.MONTH.format(month));

        // a recipient whose 医療扶助 ends today (in force earlier this month, so still one of the month's patients)
        boolean endsToday = LocalDate.now(ServerConfig.TOKYO).getDayOfMonth() > 1;
        String ending = (String) withTicket.get(2).get("person_id");
        if (endsToday) {
            references.register(clinic.code(), ending, "FUJO-3");
            jdbc.update("update qualification set disqualification_date = ? where qualification_id = ?",
                    LocalDate.now(ServerConfig.TOKYO), withTicket.get(2).get("qualification_id"));
        }
        BulkApi.Result result;
        try {
            result = ask(clinic, CareSettingCriteria.MONTH.format(month));
        } finally { // the shared registry goes back to how it was seeded
            jdbc.update("update medical_ticket set designated_medical_institution_code = null where qualification_id = ?",
                    withTicket.get(1).get("qualification_id"));
            jdbc.update("update qualification set disqualification_date = null where qualification_id = ?",
                    withTicket.get(2).get("qualification_id"));
        }
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        Map<String, BulkConfirmUnit> byReference = new java.util.HashMap<>();
        List<BulkConfirmUnit> units = result.confirmUnits();
        assertThat(units).hasSize(endsToday ? 4 : 3);
        for (BulkConfirmUnit u : units) {
            assertThat(u.searchInfoEcho()).isNull();
            assertThat(u.results()).singleElement().satisfies(r -> assertThat(r.insuredCardClassification())
                    .isEqualTo(InsuredCardClassification.MEDICAL_ASSISTANCE));
            byReference.put(u.referenceNumbers().isEmpty() ? "-" : u.referenceNumbers().get(0), u);
        }
        assertThat(byReference.get("FUJO-1").qualificationValidity()).isEqualTo(QualificationValidity.VALID_UNREGISTERED);
        assertThat(byReference.get("FUJO-1").results().get(0).medicalTickets()).isEmpty();

        BulkConfirmUnit holder = byReference.get("FUJO-2");
        assertThat(holder.qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        assertThat(holder.results().get(0).referenceNumber()).isEqualTo("FUJO-2");
        assertThat(holder.results().get(0).medicalTickets()).singleElement().satisfies(t -> {
            assertThat(t.ticketType()).isEqualTo(TicketType.MEDICAL_TICKET);
            assertThat(t.medicalTreatmentMonth()).isEqualTo(month);
            assertThat(t.issueNumber()).isEqualTo(withTicket.get(0).get("issue_number"));
            assertThat(t.designatedMedicalInstitutionFlag()).isNull();
        });

        BulkConfirmUnit byTicket = byReference.get("-");
        assertThat(byTicket.qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        ResultOfQualificationConfirmation record = byTicket.results().get(0);
        assertThat(record.medicalTickets()).singleElement().satisfies(t -> {
            assertThat(t.designatedMedicalInstitutionCode()).isEqualTo(clinic.code());
            assertThat(t.designatedMedicalInstitutionFlag()).isEqualTo(DesignatedMedicalInstitutionFlag.MATCHES);
        });
        if (endsToday) {
            assertThat(byReference.get("FUJO-3").qualificationValidity()).isEqualTo(QualificationValidity.INVALID);
            assertThat(byReference.get("FUJO-3").results().get(0).disqualificationDate())
                    .isEqualTo(LocalDate.now(ServerConfig.TOKYO));
        }
        assertThat(jdbc.queryForList("select person_ids from bulk_entry e join bulk_job j on j.job_id = e.job_id "
                + "where j.institution_code = ?", String.class, clinic.code()))
                .containsAll(List.of(unregistered, ticketHolder, designated));
    }

    @Test
    void aPharmacyReceivesDispensingTickets() throws Exception {
        BulkFixture.Facility pharmacy = BulkFixture.pharmacy(true);
        references.register(pharmacy.code(), (String) recipientsWithTicket().get(0).get("person_id"), "RX-1");
        BulkApi.Result result = ask(pharmacy, CareSettingCriteria.MONTH.format(month));
        assertThat(result.confirmUnits()).singleElement().satisfies(u -> assertThat(u.results().get(0).medicalTickets())
                .extracting(t -> t.ticketType()).containsExactly(TicketType.DISPENSING_TICKET));
    }

    @Test
    void onlyAFacilityThatOptedInMayAskAndOnlyForAPastOrCurrentMonth() throws Exception {
        BulkFixture.Facility notOptedIn = BulkFixture.clinic(false);
        assertThat(ask(notOptedIn, CareSettingCriteria.MONTH.format(month)).header().errorCode())
                .isEqualTo(ErrorCode.BULK_MEDICAL_ASSISTANCE_NOT_ENABLED.code());
        BulkFixture.Facility clinic = BulkFixture.clinic(true);
        assertThat(ask(clinic, CareSettingCriteria.MONTH.format(month.plusMonths(1))).header().errorCode())
                .isEqualTo(ErrorCode.INVALID_TREATMENT_MONTH.code());
        assertThat(ask(clinic, null).header().errorCode()).isEqualTo(ErrorCode.MISSING_TREATMENT_MONTH.code());
        BulkApi.Result none = ask(clinic, CareSettingCriteria.MONTH.format(month.minusMonths(1)));
        assertThat(none.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(none.header().numberOfProcessingResult()).isZero();
        assertThat(none.units()).isEmpty();
    }
}
