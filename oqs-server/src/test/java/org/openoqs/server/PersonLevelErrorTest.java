package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/** A search block with an invalid insurer check digit answers ProcessingResultStatus 2 for that person. */
class PersonLevelErrorTest {

    @Test
    void badCheckDigitIsAPersonLevelError() throws Exception {
        SharedServer shared = SharedServer.get();
        QualificationConfirmSearchInfo bad = new QualificationConfirmSearchInfo("06130489", "ABC", "12345", "01",
                "19800101", "1", "patient-1");

        Api.Response r = Api.post(shared.demoClient(), shared.base(), Api.INQUIRY,
                Api.inquiryJson(SharedServer.DEMO_CODE, PersonaCorpus.CONFIRMATION_DATE, "bad-digit", bad));

        assertThat(r.status()).isEqualTo(200);
        QualificationInquiryResult result = r.result();
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(result.header().arbitraryFileIdentifier()).isEqualTo("bad-digit");
        assertThat(result.body().processingResultStatus()).isEqualTo(ProcessingResultStatus.ERROR);
        assertThat(result.body().processingResultCode()).isEqualTo("OQSP2103");
        assertThat(result.body().processingResultMessage()).contains("検証番号");
        assertThat(result.body().qualificationValidity()).isNull();
        assertThat(result.body().results()).isEmpty();
        assertThat(result.body().searchInfoEcho()).isEqualTo(bad);
    }
}
