package org.openoqs.app.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.core.registry.Qualification;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.examples.ExampleCorpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * 電子カルテ情報共有サービス: retrieval of one patient's 電子カルテ情報 ({@code CIPsiquc01} through
 * {@code POST /api/v1/clins/information}), as a facility's terminal asks it. Before timing: a 50-entry 検査 Bundle is
 * registered for 山田 太郎 (the persona with a card), and he consents to 電子カルテ情報 at the demo clinic's card reader
 * (the demo switches 電子カルテ情報共有サービス on). Each retrieval then runs the consent gate, the registry look-up, the
 * items of the month range and the FHIR Bundle of the answer; the answer must carry all 49 results.
 */
final class ClinsRetrievalBench {

    static final String IDENTIFIER = ExampleCorpus.DEMO_INSTITUTION_CODE + "^2026^bench-retrieval";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Persona TARO = Personas.byKey("shaho-honnin").orElseThrow();

    private ClinsRetrievalBench() {
    }

    static Samples measure(Properties demo, int warmup, int count) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().sslContext(DemoCredentials.clientTls(demo))
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI api = URI.create(demo.getProperty("api.url"));
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(api.resolve("/api/v1/clins/bundles"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tarosBundle())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (registered.statusCode() != 200 && registered.statusCode() != 201) {
            throw new IOException("CLINS registration for the retrieval bench answered HTTP " + registered.statusCode());
        }
        consentAtTheReader(demo);
        HttpRequest retrieve = HttpRequest.newBuilder(api.resolve("/api/v1/clins/information"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(requestJson(demo.getProperty("institution.code")),
                        StandardCharsets.UTF_8)).build();
        Samples samples = new Samples(count);
        for (int i = 0; i < warmup + count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(retrieve, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long elapsed = System.nanoTime() - started;
            if (answer.statusCode() != 200 || !answer.body().contains("\"ItemCount\":\""
                    + (ClinsRegistrationBench.ENTRIES - 1) + "\"")) {
                throw new IOException("CLINS retrieval answered HTTP " + answer.statusCode() + ": "
                        + answer.body().substring(0, Math.min(500, answer.body().length())));
            }
            if (i >= warmup) {
                samples.add(elapsed);
            }
        }
        return samples;
    }

    /** The 50-entry 検査 Bundle of the registration bench, made 山田 太郎's (his Patient, its own identifier). */
    static byte[] tarosBundle() {
        ObjectNode bundle = (ObjectNode) JSON.readTree(ClinsRegistrationBench.bundle(ClinsRegistrationBench.ENTRIES));
        byte[] allergy = ExampleCorpus.dir("clins").stream().filter(e -> e.file().equals("drug-allergy-shaho.json"))
                .findFirst().orElseThrow().bytes();
        JsonNode taro = JSON.readTree(allergy).path("entry").get(0).path("resource");
        ((ObjectNode) bundle.get("entry").get(0)).set("resource", taro.deepCopy());
        ((ObjectNode) bundle.get("identifier")).put("value", IDENTIFIER);
        return JSON.writeValueAsBytes(bundle);
    }

    // The 電子カルテ情報 consent, given on the demo clinic's card reader as `oqs reader confirm --consent clins` does.
    private static void consentAtTheReader(Properties demo) throws IOException, InterruptedException {
        String token = Files.readString(Path.of(demo.getProperty("reader.token.file")), StandardCharsets.UTF_8).strip();
        HttpResponse<String> confirmed = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
                HttpRequest.newBuilder(URI.create(demo.getProperty("reader.url")).resolve("/api/confirm"))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Reader-Token", token)
                        .POST(HttpRequest.BodyPublishers.ofString("card=" + CardConfirmationRoundTrip.CARD
                                + "&method=face&faceMatch=ok&consent=clins&credential=card&care=outpatient")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode result = JSON.readTree(confirmed.body());
        if (confirmed.statusCode() != 200 || !result.path("ok").asBoolean(false)) {
            throw new IOException("the 電子カルテ情報 consent at the reader was refused: " + confirmed.body());
        }
        Files.deleteIfExists(Path.of(result.path("faceFile").asString()));
    }

    static String requestJson(String institutionCode) {
        Qualification q = TARO.qualifications().get(0);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader><MedicalInstitutionCode>"
                + institutionCode + "</MedicalInstitutionCode><InsurerNumber>" + q.insurerNumber().fileForm()
                + "</InsurerNumber><InsuranceCardSymbol>" + q.insuredCardSymbol() + "</InsuranceCardSymbol>"
                + "<InsuredPersonIdentificationNumber>" + q.insuredIdentificationNumber()
                + "</InsuredPersonIdentificationNumber><BranchNumber>" + q.insuredBranchNumber() + "</BranchNumber>"
                + "<ArbitraryFileIdentifier>bench-retrieval</ArbitraryFileIdentifier></MessageHeader><MessageBody>"
                + "<FileCategory>2</FileCategory></MessageBody></XmlMsg>";
        return JsonMirror.toJson(new XmlDocumentReader().read(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
