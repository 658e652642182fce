package org.openoqs.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.core.eligibility.EligibilityFixture.DATE;
import static org.openoqs.core.eligibility.EligibilityFixture.NOW;
import static org.openoqs.core.eligibility.EligibilityFixture.SERVICE;
import static org.openoqs.core.eligibility.EligibilityFixture.persona;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.InsuredCardClassification;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.population.Persona;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.core.registry.MedicalTicket;
import org.openoqs.core.registry.Qualification;

/** 医療扶助: 6 without 医療券 for the month, 1 with one, an error when the facility has not opted in. */
class MedicalAssistanceTest {

    @Test
    void withoutTicketValidUnregistered() {
        QualificationResultBody body = SERVICE.answer(persona("iryo-fujo").inquiry(), DATE, true, null, NOW);
        assertThat(body.qualificationValidity()).isEqualTo(QualificationValidity.VALID_UNREGISTERED);
        assertThat(body.results()).singleElement().satisfies(r -> {
            assertThat(r.insuredCardClassification()).isEqualTo(InsuredCardClassification.MEDICAL_ASSISTANCE);
            assertThat(r.insurerNumber()).isEqualTo("12199956");
            assertThat(r.insurerName()).isEqualTo("光野市福祉事務所");
            assertThat(r.insuredBranchNumber()).isNull();
            assertThat(r.personalFamilyClassification()).isNull();
        });
    }

    @Test
    void withTicketForTheMonthValid() {
        Persona p = persona("iryo-fujo");
        Qualification withTicket = p.qualifications().get(0).toBuilder()
                .medicalTickets(List.of(new MedicalTicket("00000001", YearMonth.from(DATE), null, null, null))).build();
        EligibilityService service = new EligibilityService(
                new InMemoryQualificationRegistry(List.of(p.person()), List.of(withTicket), List.of()));
        assertThat(service.answer(p.inquiry(), DATE, true, null, NOW).qualificationValidity())
                .isEqualTo(QualificationValidity.VALID);
        assertThat(service.answer(p.inquiry(), DATE.plusMonths(1), true, null, NOW).qualificationValidity())
                .isEqualTo(QualificationValidity.VALID_UNREGISTERED);
    }

    @Test
    void facilityWithoutTheSettingGetsAPersonLevelError() {
        Persona p = persona("iryo-fujo");
        QualificationResultBody body = SERVICE.answer(p.inquiry(), DATE, false, null, NOW);
        assertThat(body.processingResultStatus()).isEqualTo(ProcessingResultStatus.ERROR);
        assertThat(body.processingResultCode()).isEqualTo("OQSP2201");
        assertThat(body.processingResultMessage()).startsWith("医療扶助の利用設定がされていません");
        assertThat(body.qualificationValidity()).isNull();
        assertThat(body.results()).isEmpty();
        assertThat(body.searchInfoEcho()).isSameAs(p.inquiry());
    }

    @Test
    void settingDoesNotMatterForHealthInsurance() {
        assertThat(SERVICE.answer(persona("shaho-honnin").inquiry(), DATE, false, null, NOW).qualificationValidity())
                .isEqualTo(QualificationValidity.VALID);
    }
}
