package org.openoqs.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.xml.XmlDocument;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.examples.ExampleCorpus.Example;

/** Valid-but-unusual requests (edge/) and the persona requests (valid/) all read and pass validation. */
class EdgeCorpusTest {

    static final LocalDate TODAY = LocalDate.of(2025, 4, 1);

    static Stream<Example> acceptable() {
        return Stream.concat(ExampleCorpus.edge().stream(), ExampleCorpus.valid().stream());
    }

    @Test
    void edgeCorpusIsIndexed() {
        assertThat(ExampleCorpus.edge()).hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(e -> assertThat(e.expected()).isEqualTo("parsed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptable")
    void everyFileIsAccepted(Example e) {
        assertThat(e.expectsError()).isFalse();
        InquiryIntake.Outcome outcome = InquiryIntake.check(e.bytes(), ExampleCorpus.DEMO_INSTITUTION_CODE, TODAY);
        assertThat(outcome).as(e.description() + " → " + outcome).isInstanceOf(InquiryIntake.Accepted.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptable")
    void rewritingInEitherEncodingGivesTheSameRequest(Example e) {
        QualificationInquiryRequest request = QualificationMessages.parseRequest(e.bytes());
        for (CharacterCode cc : CharacterCode.values()) {
            var written = QualificationMessages.writeRequest(request, cc);
            assertThat(written.isLossless()).as("%s in %s", e, cc).isTrue();
            assertThat(QualificationMessages.parseRequest(written.bytes())).isEqualTo(request);
        }
    }

    @Test
    void windows31jOnlyCharactersSurviveAShiftJisDeclaration() {
        Example e = find("shift-jis-windows31j-chars.xml");
        XmlDocument doc = new XmlDocumentReader().readDocument(e.bytes());
        assertThat(doc.encoding()).isEqualTo(CharacterCode.SHIFT_JIS);
        assertThat(doc.declaredEncoding()).isEqualTo("Shift_JIS");
        QualificationInquiryRequest r = QualificationMessages.readRequest(doc.root());
        assertThat(r.header().arbitraryFileIdentifier()).isEqualTo("受付①髙﨑～－∥￢");
        assertThat(r.searchInfo().arbitraryIdentifier()).isEqualTo("患者Ⅲ_ｶﾀｶﾅ");
    }

    @Test
    void paddedSixDigitInsurerNumberKeepsItsSpaces() {
        QualificationInquiryRequest r = QualificationMessages.parseRequest(find("insurer-6-digit-space-padded.xml").bytes());
        assertThat(r.searchInfo().insurerNumber()).isEqualTo("  279919");
        assertThat(InquiryValidator.insurerNumberOf(r.searchInfo()).digits()).isEqualTo("279919");
        QualificationInquiryRequest z = QualificationMessages.parseRequest(find("insurer-6-digit-zero-padded.xml").bytes());
        assertThat(InquiryValidator.insurerNumberOf(z.searchInfo()).fileForm()).isEqualTo("  279919");
    }

    @Test
    void layoutVariantsReadTheSameValues() {
        QualificationInquiryRequest crlf = QualificationMessages.parseRequest(find("crlf.xml").bytes());
        QualificationInquiryRequest line = QualificationMessages.parseRequest(find("single-line.xml").bytes());
        QualificationInquiryRequest tabs = QualificationMessages.parseRequest(find("tab-indented.xml").bytes());
        assertThat(crlf).isEqualTo(line).isEqualTo(tabs);
        QualificationInquiryRequest cdata = QualificationMessages.parseRequest(find("cdata-and-entities.xml").bytes());
        assertThat(cdata.header().arbitraryFileIdentifier()).isEqualTo("R&D <01>");
        assertThat(cdata.searchInfo().arbitraryIdentifier()).isEqualTo("A&Bあ<1>");
    }

    static Example find(String file) {
        return ExampleCorpus.edge().stream().filter(e -> e.file().equals(file)).findFirst().orElseThrow();
    }
}
