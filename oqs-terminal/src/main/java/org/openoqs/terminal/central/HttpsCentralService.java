package org.openoqs.terminal.central;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The central service over HTTPS with the facility's client certificate (mutual TLS). Bodies are the JSON
 * mirror of the XML messages, as the real Web API does. One {@link HttpClient} is shared so connections are
 * kept alive between requests.
 */
public final class HttpsCentralService implements CentralService {

    private static final Duration SETTINGS_TTL = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final AtomicReference<CachedCharacterCode> characterCode = new AtomicReference<>();

    public HttpsCentralService(URI baseUri, SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        this.baseUri = baseUri;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public QualificationInquiryResult inquire(QualificationInquiryRequest request) {
        String body = JsonMirror.toJson(QualificationMessages.requestToXml(request));
        HttpResponse<String> response = post("/api/v1/qualifications/inquiry", body);
        QualificationInquiryResult result = readResult(response.body());
        characterCode.set(new CachedCharacterCode(result.header().characterCodeIdentifier(), Instant.now()));
        return result;
    }

    /**
     * The facility's result character code (環境設定), cached briefly so a settings change reaches the next
     * result without asking the service for every file.
     */
    @Override
    public CharacterCode resultCharacterCode() {
        CachedCharacterCode cached = characterCode.get();
        if (cached != null && cached.fetchedAt().plus(SETTINGS_TTL).isAfter(Instant.now())) {
            return cached.code();
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(baseUri.resolve("/api/v1/facility"))
                .timeout(requestTimeout).GET().build());
        JsonNode facility = parseJson(response.body());
        CharacterCode code = "1".equals(facility.path("characterCode").asString("0"))
                ? CharacterCode.SHIFT_JIS : CharacterCode.UTF_8;
        characterCode.set(new CachedCharacterCode(code, Instant.now()));
        return code;
    }

    private HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(baseUri.resolve(path))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (SSLHandshakeException handshake) {
            if (!HandshakeFailures.isRefusal(handshake)) {
                // closed or reset half-way (restart, network): an outage, retried like one
                throw new CentralServiceUnavailableException("central service connection broken during the TLS "
                        + "handshake: " + handshake, handshake);
            }
            // A handshake the server refuses (unknown CA, revoked at the TLS layer) will not heal by retrying.
            throw new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_REJECTED,
                    ErrorCode.CENTRAL_SERVICE_REJECTED.message());
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
        return response;
    }

    private static CentralServiceRefusedException refusal(String body, int status) {
        ErrorCode code = ErrorCode.CENTRAL_SERVICE_REJECTED;
        String message = code.message();
        try {
            JsonNode error = JSON.readTree(body);
            code = ErrorCode.fromCode(error.path("errorCode").asString(null)).orElse(code);
            message = error.path("message").asString(message);
        } catch (RuntimeException notJson) {
            message = code.messageWith("HTTP " + status);
        }
        return new CentralServiceRefusedException(code, message);
    }

    private static QualificationInquiryResult readResult(String body) {
        try {
            XmlNode root = JsonMirror.fromJson(body);
            return QualificationMessages.readResult(root);
        } catch (InputRejectedException | IllegalArgumentException unreadable) {
            throw new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE,
                    ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE.message());
        }
    }

    private static JsonNode parseJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException unreadable) {
            throw new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE,
                    ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE.message());
        }
    }

    private record CachedCharacterCode(CharacterCode code, Instant fetchedAt) {
    }
}
