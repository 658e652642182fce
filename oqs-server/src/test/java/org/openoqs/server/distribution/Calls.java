package org.openoqs.server.distribution;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON and byte calls to the distribution and certificate endpoints for the tests of this package. */
final class Calls {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Calls() {
    }

    record Reply(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return JSON.readTree(text());
        }
    }

    static Reply get(HttpClient client, URI base, String path) throws IOException, InterruptedException {
        return send(client, HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    static Reply post(HttpClient client, URI base, String path, Object body) throws IOException, InterruptedException {
        return send(client, HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    static Reply put(HttpClient client, URI base, String path, Object body) throws IOException, InterruptedException {
        return send(client, HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private static Reply send(HttpClient client, HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), response.body());
    }
}
