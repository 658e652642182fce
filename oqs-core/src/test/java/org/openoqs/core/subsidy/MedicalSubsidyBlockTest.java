package org.openoqs.core.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.MedicalSubsidyXml;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.MedicalSubsidyCertificate;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.population.Personas;
import org.openoqs.core.population.SyntheticPopulation;

/** The synthetic PMH registry and the {@code MedicalSubsidyInfoList} block, written and read in both encodings. */
class MedicalSubsidyBlockTest {

    private final SyntheticSubsidies registry = new SyntheticSubsidies();

    @Test
    void thePersonaHasTwoCertificatesAndEveryNumberHasItsCheckDigit() {
        List<MedicalSubsidyCertificate> yamada = registry.certificatesOf(Personas.byKey("shaho-honnin").orElseThrow().person());
        assertThat(yamada).extracting(MedicalSubsidyCertificate::lawCode).containsExactly("54", "80");
        assertThat(registry.certificatesOf(Personas.byKey("kouki").orElseThrow().person())).isEmpty();
        SyntheticPopulation population = SyntheticPopulation.generate(7, 3000, LocalDate.of(2026, 12, 5));
        long holders = population.persons().stream().filter(p -> !registry.certificatesOf(p).isEmpty()).count();
        assertThat(holders).as("some generated people hold one").isBetween(10L, 1500L);
        population.persons().forEach(p -> registry.certificatesOf(p).forEach(c ->
                assertThat(CheckDigit.isValid(c.insurerNumber())).isTrue()));
        assertThat(registry.certificatesOf(population.persons().get(5)))
                .as("deterministic").isEqualTo(registry.certificatesOf(population.persons().get(5)));
    }

    @Test
    void aBadInsurerNumberIsRefused() {
        assertThatThrownBy(() -> new MedicalSubsidyCertificate("54199901", "1", "x", null, null, null, false,
                LocalDate.of(2020, 1, 1), null, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBlockRoundTripsInUtf8AndShiftJis() {
        List<MedicalSubsidyCertificate> yamada = registry.certificatesOf(Personas.byKey("shaho-honnin").orElseThrow().person());
        for (CharacterCode code : CharacterCode.values()) {
            QualificationInquiryResult result = new QualificationInquiryResult(new ResultHeader(
                    LocalDateTime.of(2026, 12, 5, 9, 0), LocalDate.of(2026, 12, 5), "0113810014", "F",
                    ReferenceClassification.MY_NUMBER_CARD, SegmentOfResult.COMPLETED, null, null, code),
                    new QualificationResultBody(null, ProcessingResultStatus.COMPLETED, null, null,
                            QualificationValidity.VALID, null, List.of()).withMedicalSubsidies(yamada));
            byte[] bytes = QualificationMessages.writeResult(result, code).bytes();
            assertThat(QualificationMessages.parseResult(bytes).body().medicalSubsidies()).isEqualTo(yamada);
        }
        QualificationResultBody none = new QualificationResultBody(null, ProcessingResultStatus.COMPLETED, null, null,
                QualificationValidity.VALID, null, List.of());
        assertThat(QualificationMessages.resultToXml(new QualificationInquiryResult(new ResultHeader(
                LocalDateTime.of(2026, 12, 5, 9, 0), null, "0113810014", null, null, SegmentOfResult.COMPLETED, null,
                null, CharacterCode.UTF_8), none)).toString()).doesNotContain(MedicalSubsidyXml.LIST);
    }
}
