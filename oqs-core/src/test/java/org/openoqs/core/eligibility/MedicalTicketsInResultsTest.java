package org.openoqs.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.core.eligibility.EligibilityFixture.DATE;
import static org.openoqs.core.eligibility.EligibilityFixture.NOW;
import static org.openoqs.core.eligibility.EligibilityFixture.persona;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.DesignatedMedicalInstitutionFlag;
import org.openoqs.core.code.MedicalTreatmentType;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.TicketType;
import org.openoqs.core.message.MedicalTicketDetails;
import org.openoqs.core.message.MedicalTicketInfo;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Persona;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.core.registry.MedicalTicket;
import org.openoqs.core.registry.Qualification;

/**
 * Which 医療券・調剤券 a single result carries (docs/eligibility.md, "医療券・調剤券"): those covering the confirmation date,
 * for a facility that opted into 医療扶助, with the 指定医療機関 compared to the asking facility; 調剤券 for a pharmacy;
 * nothing without the facility (the default service) and nothing on a health-insurance record.
 */
class MedicalTicketsInResultsTest {

    private static final String CLINIC = "0113810014";
    private static final String OTHER_CLINIC = CheckDigit.complete("011381002");
    private static final String PHARMACY = CheckDigit.complete("014381001");
    private static final MedicalTicketDetails DETAILS = new MedicalTicketDetails("オープン診療所", null, null,
            List.of("高血圧症"), MedicalTreatmentType.OUTPATIENT, "0", "光野　一郎", null, null, null, null, null, null,
            null, List.of());

    private final Persona fujo = persona("iryo-fujo");
    private final YearMonth april = YearMonth.from(DATE);

    private EligibilityService service(MedicalTicket... tickets) {
        Qualification q = fujo.qualifications().get(0).toBuilder().medicalTickets(List.of(tickets)).build();
        return new EligibilityService(new InMemoryQualificationRegistry(List.of(fujo.person()), List.of(q), List.of()));
    }

    @Test
    void aNumberInquiryCarriesTheTicketsOfTheConfirmationDateWithTheirDetails() {
        EligibilityService service = service(
                new MedicalTicket("A-mine", april, null, null, CLINIC, DETAILS),
                new MedicalTicket("A-none", april, null, null, null),
                new MedicalTicket("A-other", april, null, null, OTHER_CLINIC, DETAILS),
                new MedicalTicket("A-later-half", april, LocalDate.of(2026, 4, 16), null, CLINIC),
                new MedicalTicket("M-may", april.plusMonths(1), null, null, CLINIC));
        QualificationResultBody body = service.withMedicalTicketsFor(CLINIC).answer(fujo.inquiry(), DATE, true, null, NOW);

        assertThat(body.qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        List<MedicalTicketInfo> tickets = body.results().get(0).medicalTickets();
        assertThat(tickets).extracting(MedicalTicketInfo::issueNumber).containsExactly("A-mine", "A-none", "A-other");
        assertThat(tickets).allSatisfy(t -> {
            assertThat(t.ticketType()).isEqualTo(TicketType.MEDICAL_TICKET);
            assertThat(t.medicalTreatmentMonth()).isEqualTo(april);
        });
        assertThat(tickets.get(0).designatedMedicalInstitutionFlag()).isEqualTo(DesignatedMedicalInstitutionFlag.MATCHES);
        assertThat(tickets.get(0).designatedMedicalInstitutionCode()).isEqualTo(CLINIC);
        assertThat(tickets.get(0).details()).isEqualTo(DETAILS);
        assertThat(tickets.get(1).designatedMedicalInstitutionFlag()).isNull();
        assertThat(tickets.get(1).designatedMedicalInstitutionCode()).isNull();
        // another facility's ticket: 不一致, without naming that facility; the rest of what the ticket says stays
        assertThat(tickets.get(2).designatedMedicalInstitutionFlag()).isEqualTo(DesignatedMedicalInstitutionFlag.DIFFERS);
        assertThat(tickets.get(2).designatedMedicalInstitutionCode()).isNull();
        assertThat(tickets.get(2).details().designatedMedicalInstitutionName()).isNull();
        assertThat(tickets.get(2).details().injuryNames()).containsExactly("高血圧症");
    }

    @Test
    void aCardConfirmationAtAPharmacyCarriesDispensingTickets() {
        QualificationResultBody body = service(new MedicalTicket("A-1", april, null, null, PHARMACY))
                .withMedicalTicketsFor(PHARMACY).answerForPerson(fujo.person().personId(), DATE, true, false, null, NOW);
        assertThat(body.qualificationValidity()).isEqualTo(QualificationValidity.VALID);
        assertThat(body.results().get(0).medicalTickets()).singleElement().satisfies(t -> {
            assertThat(t.ticketType()).isEqualTo(TicketType.DISPENSING_TICKET);
            assertThat(t.designatedMedicalInstitutionFlag()).isEqualTo(DesignatedMedicalInstitutionFlag.MATCHES);
        });
    }

    @Test
    void withoutATicketOnTheDateValidityStaysSixAndNoBlock() {
        QualificationResultBody body = service(new MedicalTicket("M-may", april.plusMonths(1), null, null, CLINIC))
                .withMedicalTicketsFor(CLINIC).answer(fujo.inquiry(), DATE, true, null, NOW);
        assertThat(body.qualificationValidity()).isEqualTo(QualificationValidity.VALID_UNREGISTERED);
        assertThat(body.results().get(0).medicalTickets()).isEmpty();
    }

    @Test
    void withoutTheFacilityOrWithTheSettingOffThereAreNoTickets() {
        EligibilityService service = service(new MedicalTicket("A-1", april, null, null, CLINIC));
        assertThat(service.answer(fujo.inquiry(), DATE, true, null, NOW).results().get(0).medicalTickets()).isEmpty();
        QualificationResultBody off = service.withMedicalTicketsFor(CLINIC).answer(fujo.inquiry(), DATE, false, null, NOW);
        assertThat(off.processingResultCode()).isEqualTo("OQSP2201");
        assertThat(off.results()).isEmpty();
        assertThat(service.withMedicalTicketsFor(CLINIC).answerForPerson(fujo.person().personId(), DATE, false, false,
                null, NOW).results()).isEmpty();
    }

    @Test
    void aHealthInsuranceRecordNeverCarriesTickets() {
        Persona honnin = persona("shaho-honnin");
        QualificationResultBody body = EligibilityFixture.SERVICE.withMedicalTicketsFor(CLINIC)
                .answer(honnin.inquiry(), DATE, true, null, NOW);
        assertThat(body.results()).singleElement().satisfies(r -> assertThat(r.medicalTickets()).isEmpty());
    }
}
