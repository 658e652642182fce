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
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.terminal.reader.ReaderOutcome;
import org.openoqs.terminal.reader.ReaderRequest;
import org.openoqs.terminal.reader.ReaderStation;

/**
 * スマートフォン資格確認 follows the facility's setting: a smartphone credential is refused while the facility has
 * not opted in, and accepted — face file written — once it has. The whole demo runs in this JVM so the test can
 * switch the setting the way the web portal does, through {@link FacilityService}.
 */
class SmartphoneOptInTest {

    @TempDir
    Path home;

    @Test
    void smartphoneIsRefusedWithoutTheOptInAndAcceptedWithIt() throws Exception {
        try (DemoSystem demo = DemoSystem.start(home, 0)) {
            ReaderStation station = demo.reader().station();
            ReaderRequest phone = new ReaderRequest("P000000000000001", CredentialKind.SMARTPHONE_IPHONE,
                    PresenceMethod.FACE, null, true, Set.of(), null, PrescriptionIssueSelect.ELECTRONIC);

            ReaderOutcome refused = station.confirm(phone);
            assertThat(refused.success()).isFalse();
            assertThat(refused.message()).contains("スマートフォン");

            FacilityService facilities = demo.server().facilities();
            String code = DemoSystem.INSTITUTION_CODE;
            facilities.updateSettings(code, facilities.get(code).settings().withSmartphone(true));
            ReaderOutcome accepted = station.confirm(phone);

            assertThat(accepted.success()).as(accepted.message()).isTrue();
            assertThat(accepted.validity()).isEqualTo(QualificationValidity.VALID);
            String face = Files.readString(accepted.faceFile());
            assertThat(face).contains("<ReferenceClassification>1</ReferenceClassification>");
            // the facility does not use 電子処方箋: a choice made at the reader is never passed on
            assertThat(face).doesNotContain("PrescriptionIssueSelect");
        }
    }
}
