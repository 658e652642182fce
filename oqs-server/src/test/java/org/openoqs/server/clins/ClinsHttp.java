package org.openoqs.server.clins;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openoqs.server.testsupport.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CLINS calls over the real mTLS connection, with the FHIR media type. */
final class ClinsHttp {

    static final String BUNDLES = "api/v1/clins/bundles";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClinsHttp() {
    }

    static Api.Response post(HttpClient client, URI base, byte[] body, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(BUNDLES)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    static Api.Response register(HttpClient client, URI base, byte[] body) throws Exception {
        return post(client, base, body, "application/fhir+json");
    }

    static String list(HttpClient client, URI base) throws Exception {
        Api.Response r = Api.get(client, base, BUNDLES);
        if (r.status() != 200) {
            throw new AssertionError(r.status() + " " + r.body());
        }
        return r.body();
    }

    /** The OperationOutcome's issues as "CODE@expression" strings. */
    static java.util.List<String> issues(Api.Response r) {
        JsonNode outcome = JSON.readTree(r.body());
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode issue : outcome.path("issue")) {
            String code = issue.path("details").path("coding").path(0).path("code").asString();
            String expression = issue.path("expression").path(0).asString("");
            out.add(code + "@" + expression);
        }
        return out;
    }
}
