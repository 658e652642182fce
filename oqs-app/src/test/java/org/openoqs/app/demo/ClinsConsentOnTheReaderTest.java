package org.openoqs.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.card.CredentialKind;
import org.openoqs.core.card.PresenceMethod;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.consent.ConsentCategory;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.population.Personas;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.terminal.reader.ReaderOutcome;
import org.openoqs.terminal.reader.ReaderRequest;
import org.openoqs.terminal.reader.ReaderStation;

/**
 * The 電子カルテ情報 (6情報) consent through the real service, terminal and reader of a demo: where the facility
 * switched 電子カルテ情報共有サービス on, the reader offers it and the face file and later number inquiries carry the six
 * 2025 flags (1 after the consent; 0 without times for a patient who declined); where it is off, the reader does not
 * offer it, a consent sent anyway is not recorded and no result carries the elements.
 */
class ClinsConsentOnTheReaderTest {

    private static final String OFFER_TEXT = "電子カルテ情報共有サービスで共有される情報の閲覧に同意する";

    @TempDir
    Path home;

    @Test
    void withTheServiceOnTheReaderOffersItAndResultsCarryTheFlags() throws Exception {
        try (DemoSystem demo = DemoSystem.start(home, 0)) {
            switchEKarteSharing(demo, true);
            ReaderStation station = demo.reader().station();
            assertThat(station.offeredConsents()).contains(ConsentCategory.CLINS);
            assertThat(readerPage(demo)).contains(OFFER_TEXT, "value=\"clins\"");

            String face = confirm(station, "P000000000000001", PresenceMethod.FACE,
                    Set.of(ConsentCategory.DRUG, ConsentCategory.CLINS));
            for (String prefix : new String[] {"DiagnosisName", "InfectiousInfo", "AllergyInfo", "ContraindicationInfo",
                    "TestInfo", "PrescriptionInfo"}) {
                assertThat(face).contains("<" + prefix + "ConsFlg>1</" + prefix + "ConsFlg>", "<" + prefix + "ConsTime>",
                        "<" + prefix + "AvailableTime>");
            }
            String inquiry = inquire(demo, "shaho-honnin", "clins-on");
            assertThat(inquiry).contains("<DiagnosisNameConsFlg>1</DiagnosisNameConsFlg>",
                    "<PrescriptionInfoConsFlg>1</PrescriptionInfoConsFlg>");

            // 吉田 美穂 (PIN locked, 目視確認) declines: every flag 0, no times
            String declined = confirm(station, "P000000000000003", PresenceMethod.VISUAL, Set.of(ConsentCategory.DRUG));
            assertThat(declined).contains("<DiagnosisNameConsFlg>0</DiagnosisNameConsFlg>",
                    "<TestInfoConsFlg>0</TestInfoConsFlg>", "<PharmacistsInfoConsFlg>1</PharmacistsInfoConsFlg>")
                    .doesNotContain("DiagnosisNameConsTime", "TestInfoAvailableTime");
        }
    }

    @Test
    void withTheServiceOffTheChoiceIsNotOfferedNotRecordedAndNotShown() throws Exception {
        try (DemoSystem demo = DemoSystem.start(home, 0)) {
            switchEKarteSharing(demo, false);
            ReaderStation station = demo.reader().station();
            assertThat(station.offeredConsents()).doesNotContain(ConsentCategory.CLINS).contains(ConsentCategory.DRUG)
                    .as("the demo uses 医療費助成情報 but not 手術情報").contains(ConsentCategory.SUBSIDY)
                    .doesNotContain(ConsentCategory.SURGERY);
            assertThat(readerPage(demo)).doesNotContain(OFFER_TEXT).doesNotContain("value=\"clins\"")
                    .contains("value=\"drug\"");

            String face = confirm(station, "P000000000000001", PresenceMethod.FACE,
                    Set.of(ConsentCategory.DRUG, ConsentCategory.CLINS)); // as `oqs reader confirm --consent drug,clins`
            assertThat(face).contains("<PharmacistsInfoConsFlg>1</PharmacistsInfoConsFlg>")
                    .doesNotContain("DiagnosisName", "InfectiousInfo", "AllergyInfo", "Contraindication", "TestInfo",
                            "PrescriptionInfoCons");
            assertThat(inquire(demo, "shaho-honnin", "clins-off")).doesNotContain("DiagnosisNameCons");

            // switched on later: the consent sent while it was off was never recorded
            switchEKarteSharing(demo, true);
            assertThat(inquire(demo, "shaho-honnin", "clins-later"))
                    .contains("<DiagnosisNameConsFlg>0</DiagnosisNameConsFlg>").doesNotContain("DiagnosisNameConsTime");
        }
    }

    private static void switchEKarteSharing(DemoSystem demo, boolean on) {
        FacilityService facilities = demo.server().facilities();
        String code = DemoSystem.INSTITUTION_CODE;
        facilities.updateSettings(code, facilities.get(code).settings().withEKarteSharing(on));
    }

    private static String readerPage(DemoSystem demo) throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(demo.reader().launchUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    private static String confirm(ReaderStation station, String card, PresenceMethod method, Set<ConsentCategory> consents)
            throws Exception {
        ReaderOutcome outcome = station.confirm(new ReaderRequest(card, CredentialKind.MY_NUMBER_CARD, method, null, true,
                consents, MedicalTreatmentFlag.OUTPATIENT));
        assertThat(outcome.success()).as(outcome.message()).isTrue();
        return Files.readString(outcome.faceFile(), StandardCharsets.UTF_8);
    }

    /** A number inquiry (OQSsiquc01req) through the terminal's req/res folders, as a レセコン sends it. */
    private static String inquire(DemoSystem demo, String persona, String id) throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).format(DateTimeFormatter.BASIC_ISO_DATE);
        QualificationInquiryRequest request = new QualificationInquiryRequest(
                new RequestHeader(today, DemoSystem.INSTITUTION_CODE, id),
                Personas.byKey(persona).orElseThrow().inquiry());
        Path req = demo.home().reqDirectory();
        Path temp = req.resolve(".OQSsiquc01req_" + id + ".tmp");
        Files.write(temp, QualificationMessages.writeRequest(request, CharacterCode.UTF_8).bytes());
        Files.move(temp, req.resolve("OQSsiquc01req_" + id + ".xml"), StandardCopyOption.ATOMIC_MOVE);
        Path res = demo.home().resDirectory().resolve("OQSsiquc01res_" + id + ".xml");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(res)) {
            assertThat(System.nanoTime()).as("no " + res.getFileName() + " within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        return Files.readString(res, StandardCharsets.UTF_8);
    }
}
