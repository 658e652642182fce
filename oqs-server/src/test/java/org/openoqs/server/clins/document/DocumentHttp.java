package org.openoqs.server.clins.document;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.server.testsupport.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Document calls over the real mTLS connection (docs/clins.md "Documents"). */
final class DocumentHttp {

    static final String DOCUMENTS = "api/v1/clins/documents";
    static final String INBOX = "api/v1/clins/inbox";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DocumentHttp() {
    }

    static Api.Response register(HttpClient client, URI base, byte[] body, boolean verbalConsent) throws Exception {
        return send(client, base, DOCUMENTS + (verbalConsent ? "?verbalConsent=true" : ""), "POST", body);
    }

    static Api.Response change(HttpClient client, URI base, String identifier, byte[] body) throws Exception {
        return send(client, base, DOCUMENTS + "/" + encode(identifier), "PUT", body);
    }

    static Api.Response cancel(HttpClient client, URI base, String identifier) throws Exception {
        return send(client, base, DOCUMENTS + "/" + encode(identifier), "DELETE", null);
    }

    static Api.Response undo(HttpClient client, URI base, String identifier) throws Exception {
        return send(client, base, DOCUMENTS + "/" + encode(identifier) + "/undo", "POST", new byte[0]);
    }

    static Api.Response read(HttpClient client, URI base, String identifier) throws Exception {
        return send(client, base, INBOX + "/" + encode(identifier), "GET", null);
    }

    static Api.Response receive(HttpClient client, URI base, String identifier) throws Exception {
        return send(client, base, INBOX + "/" + encode(identifier) + "/receipt", "POST", new byte[0]);
    }

    static Api.Response get(HttpClient client, URI base, String path) throws Exception {
        return send(client, base, path, "GET", null);
    }

    static String encode(String identifier) {
        return URLEncoder.encode(identifier, StandardCharsets.UTF_8);
    }

    private static Api.Response send(HttpClient client, URI base, String path, String method, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/fhir+json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Api.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** The OperationOutcome's issues as "CODE@expression" strings. */
    static List<String> issues(Api.Response r) {
        List<String> out = new ArrayList<>();
        for (JsonNode issue : JSON.readTree(r.body()).path("issue")) {
            out.add(issue.path("details").path("coding").path(0).path("code").asString() + "@"
                    + issue.path("expression").path(0).asString(""));
        }
        return out;
    }

    static String codes(Api.Response r) {
        return String.join(",", issues(r).stream().map(i -> i.split("@")[0]).toList());
    }

    static JsonNode json(Api.Response r) {
        return JSON.readTree(r.body());
    }
}
