package org.openoqs.app.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.openoqs.examples.ExampleCorpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * 電子カルテ情報共有サービス: registration of one 50-entry 検査 Bundle (the Patient and 49 results of the corpus's
 * {@code lab-kokuho.json}, each with its own fullUrl and identifier) through {@code POST /api/v1/clins/bundles} with
 * the demo facility's certificate, timed from request to answer the way the TLS floor is. Every upload after the first
 * replaces the one before (same Bundle.identifier), as an EMR re-sending a report does; so the figure includes the
 * strict FHIR parse, the rules, the registry look-up and the delete-and-insert transaction.
 */
final class ClinsRegistrationBench {

    static final int ENTRIES = 50;
    static final String IDENTIFIER = ExampleCorpus.DEMO_INSTITUTION_CODE + "^2026^bench-50";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClinsRegistrationBench() {
    }

    static Samples measure(Properties demo, int warmup, int count) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().sslContext(DemoCredentials.clientTls(demo))
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(demo.getProperty("api.url")).resolve("/api/v1/clins/bundles"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bundle(ENTRIES))).build();
        Samples samples = new Samples(count);
        for (int i = 0; i < warmup + count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long elapsed = System.nanoTime() - started;
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new IOException("CLINS registration answered HTTP " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
            if (i >= warmup) {
                samples.add(elapsed);
            }
        }
        return samples;
    }

    /** The corpus's 検査 Bundle grown to {@code entries} entries (the Patient first). */
    static byte[] bundle(int entries) {
        byte[] lab = ExampleCorpus.dir("clins").stream().filter(e -> e.file().equals("lab-kokuho.json")).findFirst()
                .orElseThrow().bytes();
        ObjectNode bundle = (ObjectNode) JSON.readTree(lab);
        bundle.putObject("identifier").put("system", "http://jpfhir.jp/fhir/clins/bundle-identifier").put("value", IDENTIFIER);
        ArrayNode original = (ArrayNode) bundle.get("entry");
        ArrayNode grown = JSON.createArrayNode();
        grown.add(original.get(0));
        String patientUrl = original.get(0).path("fullUrl").asString();
        for (int i = 1; i < entries; i++) {
            ObjectNode entry = (ObjectNode) original.get(1 + (i - 1) % (original.size() - 1)).deepCopy();
            entry.put("fullUrl", "urn:uuid:" + UUID.nameUUIDFromBytes(("bench-" + i).getBytes(StandardCharsets.UTF_8)));
            ObjectNode resource = (ObjectNode) entry.get("resource");
            ((ObjectNode) resource.get("identifier").get(0)).put("value", "urn:oqs:bench-" + i);
            resource.putObject("subject").put("reference", patientUrl);
            grown.add(entry);
        }
        bundle.set("entry", grown);
        return JSON.writeValueAsBytes(bundle);
    }

    /** The entries of a Bundle this class built (for its test). */
    static int entryCount(byte[] bundle) {
        JsonNode tree = JSON.readTree(bundle);
        return tree.path("entry").size();
    }
}
