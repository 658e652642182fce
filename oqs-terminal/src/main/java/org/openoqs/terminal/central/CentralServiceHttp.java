package org.openoqs.terminal.central;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one transport every terminal client of the central service uses: HTTPS with the facility's client
 * certificate over a kept-alive connection, and one reading of what went wrong. A failure that retrying can heal
 * (unreachable, timeout, connection broken, HTTP 5xx) is {@link CentralServiceUnavailableException}; a decision
 * (a refused handshake, HTTP 4xx with the service's error code and Japanese message) is
 * {@link CentralServiceRefusedException}; an answer the terminal cannot read is a refusal with
 * {@code CENTRAL_SERVICE_INVALID_RESPONSE}.
 *
 * <p>Options differ per terminal process, not per call: the facility's client certificate (a reloadable context, so
 * a renewed certificate is used from the next connection on — renewal itself runs on the current one), the
 * timeouts, and the seed's proxy with its bypass list ({@link ProxySettings}, chapter 3), which the 配信 agent and
 * certificate renewal use where the PC reaches the service through a proxy. A port whose calls take longer takes
 * the same transport with another request timeout ({@link #withRequestTimeout}).
 */
public final class CentralServiceHttp {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;

    public CentralServiceHttp(URI baseUri, SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        this(baseUri, tls, connectTimeout, requestTimeout, null);
    }

    /** @param proxy the seed's proxy with its bypass list, or {@code null} for direct connections */
    public CentralServiceHttp(URI baseUri, SSLContext tls, Duration connectTimeout, Duration requestTimeout,
            ProxySettings proxy) {
        this(baseUri, client(tls, connectTimeout, proxy), requestTimeout);
    }

    private static HttpClient client(SSLContext tls, Duration connectTimeout, ProxySettings proxy) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1);
        if (proxy != null) {
            builder.proxy(proxy.selector());
        }
        return builder.build();
    }

    private CentralServiceHttp(URI baseUri, HttpClient http, Duration requestTimeout) {
        this.baseUri = baseUri;
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    /** The same transport (client, connections) with another request timeout, for a port whose calls take longer. */
    public CentralServiceHttp withRequestTimeout(Duration timeout) {
        return new CentralServiceHttp(baseUri, http, timeout);
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public URI baseUri() {
        return baseUri;
    }

    /** A successful answer, its body already decompressed when the service sent it gzip-encoded. */
    public record Answer(int status, HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** POSTs a JSON body and returns the answer's body as text. */
    public String postJson(String path, String json) {
        return postJsonForAnswer(path, json).text();
    }

    /** POSTs a JSON body and returns the whole answer (for callers that look at its content type). */
    public Answer postJsonForAnswer(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** GETs a path and returns the answer's body as text. */
    public String get(String path) {
        return send(request(path).GET()).text();
    }

    /** A request builder for a path of the service, with the request timeout set. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(requestTimeout);
    }

    /** Sends a request and maps every failure as the class comment says. */
    public Answer send(HttpRequest.Builder request) {
        HttpResponse<byte[]> response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status >= 500) {
            throw new CentralServiceUnavailableException("central service answered HTTP " + status);
        }
        byte[] body = decoded(response);
        if (status >= 400) {
            throw refusal(new String(body, StandardCharsets.UTF_8), status);
        }
        return new Answer(status, response.headers(), body);
    }

    /**
     * Sends a request and returns the response whatever its status, for a port that reads statuses itself (404 for
     * "none", a body streamed to a file). Only the connection's failures are mapped, as the class comment says; the
     * {@link CentralServiceUnavailableException} keeps the network's exception as its cause.
     */
    public <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (SSLHandshakeException handshake) {
            if (!HandshakeFailures.isRefusal(handshake)) {
                // closed or reset half-way (restart, network): an outage, retried like one
                throw new CentralServiceUnavailableException("central service connection broken during the TLS "
                        + "handshake: " + handshake, handshake);
            }
            // A handshake the service refuses (unknown CA, revoked at the TLS layer) will not heal by retrying.
            throw new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_REJECTED,
                    ErrorCode.CENTRAL_SERVICE_REJECTED.message(), handshake);
        } catch (HttpTimeoutException | ConnectException unreachable) {
            throw new CentralServiceUnavailableException("central service unreachable: " + unreachable, unreachable);
        } catch (IOException failed) {
            throw new CentralServiceUnavailableException("central service connection failed: " + failed, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CentralServiceUnavailableException("interrupted while calling the central service", interrupted);
        }
    }

    // Bulk answers come gzip-encoded when asked for (a 25 MB result shrinks about 15×).
    private static byte[] decoded(HttpResponse<byte[]> response) {
        boolean gzipped = response.headers().firstValue("Content-Encoding")
                .map(v -> v.strip().equalsIgnoreCase("gzip")).orElse(false);
        if (!gzipped) {
            return response.body();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(response.body()), 64 * 1024)) {
            return in.readAllBytes();
        } catch (IOException corrupt) {
            throw invalidResponse();
        }
    }

    /** Parses a JSON answer; an unreadable one is a refusal with {@code CENTRAL_SERVICE_INVALID_RESPONSE}. */
    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException unreadable) {
            throw invalidResponse();
        }
    }

    /** Reads a JSON-mirrored message; an unreadable one is a refusal with {@code CENTRAL_SERVICE_INVALID_RESPONSE}. */
    public static XmlNode tree(String body) {
        try {
            return JsonMirror.fromJson(body);
        } catch (InputRejectedException | IllegalArgumentException unreadable) {
            throw invalidResponse();
        }
    }

    public static CentralServiceRefusedException invalidResponse() {
        return new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE,
                ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE.message());
    }

    private static CentralServiceRefusedException refusal(String body, int status) {
        ErrorCode code = ErrorCode.CENTRAL_SERVICE_REJECTED;
        String message = code.messageWith("HTTP " + status);
        try {
            JsonNode error = JSON.readTree(body);
            code = ErrorCode.fromCode(error.path("errorCode").asString(null)).orElse(code);
            message = error.path("message").asString(message);
        } catch (RuntimeException notJson) {
            // keep the generic refusal
        }
        return new CentralServiceRefusedException(code, message);
    }
}
