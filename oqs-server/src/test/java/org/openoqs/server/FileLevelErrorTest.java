package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.population.Personas;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/** A request whose header is unusable is answered with SegmentOfResult 9 and the header's error code. */
class FileLevelErrorTest {

    @Test
    void impossibleConfirmationDateFailsTheFile() throws Exception {
        SharedServer shared = SharedServer.get();
        Api.Response r = Api.post(shared.demoClient(), shared.base(), Api.INQUIRY,
                Api.inquiryJson(SharedServer.DEMO_CODE, "20230229", "bad-date", Personas.all().get(0).inquiry()));

        assertThat(r.status()).isEqualTo(200);
        QualificationInquiryResult result = r.result();
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(result.header().errorCode()).isEqualTo("OQSF1212");
        assertThat(result.header().errorMessage()).contains("資格確認日");
        assertThat(result.header().arbitraryFileIdentifier()).isEqualTo("bad-date");
        assertThat(result.body()).isNull();
    }

    @Test
    void missingMessageBodyFailsTheFile() throws Exception {
        SharedServer shared = SharedServer.get();
        String json = "{\"XmlMsg\":{\"MessageHeader\":{\"QualificationConfirmationDate\":\"20260401\","
                + "\"MedicalInstitutionCode\":\"" + SharedServer.DEMO_CODE + "\"}}}";
        Api.Response r = Api.post(shared.demoClient(), shared.base(), Api.INQUIRY, json);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.result().header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(r.result().header().errorCode()).isEqualTo("OQSF1103");
    }
}
