package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/** Every persona's number inquiry, through mutual TLS and the JSON API, answers its expected validity. */
class PersonaEligibilityApiTest {

    private static SharedServer shared;

    @BeforeAll
    static void start() {
        shared = SharedServer.get();
    }

    static Stream<Arguments> personas() {
        return Personas.all().stream().map(p -> Arguments.of(p.key(), p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personas")
    void answersTheExpectedValidity(String key, Persona persona) throws Exception {
        String fileId = "persona-" + key;
        Api.Response response = Api.post(shared.demoClient(), shared.base(), Api.INQUIRY,
                Api.inquiryJson(SharedServer.DEMO_CODE, PersonaCorpus.CONFIRMATION_DATE, fileId, persona.inquiry()));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        QualificationInquiryResult result = response.result();
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(result.header().referenceClassification()).isEqualTo(ReferenceClassification.INSURANCE_CARD_NUMBERS);
        assertThat(result.header().medicalInstitutionCode()).isEqualTo(SharedServer.DEMO_CODE);
        assertThat(result.header().arbitraryFileIdentifier()).isEqualTo(fileId);
        assertThat(result.header().qualificationConfirmationDate()).hasToString("2026-04-01");
        assertThat(result.header().processExecutionTime()).isNotNull();
        assertThat(result.body().processingResultStatus()).as(result.body().processingResultMessage())
                .isEqualTo(ProcessingResultStatus.COMPLETED);
        assertThat(result.body().qualificationValidity()).isEqualTo(persona.expectedValidity());
        assertThat(result.body().searchInfoEcho()).isEqualTo(persona.inquiry());
    }
}
