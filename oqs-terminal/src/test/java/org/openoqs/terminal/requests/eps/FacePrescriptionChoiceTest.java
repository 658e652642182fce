package org.openoqs.terminal.requests.eps;

import org.openoqs.terminal.central.EpsGateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/** The face result carries the reader's choice only for a facility that opted in; unknown settings mean no choice. */
class FacePrescriptionChoiceTest {

    static final QualificationInquiryResult FACE = new QualificationInquiryResult(null, new QualificationResultBody(
            null, ProcessingResultStatus.COMPLETED, null, null, QualificationValidity.VALID, null, List.of()));

    static final class Settings implements EpsGateway {
        EpsGateway.ReaderSettings answer;
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public XmlNode send(EpsOperation operation, XmlNode request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ReaderSettings readerSettings() {
            asked.incrementAndGet();
            if (answer == null) {
                throw new CentralServiceUnavailableException("down");
            }
            return answer;
        }
    }

    @Test
    void anOptedInFacilityGetsTheChoiceAndTheSettingIsCached() {
        Settings settings = new Settings();
        settings.answer = new EpsGateway.ReaderSettings("2", "2", true);
        FacePrescriptionChoice choice = new FacePrescriptionChoice(settings, Clock.systemUTC());
        assertThat(choice.readerAsks()).isTrue();
        assertThat(choice.apply(FACE, PrescriptionIssueSelect.ELECTRONIC).body().prescriptionIssueSelect())
                .isEqualTo(PrescriptionIssueSelect.ELECTRONIC);
        assertThat(settings.asked).hasValue(1);
    }

    @Test
    void otherwiseTheElementStaysOut() {
        Settings settings = new Settings();
        settings.answer = new EpsGateway.ReaderSettings("2", "1", false);
        assertThat(new FacePrescriptionChoice(settings, Clock.systemUTC()).apply(FACE, PrescriptionIssueSelect.PAPER)
                .body().prescriptionIssueSelect()).isNull();
        Settings unreachable = new Settings();
        FacePrescriptionChoice blind = new FacePrescriptionChoice(unreachable, Clock.systemUTC());
        assertThat(blind.readerAsks()).isFalse();
        assertThat(blind.apply(FACE, PrescriptionIssueSelect.PAPER).body().prescriptionIssueSelect()).isNull();
    }
}
