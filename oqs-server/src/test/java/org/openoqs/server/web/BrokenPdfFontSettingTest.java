package org.openoqs.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.server.web.MedicalInformationTestSupport.consent;
import static org.openoqs.server.web.MedicalInformationTestSupport.medicalAudit;
import static org.openoqs.server.web.MedicalInformationTestSupport.now;
import static org.openoqs.server.web.MedicalInformationTestSupport.open;
import static org.openoqs.server.web.MedicalInformationTestSupport.persona;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.registry.Person;
import org.openoqs.server.CentralServer;
import org.openoqs.server.account.AccountKind;
import org.openoqs.server.pdf.JapaneseFont;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A configured PDF font the service cannot use answers the portal's PDFs with 503 and a Japanese reason naming the
 * font, never the 403 of a refused consent. The font is a folder: unreadable as a font for root as well (root ignores
 * file modes, so a {@code chmod 000} file would still be read when the suite runs as root, as CI does).
 */
class BrokenPdfFontSettingTest {

    @TempDir
    static Path dir;
    static CentralServer server;
    static PortalFixture portal;
    static PortalFixture.SignedIn viewer;
    static Person taro;
    static Path notAFont;

    @BeforeAll
    static void serverWithAFolderAsItsFont() throws Exception {
        notAFont = Files.createDirectories(dir.resolve("fonts"));
        String before = System.setProperty(JapaneseFont.PROPERTY, notAFont.toString());
        try {
            server = CentralServer.start(SharedServer.get().pki().serverConfig(dir.resolve("home")).build());
        } finally {
            if (before == null) {
                System.clearProperty(JapaneseFont.PROPERTY);
            } else {
                System.setProperty(JapaneseFont.PROPERTY, before);
            }
        }
        portal = PortalFixture.on(server);
        PortalFixture.SignedIn admin = portal.administrator(portal.facilityWithMaster("フォント設定誤り医院", false));
        viewer = portal.person(admin, AccountKind.MEDICAL_VIEWER, "医師 二郎");
        taro = persona("shaho-honnin");
        consent(portal, viewer.institutionCode(), "shaho-honnin", MedicalTreatmentFlag.OUTPATIENT, now().minusHours(1),
                ConsentCategory.DRUG, ConsentCategory.CHECKUP);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePdfsAnswer503WithTheReasonInJapanese() throws Exception {
        for (String pdf : List.of("drugs.pdf", "checkups.pdf")) {
            MockHttpServletResponse answer = open(portal, viewer, "/web/medical/patients/" + taro.personId() + "/" + pdf);

            assertThat(answer.getStatus()).as(pdf).isEqualTo(503);
            String page = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
            assertThat(page).contains(ErrorCode.PDF_FONT_UNUSABLE.code())
                    .contains("日本語フォントを読み込めないため、PDFを作成できません")
                    .contains(notAFont.toAbsolutePath().toString()).contains("フォルダーです");
        }
        assertThat(medicalAudit(portal, viewer.institutionCode()).get(0).outcome())
                .isEqualTo("FAILED " + ErrorCode.PDF_FONT_UNUSABLE.code());
    }

    @Test
    void theScreensStillWork() throws Exception {
        MockHttpServletResponse drugs = open(portal, viewer, "/web/medical/patients/" + taro.personId() + "/drugs");

        assertThat(drugs.getStatus()).isEqualTo(200);
    }
}
