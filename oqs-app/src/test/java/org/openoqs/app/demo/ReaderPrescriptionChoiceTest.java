package org.openoqs.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.PrescriptionSelectionTiming;
import org.openoqs.server.eps.EpsSettings;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.terminal.reader.ReaderOutcome;
import org.openoqs.terminal.reader.ReaderRequest;
import org.openoqs.terminal.reader.ReaderStation;

/**
 * A facility that uses 電子処方箋 and asks at confirmation (OQSCD038 併用, OQSCD039 資格確認時) gets the patient's
 * reader choice in the face result, and its reader shows the question. (The opposite case — not opted in, the choice
 * never appears — is part of {@link SmartphoneOptInTest}.)
 */
class ReaderPrescriptionChoiceTest {

    @TempDir
    Path home;

    @Test
    void theChoiceReachesTheFaceFileWhereTheFacilityOptedIn() throws Exception {
        try (DemoSystem demo = DemoSystem.start(home, 0)) {
            String code = DemoSystem.INSTITUTION_CODE;
            FacilityService facilities = demo.server().facilities();
            facilities.updateSettings(code, facilities.get(code).settings()
                    .withEPrescription(EPrescriptionUse.ELECTRONIC_AND_PAPER));
            demo.server().bean(EpsSettings.class).setSelectionTiming(code, PrescriptionSelectionTiming.AT_CONFIRMATION);
            ReaderStation station = demo.reader().station();

            assertThat(station.asksPrescriptionChoice()).isTrue();
            ReaderOutcome outcome = station.confirm(new ReaderRequest("P000000000000001", CredentialKind.MY_NUMBER_CARD,
                    PresenceMethod.FACE, null, true, Set.of(), null, PrescriptionIssueSelect.PAPER));

            assertThat(outcome.success()).as(outcome.message()).isTrue();
            assertThat(Files.readString(outcome.faceFile()))
                    .contains("<PrescriptionIssueSelect>2</PrescriptionIssueSelect>");
        }
    }
}
