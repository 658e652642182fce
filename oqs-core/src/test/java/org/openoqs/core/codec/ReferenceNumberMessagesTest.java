package org.openoqs.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;

/** 照会番号 単件登録 as XML: what is read of a request, and the two shapes of its result. */
class ReferenceNumberMessagesTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 4, 1, 9, 30, 15);
    private static final String REQUEST = """
            <?xml version="1.0" encoding="UTF-8"?>
            <XmlMsg>
              <MessageHeader>
                <MedicalInstitutionCode>0113810014</MedicalInstitutionCode>
                <ArbitraryFileIdentifier>reg-0001</ArbitraryFileIdentifier>
              </MessageHeader>
              <MessageBody>
                <ReferenceNumberRegistrationInfo>
                  <ReferenceNumber>KARTE-123</ReferenceNumber>
                  <InsurerNumber>06199905</InsurerNumber>
                  <InsuredCardSymbol>記号１</InsuredCardSymbol>
                  <InsuredIdentificationNumber>1234</InsuredIdentificationNumber>
                  <InsuredBranchNumber>01</InsuredBranchNumber>
                </ReferenceNumberRegistrationInfo>
              </MessageBody>
            </XmlMsg>
            """;

    @Test
    void aRequestGivesItsHeaderFieldsAndItsBlock() {
        ReferenceNumberMessages.Request request = ReferenceNumberMessages.readRequest(xml(REQUEST));

        assertThat(request.medicalInstitutionCode()).isEqualTo("0113810014");
        assertThat(request.arbitraryFileIdentifier()).isEqualTo("reg-0001");
        assertThat(request.hasBody()).isTrue();
        assertThat(ReferenceNumberMessages.RegistrationInfo.of(request.block())).isEqualTo(
                new ReferenceNumberMessages.RegistrationInfo("KARTE-123", "06199905", "記号１", "1234", "01"));
    }

    @Test
    void aBlockWrittenFromItsFieldsReadsBackTheSame() {
        ReferenceNumberMessages.RegistrationInfo info =
                new ReferenceNumberMessages.RegistrationInfo("KARTE-9", "06199905", null, "77", "01");

        XmlNode block = info.toXml();

        assertThat(block.children()).extracting(XmlNode::name).containsExactly("ReferenceNumber", "InsurerNumber",
                "InsuredIdentificationNumber", "InsuredBranchNumber");
        assertThat(ReferenceNumberMessages.RegistrationInfo.of(block)).isEqualTo(info);
    }

    @Test
    void aMissingBlockReadsAsNoFields() {
        ReferenceNumberMessages.Request request = ReferenceNumberMessages.readRequest(xml(
                "<XmlMsg><MessageHeader/><MessageBody/></XmlMsg>"));

        assertThat(request.block()).isNull();
        assertThat(request.hasBody()).isTrue();
        assertThat(ReferenceNumberMessages.RegistrationInfo.of(null))
                .isEqualTo(new ReferenceNumberMessages.RegistrationInfo(null, null, null, null, null));
    }

    @Test
    void aDocumentThatIsNoMessageIsRefusedWithItsCode() {
        assertThatThrownBy(() -> ReferenceNumberMessages.readRequest(xml("<Other/>")))
                .isInstanceOfSatisfying(MessageFormatException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WRONG_ROOT));
        assertThatThrownBy(() -> ReferenceNumberMessages.readRequest(xml("<XmlMsg><MessageBody/></XmlMsg>")))
                .isInstanceOfSatisfying(MessageFormatException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_MESSAGE_HEADER));
    }

    @Test
    void aRegisteredBlockIsAnsweredWithStatus1AndEchoedAsItCame() {
        XmlNode block = ReferenceNumberMessages.readRequest(xml(REQUEST)).block();

        XmlNode result = ReferenceNumberMessages.result("0113810014", "reg-0001", NOW, CharacterCode.UTF_8, null, block);

        assertThat(result.child("MessageHeader").orElseThrow().children()).extracting(XmlNode::name).containsExactly(
                "ProcessExecutionTime", "MedicalInstitutionCode", "ArbitraryFileIdentifier", "SegmentOfResult",
                "CharacterCodeIdentifier");
        assertThat(result.path("MessageHeader", "ProcessExecutionTime").map(XmlNode::text)).contains("20260401093015");
        assertThat(result.path("MessageHeader", "SegmentOfResult").map(XmlNode::text)).contains("1");
        XmlNode body = result.child("MessageBody").orElseThrow();
        assertThat(body.children()).extracting(XmlNode::name)
                .containsExactly("ProcessingResultStatus", ReferenceNumberMessages.BLOCK);
        assertThat(body.text("ProcessingResultStatus")).contains("1");
        assertThat(body.child(ReferenceNumberMessages.BLOCK)).contains(block);
    }

    @Test
    void aRefusedBlockIsAnsweredWithStatus2AndTheFault() {
        XmlNode block = ReferenceNumberMessages.readRequest(xml(REQUEST)).block();
        Violation fault = Violation.of(ErrorCode.REFERENCE_NUMBER_IN_USE, "ReferenceNumber");

        XmlNode body = ReferenceNumberMessages.result("0113810014", "reg-0001", NOW, CharacterCode.UTF_8, fault, block)
                .child("MessageBody").orElseThrow();

        assertThat(body.children()).extracting(XmlNode::name).containsExactly("ProcessingResultStatus",
                "ProcessingResultCode", "ProcessingResultMessage", ReferenceNumberMessages.BLOCK);
        assertThat(body.text("ProcessingResultStatus")).contains("2");
        assertThat(body.text("ProcessingResultCode")).contains(ErrorCode.REFERENCE_NUMBER_IN_USE.code());
        assertThat(body.text("ProcessingResultMessage")).contains(fault.message());
    }

    @Test
    void aFileFaultIsAnsweredWithSegment9AndAnEmptyBody() {
        Violation fault = new Violation(ErrorCode.INSTITUTION_MISMATCH, "MedicalInstitutionCode", "指定値: 0113820013");

        XmlNode result = ReferenceNumberMessages.fileError("0113810014", null, NOW, CharacterCode.SHIFT_JIS, fault);

        XmlNode header = result.child("MessageHeader").orElseThrow();
        assertThat(header.text("SegmentOfResult")).contains("9");
        assertThat(header.text("ErrorCode")).contains(ErrorCode.INSTITUTION_MISMATCH.code());
        assertThat(header.text("ErrorMessage")).contains(fault.message());
        assertThat(header.text("CharacterCodeIdentifier")).contains(CharacterCode.SHIFT_JIS.code());
        assertThat(result.child("MessageBody").orElseThrow().children()).isEmpty();
    }

    private static XmlNode xml(String text) {
        return new XmlDocumentReader().read(text.getBytes(StandardCharsets.UTF_8));
    }
}
