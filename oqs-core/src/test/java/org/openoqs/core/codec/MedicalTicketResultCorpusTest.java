package org.openoqs.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.WrittenDocument;
import org.openoqs.examples.ExampleCorpus;

/**
 * The result corpus (oqs-examples results/): each valid or edge 医療扶助 result reads with its expected number of
 * 医療券・調剤券, and writes back to the same result in both encodings; each invalid one is refused as an unreadable
 * answer ({@code OQSF9003}), never read half.
 */
class MedicalTicketResultCorpusTest {

    @Test
    void everyResultExampleGivesItsExpectedOutcome() {
        List<ExampleCorpus.Example> examples = ExampleCorpus.results();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(9);
        for (ExampleCorpus.Example e : examples) {
            if (e.expectsError()) {
                assertThatThrownBy(() -> QualificationMessages.parseResult(e.bytes())).as(e.toString())
                        .isInstanceOfSatisfying(MessageFormatException.class,
                                x -> assertThat(x.errorCode().code()).isEqualTo(e.expected()));
                continue;
            }
            assertThat(e.expected()).as(e.toString()).startsWith("tickets:");
            QualificationInquiryResult result = QualificationMessages.parseResult(e.bytes());
            int expected = Integer.parseInt(e.expected().substring("tickets:".length()));
            assertThat(result.body().results()).as(e.toString()).singleElement()
                    .satisfies(r -> assertThat(r.medicalTickets()).as(e.toString()).hasSize(expected));
            for (CharacterCode cc : CharacterCode.values()) {
                WrittenDocument again = QualificationMessages.writeResult(result, cc);
                assertThat(QualificationMessages.parseResult(again.bytes()).body()).as(e + " " + cc).isEqualTo(result.body());
            }
        }
    }

    @Test
    void theShiftJisExampleKeepsItsWindows31jCharacters() {
        ExampleCorpus.Example sjis = ExampleCorpus.results().stream()
                .filter(e -> e.file().equals("siquc-iryo-fujo-shift-jis.xml")).findFirst().orElseThrow();
        QualificationInquiryResult result = QualificationMessages.parseResult(sjis.bytes());
        assertThat(result.header().characterCodeIdentifier()).isEqualTo(CharacterCode.SHIFT_JIS);
        assertThat(result.body().results().get(0).medicalTickets().get(0).details().injuryNames())
                .containsExactly("髙﨑症候群①");
    }
}
