package org.openoqs.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.examples.ExampleCorpus;

class InquiryIntakeTest {

    static final String FACILITY = ExampleCorpus.DEMO_INSTITUTION_CODE;
    static final LocalDate TODAY = LocalDate.of(2025, 4, 1);
    static final QualificationInquiryRequest GOOD = new QualificationInquiryRequest(
            new RequestHeader("20250401", FACILITY, "RQ-1"),
            new QualificationConfirmSearchInfo("06279913", "ABC", "1234", "01", "19800101", "1", "P1"));

    @Test
    void acceptedRequestsHaveNoErrorResult() {
        InquiryIntake.Outcome o = InquiryIntake.check(GOOD, FACILITY, TODAY);
        assertThat(o).isEqualTo(new InquiryIntake.Accepted(GOOD));
        assertThat(o.errorResult(FACILITY, LocalDateTime.now(), CharacterCode.UTF_8)).isEmpty();
    }

    @Test
    void jsonBodiesGoThroughTheSameScreening() {
        String json = JsonMirror.toJson(QualificationMessages.requestToXml(GOOD));
        assertThat(InquiryIntake.check(JsonMirror.fromJson(json), FACILITY, TODAY)).isInstanceOf(InquiryIntake.Accepted.class);
        String wrongRoot = "{\"Msg\":{\"MessageHeader\":{\"MedicalInstitutionCode\":\"" + FACILITY + "\"}}}";
        InquiryIntake.Outcome o = InquiryIntake.check(JsonMirror.fromJson(wrongRoot), FACILITY, TODAY);
        assertThat(o).isInstanceOfSatisfying(InquiryIntake.FileRejected.class, r -> {
            assertThat(r.violation().code()).isEqualTo(ErrorCode.WRONG_ROOT);
            assertThat(r.header().medicalInstitutionCode()).isEqualTo(FACILITY);
        });
    }

    @Test
    void aFileWithSeveralProblemsGetsTheEarliestOne() {
        String xml = "<XmlMsg><MessageHeader><MedicalInstitutionCode>1313810010</MedicalInstitutionCode>"
                + "<QualificationConfirmationDate>20230229</QualificationConfirmationDate></MessageHeader>"
                + "<MessageBody><QualificationConfirmSearchInfo><InsurerNumber>1</InsurerNumber></QualificationConfirmSearchInfo>"
                + "</MessageBody></XmlMsg>";
        InquiryIntake.Outcome o = InquiryIntake.check(xml.getBytes(StandardCharsets.UTF_8), FACILITY, TODAY);
        assertThat(o).isInstanceOfSatisfying(InquiryIntake.FileRejected.class,
                r -> assertThat(r.violation().code()).isEqualTo(ErrorCode.INSTITUTION_MISMATCH));
    }

    @Test
    void theReaderLimitApplies() {
        InquiryIntake.Outcome o = InquiryIntake.check(new byte[2000], FACILITY, TODAY, new XmlDocumentReader(1000));
        assertThat(o).isInstanceOfSatisfying(InquiryIntake.FileRejected.class,
                r -> assertThat(r.violation().code()).isEqualTo(ErrorCode.FILE_TOO_LARGE));
        var result = o.errorResult(FACILITY, LocalDateTime.of(2025, 4, 1, 9, 0), CharacterCode.SHIFT_JIS).orElseThrow();
        assertThat(result.header().errorCode()).isEqualTo("OQSF1002");
        assertThat(result.header().medicalInstitutionCode()).isEqualTo(FACILITY);
    }
}
