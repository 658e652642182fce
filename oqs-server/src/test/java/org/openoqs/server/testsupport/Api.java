package org.openoqs.server.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.xml.JsonMirror;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Terminal-API calls for tests. */
public final class Api {

    public static final String INQUIRY = "api/v1/qualifications/inquiry";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Api() {
    }

    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The body read as a qualification result (JSON mirror → XmlNode → record). */
        public QualificationInquiryResult result() {
            return QualificationMessages.readResult(JsonMirror.fromJson(body));
        }
    }

    public static Response post(HttpClient client, URI base, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return send(client, request);
    }

    /** POST with extra request headers (name, value, name, value …), e.g. a reader's device session. */
    public static Response post(HttpClient client, URI base, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(client, request.build());
    }

    /** DELETE with extra request headers (name, value, …). */
    public static Response delete(HttpClient client, URI base, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).DELETE();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(client, request.build());
    }

    public static Response get(HttpClient client, URI base, String path) throws IOException, InterruptedException {
        return send(client, HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    private static Response send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** The JSON mirror of an {@code OQSsiquc01req_} message. */
    public static String inquiryJson(String institutionCode, String confirmationDate, String fileId,
                                     QualificationConfirmSearchInfo searchInfo) {
        return JsonMirror.toJson(QualificationMessages.requestToXml(new QualificationInquiryRequest(
                new RequestHeader(confirmationDate, institutionCode, fileId), searchInfo)));
    }
}
