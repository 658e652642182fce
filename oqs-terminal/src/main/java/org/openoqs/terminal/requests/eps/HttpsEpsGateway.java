package org.openoqs.terminal.requests.eps;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.central.HandshakeFailures;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link EpsGateway} over HTTPS with the facility's client certificate: {@code POST /api/v1/eps/<operation>} with the
 * JSON mirror of the message, {@code GET /api/v1/eps/reader-settings}. One shared keep-alive client.
 */
public final class HttpsEpsGateway implements EpsGateway {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;

    public HttpsEpsGateway(URI base, SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        this.base = base;
        this.timeout = requestTimeout;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public XmlNode send(EpsOperation operation, XmlNode request) {
        String answer = call(HttpRequest.newBuilder(base.resolve("/api/v1/eps/" + operation.apiName()))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(JsonMirror.toJson(request), StandardCharsets.UTF_8))
                .build());
        try {
            return JsonMirror.fromJson(answer);
        } catch (InputRejectedException unreadable) {
            throw invalidResponse();
        }
    }

    @Override
    public ReaderSettings readerSettings() {
        String answer = call(HttpRequest.newBuilder(base.resolve("/api/v1/eps/reader-settings")).timeout(timeout)
                .GET().build());
        try {
            JsonNode r = JSON.readTree(answer);
            return new ReaderSettings(r.path("ePrescription").asString("0"), r.path("selectionTiming").asString("1"),
                    r.path("readerAsks").asBoolean(false));
        } catch (RuntimeException unreadable) {
            throw invalidResponse();
        }
    }

    private String call(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (SSLHandshakeException handshake) {
            if (HandshakeFailures.isRefusal(handshake)) {
                throw new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_REJECTED,
                        ErrorCode.CENTRAL_SERVICE_REJECTED.message());
            }
            throw new CentralServiceUnavailableException("TLS handshake broken: " + handshake, handshake);
        } catch (HttpTimeoutException | ConnectException unreachable) {
            throw new CentralServiceUnavailableException("central service unreachable: " + unreachable, unreachable);
        } catch (IOException failed) {
            throw new CentralServiceUnavailableException("central service connection failed: " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CentralServiceUnavailableException("interrupted while calling the central service", interrupted);
        }
        int status = response.statusCode();
        if (status >= 500) {
            throw new CentralServiceUnavailableException("central service answered HTTP " + status);
        }
        if (status >= 400) {
            throw refusal(response.body(), status);
        }
        return response.body();
    }

    private static CentralServiceRefusedException refusal(String body, int status) {
        ErrorCode code = ErrorCode.CENTRAL_SERVICE_REJECTED;
        String message = code.messageWith("HTTP " + status);
        try {
            JsonNode error = JSON.readTree(body);
            code = ErrorCode.fromCode(error.path("errorCode").asString(null)).filter(ErrorCode::isFileLevel)
                    .orElse(code);
            message = error.path("message").asString(message);
        } catch (RuntimeException notJson) {
            // keep the generic refusal
        }
        return new CentralServiceRefusedException(code, message);
    }

    private static CentralServiceRefusedException invalidResponse() {
        return new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE,
                ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE.message());
    }
}
