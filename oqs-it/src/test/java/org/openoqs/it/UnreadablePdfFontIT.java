package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Qualification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18: "a test removes read access to a configured font and gets the clear error, not a 403". A good TrueType
 * font (the bundled IPA Gothic, copied) is configured with {@code -Dopenoqs.pdf.font} and its read permission removed
 * ({@code chmod 000}). Root reads any file whatever its mode, so when the suite runs as root (as CI does) the real
 * {@code oqs demo} and {@code oqs doctor} processes run as the unprivileged user {@code nobody} through
 * {@code setpriv}; as any other user they run as that user. Then: the service says at start-up why it cannot draw
 * PDFs, a 薬剤情報 PDF request through {@code req} is answered with {@code OQSP3114} (「PDF形式で出力できません…」, not a
 * refusal of the consent), and {@code oqs doctor} fails {@code service.pdf-font} with 「読み取る権限がありません」 — and
 * passes once the permission is back, so the permission alone made the difference.
 */
class UnreadablePdfFontIT {

    private static final int NOBODY = 65534;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Path base;

    @AfterEach
    void removeBase() throws IOException {
        if (base == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(base)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void aFontWithoutReadAccessGivesTheClearErrorNotA403() throws Exception {
        boolean root = ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        List<String> asUser = root ? List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--")
                : List.of();
        base = Files.createTempDirectory("oqs-unreadable-font-");
        Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectory(base.resolve("home"));
        if (root) {
            Files.setAttribute(home, "unix:uid", NOBODY);
            Files.setAttribute(home, "unix:gid", NOBODY);
        }
        Path font = base.resolve("ipag-copy.ttf");
        Files.copy(Path.of(System.getProperty("oqs.repo", ".."))
                .resolve("oqs-server/src/main/resources/org/openoqs/server/pdf/ipag.ttf"), font);
        Files.setPosixFilePermissions(font, PosixFilePermissions.fromString("---------"));

        try (DemoProcess demo = DemoProcess.start(asUser, home, List.of("-Dopenoqs.pdf.font=" + font,
                "-Duser.home=" + home), Map.of())) {
            assertThat(demo.output()).contains(font.toString()).contains("読み取る権限がありません")
                    .contains("PDF（薬剤情報・特定健診・処方箋の控え）は作成できません");

            DemoProcess.Completed confirmed = DemoProcess.runAs(asUser, null, "reader", "confirm", "--home",
                    home.toString(), "--card", "P000000000000001", "--method", "face", "--consent", "drug");
            assertThat(confirmed.exitCode()).as(confirmed.output()).isZero();
            Persona taro = Personas.byKey("shaho-honnin").orElseThrow();
            Folders.drop(demo.req(), "YZKsiquc01req_font-pdf.xml", drugPdfRequest(taro, demo.properties().getProperty("institution.code")).getBytes(StandardCharsets.UTF_8));
            String answer = new String(Folders.awaitFile(demo.res().resolve("YZKsiquc01res_font-pdf.xml"),
                    Duration.ofSeconds(30)), StandardCharsets.UTF_8);
            assertThat(answer).contains("<ErrorCode>OQSP3114</ErrorCode>", "PDF形式で出力できません（日本語フォントが利用できません）")
                    .doesNotContain("OQSP3101"); // not the consent refusal: the patient did consent
            assertThat(demo.res().resolve("YZKsiquc01res_font-pdf.pdf")).doesNotExist();

            JsonNode unreadable = pdfFontFinding(asUser, home);
            assertThat(unreadable.get("status").asString()).isEqualTo("fail");
            assertThat(unreadable.get("message").asString()).contains(font.toString()).contains("読み取る権限がありません");
            assertThat(unreadable.get("fix").asString()).contains("-Dopenoqs.pdf.font");

            Files.setPosixFilePermissions(font, PosixFilePermissions.fromString("rw-r--r--"));
            JsonNode readable = pdfFontFinding(asUser, home);
            assertThat(readable.get("status").asString()).as(readable.toString()).isEqualTo("ok");
        }
    }

    /** {@code oqs doctor --json}'s {@code service.pdf-font} finding, run as the demo's user. */
    private static JsonNode pdfFontFinding(List<String> asUser, Path home) throws Exception {
        DemoProcess.Completed doctor = DemoProcess.runAs(asUser, null, "doctor", "--home", home.toString(), "--json");
        JsonNode checks = JSON.readTree(doctor.output().substring(doctor.output().indexOf('{'))).get("checks");
        for (JsonNode check : checks) {
            if (check.get("id").asString().equals("service.pdf-font")) {
                return check;
            }
        }
        throw new AssertionError("no service.pdf-font finding:\n" + doctor.output());
    }

    private static String drugPdfRequest(Persona persona, String institutionCode) {
        Qualification q = persona.qualifications().get(0);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + institutionCode + "</MedicalInstitutionCode><InsurerNumber>"
                + q.insurerNumber().fileForm() + "</InsurerNumber>"
                + (q.insuredCardSymbol() == null ? "" : "<InsuranceCardSymbol>" + q.insuredCardSymbol() + "</InsuranceCardSymbol>")
                + "<InsuredPersonIdentificationNumber>" + q.insuredIdentificationNumber()
                + "</InsuredPersonIdentificationNumber>"
                + (q.insuredBranchNumber() == null ? "" : "<BranchNumber>" + q.insuredBranchNumber() + "</BranchNumber>")
                + "<ArbitraryFileIdentifier>font-pdf</ArbitraryFileIdentifier></MessageHeader><MessageBody>"
                + "<FileCategory>1</FileCategory><MedicalTreatmentFlag>1</MedicalTreatmentFlag>"
                + "</MessageBody></XmlMsg>";
    }
}
