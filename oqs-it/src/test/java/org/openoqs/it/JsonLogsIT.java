package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code OQS_LOG_FORMAT=json ./oqs demo}: the service logs one JSON object per line, and every line logged while one
 * request is handled carries that request's id. The request is a terminal's PDF 薬剤情報 request while the configured
 * PDF font is a folder, so the service logs why it refuses, next to its access line.
 */
class JsonLogsIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;
    @TempDir
    Path notAFont;

    @Test
    void everyLineOfOneRequestIsJsonWithTheSameRequestId() throws Exception {
        try (DemoProcess demo = DemoProcess.start(home, List.of("-Dopenoqs.pdf.font=" + notAFont),
                Map.of("OQS_LOG_FORMAT", "json"))) {
            Properties props = demo.properties();
            DemoProcess.Completed consent = DemoProcess.run("reader", "confirm", "--home", home.toString(), "--card",
                    "P000000000000001", "--method", "face", "--consent", "drug");
            assertThat(consent.exitCode()).as(consent.output()).isZero();

            Persona taro = Personas.byKey("shaho-honnin").orElseThrow();
            Folders.drop(demo.req(), "YZKsiquc01req_json-log.xml", drugRequest(props, taro).getBytes(StandardCharsets.UTF_8));
            String result = new String(Folders.awaitFile(demo.res().resolve("YZKsiquc01res_json-log.xml"),
                    Duration.ofSeconds(20)), StandardCharsets.UTF_8);
            assertThat(result).contains("OQSP3114");
            Thread.sleep(500); // the access line is written as the answer completes

            List<JsonNode> logLines = jsonLines(demo.output());
            JsonNode refusal = logLines.stream()
                    .filter(l -> l.path("message").asString("").contains("refused with OQSP3114")).findFirst()
                    .orElseThrow(() -> new AssertionError("no refusal line in\n" + demo.output()));
            String requestId = refusal.path("requestId").asString("");
            assertThat(requestId).isNotBlank();
            assertThat(refusal.path("message").asString()).contains(notAFont.toString()).contains("フォルダーです");
            List<JsonNode> ofRequest = logLines.stream()
                    .filter(l -> requestId.equals(l.path("requestId").asString(""))).toList();
            assertThat(ofRequest).extracting(l -> l.path("logger_name").asString())
                    .contains("org.openoqs.server.medical.MedicalInformationService", "org.openoqs.server.access");
            assertThat(ofRequest).allSatisfy(l -> assertThat(l.has("@timestamp") && l.has("level")).isTrue());
            assertThat(logLines).filteredOn(l -> l.path("logger_name").asString("").equals("org.openoqs.server.access")
                            && l.path("message").asString("").contains("/api/v1/medical/drug-information"))
                    .isNotEmpty().allSatisfy(l -> assertThat(l.path("requestId").asString("")).isNotBlank());
            assertThat(textLogLinesAfterTheFirstJsonOne(demo.output())).as("once the service is up, every log line is JSON")
                    .isEmpty();
        }
    }

    private static List<JsonNode> jsonLines(String output) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (line.startsWith("{")) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    /** Lines in Spring Boot's or logback's text layout (a time stamp, then a level) after JSON logging began. */
    private static List<String> textLogLinesAfterTheFirstJsonOne(String output) {
        List<String> lines = output.lines().toList();
        int first = 0;
        while (first < lines.size() && !lines.get(first).startsWith("{")) {
            first++;
        }
        return lines.subList(first, lines.size()).stream()
                .filter(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT\\S+\\s+(TRACE|DEBUG|INFO|WARN|ERROR) .*")
                        || l.matches("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[.*\\] (TRACE|DEBUG|INFO|WARN|ERROR) .*"))
                .toList();
    }

    private static String drugRequest(Properties props, Persona persona) {
        var q = persona.qualifications().get(0);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + props.getProperty("institution.code") + "</MedicalInstitutionCode><InsurerNumber>"
                + q.insurerNumber().fileForm() + "</InsurerNumber>"
                + (q.insuredCardSymbol() == null ? "" : "<InsuranceCardSymbol>" + q.insuredCardSymbol() + "</InsuranceCardSymbol>")
                + "<InsuredPersonIdentificationNumber>" + q.insuredIdentificationNumber()
                + "</InsuredPersonIdentificationNumber>"
                + (q.insuredBranchNumber() == null ? "" : "<BranchNumber>" + q.insuredBranchNumber() + "</BranchNumber>")
                + "<ArbitraryFileIdentifier>json-log</ArbitraryFileIdentifier></MessageHeader><MessageBody>"
                + "<FileCategory>1</FileCategory><MedicalTreatmentFlag>1</MedicalTreatmentFlag></MessageBody></XmlMsg>";
    }
}
