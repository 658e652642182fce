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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A card on the reader, timed the way {@code oqs reader confirm} drives it: face match, consent to drug
 * information, the service's challenge, the card's signature, the service's verification and answer, and the face
 * file written — all of it between the request to the reader page and its answer.
 */
final class CardConfirmationRoundTrip {

    /** An active persona card (shaho-honnin); confirming it again and again is what a busy counter does. */
    static final String CARD = "P000000000000001";
    private static final String FORM = "card=" + CARD + "&method=face&faceMatch=ok&consent=drug&credential=card"
            + "&care=outpatient";

    private CardConfirmationRoundTrip() {
    }

    static Samples measure(Properties demo, int warmup, int count) throws IOException, InterruptedException {
        String page = demo.getProperty("reader.url");
        String tokenFile = demo.getProperty("reader.token.file");
        if (page == null || tokenFile == null) {
            throw new IOException("the demo has no card reader (reader.url missing in demo.properties)");
        }
        String token = Files.readString(Path.of(tokenFile), StandardCharsets.UTF_8).strip();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest confirm = HttpRequest.newBuilder(URI.create(page).resolve("/api/confirm"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Reader-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(FORM)).build();
        Samples samples = new Samples(count);
        for (int i = 0; i < warmup + count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(confirm, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long elapsed = System.nanoTime() - started;
            Path faceFile = faceFileOf(response);
            Files.deleteIfExists(faceFile); // collected, as the レセコン would
            if (i >= warmup) {
                samples.add(elapsed);
            }
        }
        return samples;
    }

    private static Path faceFileOf(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("the reader page answered HTTP " + response.statusCode());
        }
        JsonNode result = JsonMapper.builder().build().readTree(response.body());
        if (!result.path("ok").asBoolean(false)) {
            throw new IOException("card confirmation refused: " + result.path("errorCode").asString("") + " "
                    + result.path("message").asString(""));
        }
        return Path.of(result.path("faceFile").asString());
    }
}
