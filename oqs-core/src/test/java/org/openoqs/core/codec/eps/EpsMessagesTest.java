package org.openoqs.core.codec.eps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.CheckResult;
import org.openoqs.core.eps.EpsRejectedException;
import org.openoqs.core.eps.EpsResultCode;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlNode;

/** The EPS envelope: file-level checks of the header, typed reading of each body, and the result forms. */
class EpsMessagesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    static XmlNode message(String institutionCode, XmlNode.Builder body) {
        return XmlNode.builder("XmlMsg").child("MessageHeader", h -> h.leaf("MedicalInstitutionCode", institutionCode))
                .child(body.build()).build();
    }

    static XmlNode.Builder body() {
        return XmlNode.builder("MessageBody");
    }

    @Test
    void headerProblemsAreFileLevelCodes() {
        assertThat(EpsMessages.fileLevelViolation(XmlNode.leaf("Other", ""), null)).map(Violation::code)
                .contains(ErrorCode.WRONG_ROOT);
        assertThat(EpsMessages.fileLevelViolation(XmlNode.element("XmlMsg", XmlNode.leaf("MessageBody", "")), null))
                .map(Violation::code).contains(ErrorCode.MISSING_MESSAGE_HEADER);
        assertThat(EpsMessages.fileLevelViolation(message("0113810015", body()), null)).map(Violation::code)
                .contains(ErrorCode.INVALID_INSTITUTION_CODE_CHECK_DIGIT);
        assertThat(EpsMessages.fileLevelViolation(message("0113810014", body()), "0134014003")).map(Violation::code)
                .contains(ErrorCode.INSTITUTION_MISMATCH);
        assertThat(EpsMessages.fileLevelViolation(message("0113810014", body()), "0113810014")).isEmpty();
    }

    @Test
    void registerNeedsBothElementsWithAKnownIssueType() {
        assertThat(EpsMessages.readRegister(body().leaf("PrescriptionInfo", "QUJD").leaf("IssueType", "2").build()))
                .isEqualTo(new EpsRequests.Register("QUJD", PrescriptionIssueSelect.PAPER));
        assertThatThrownBy(() -> EpsMessages.readRegister(body().leaf("IssueType", "3").build()))
                .isInstanceOfSatisfying(EpsRejectedException.class, e -> {
                    assertThat(e.code()).isEqualTo(EpsResultCode.MISSING_ITEM);
                    assertThat(e.checks()).extracting(CheckResult::code)
                            .containsExactly(EpsResultCode.MISSING_ITEM, EpsResultCode.INVALID_ITEM);
                });
    }

    @Test
    void searchDefaultsToTheLastYearAndRefusesBadRanges() {
        EpsRequests.Search s = EpsMessages.readSearch(body().leaf("InsurerNumber", "  138057")
                .leaf("InsuredIdentificationNumber", "1").build(), TODAY);
        assertThat(s.insurerNumber()).isEqualTo("138057");
        assertThat(s.to()).isEqualTo(TODAY);
        assertThat(s.from()).isEqualTo(TODAY.minusDays(365));
        assertThatThrownBy(() -> EpsMessages.readSearch(body().leaf("InsurerNumber", "138057")
                .leaf("InsuredIdentificationNumber", "1").leaf("IssueDateFrom", "20260402").leaf("IssueDateTo", "20260401")
                .build(), TODAY)).extracting(e -> ((EpsRejectedException) e).code()).isEqualTo(EpsResultCode.INVALID_DATE_RANGE);
        assertThatThrownBy(() -> EpsMessages.readDispensingResultList(body()
                .leaf("DispensingResultListStartDate", "20250101").leaf("DispensingResultListEndDate", "20260401").build()))
                .extracting(e -> ((EpsRejectedException) e).code()).isEqualTo(EpsResultCode.DATE_RANGE_TOO_LONG);
    }

    @Test
    void idsAndAccessCodesHaveTheirForms() {
        assertThatThrownBy(() -> EpsMessages.readById(body().leaf("PrescriptionId", "../../etc").build()))
                .extracting(e -> ((EpsRejectedException) e).code()).isEqualTo(EpsResultCode.INVALID_ITEM);
        assertThatThrownBy(() -> EpsMessages.readReceive(body().leaf("AccessCode", "12345").leaf("Birthdate", "19800517")
                .build())).extracting(e -> ((EpsRejectedException) e).code()).isEqualTo(EpsResultCode.INVALID_ITEM);
        assertThat(EpsMessages.readReceive(body().leaf("AccessCode", "0123456789").leaf("Birthdate", "19800517").build()))
                .isEqualTo(new EpsRequests.Receive("0123456789", LocalDate.of(1980, 5, 17)));
    }

    @Test
    void resultsCarryTheStatusOfTheirCode() {
        assertThat(EpsMessages.body(EpsResultCode.ALREADY_CANCELLED, null).build().text("ProcessingResultStatus"))
                .contains("2");
        assertThat(EpsMessages.body(EpsResultCode.ALREADY_REGISTERED, null).build().text("ProcessingResultStatus"))
                .contains("1");
        XmlNode error = EpsMessages.fileLevelError(LocalDateTime.of(2026, 4, 1, 9, 0), "0113810014", "x".repeat(150),
                ErrorCode.MALFORMED_XML, null, CharacterCode.SHIFT_JIS);
        assertThat(error.path("MessageHeader", "SegmentOfResult").map(XmlNode::text)).contains("9");
        assertThat(error.path("MessageHeader", "ArbitraryFileIdentifier").map(XmlNode::text).orElseThrow()).hasSize(100);
        assertThat(error.path("MessageHeader", "CharacterCodeIdentifier").map(XmlNode::text)).contains("1");
        assertThat(error.child("MessageBody")).isEmpty();
    }
}
