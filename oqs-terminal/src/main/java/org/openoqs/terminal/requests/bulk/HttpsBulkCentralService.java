package org.openoqs.terminal.requests.bulk;

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
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link BulkCentralService} over HTTPS with the facility's client certificate: {@code POST
 * /api/v1/bulk/{flow}/jobs} and {@code …/results} with the file as {@code application/xml}.
 */
public final class HttpsBulkCentralService implements BulkCentralService {

    /** Bulk calls move megabytes; they get at least this long whatever the single-inquiry timeout is. */
    public static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final URI baseUri;
    private final HttpClient http;
    private final Duration requestTimeout;

    public HttpsBulkCentralService(URI baseUri, SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        this.baseUri = baseUri;
        this.requestTimeout = requestTimeout.compareTo(MIN_REQUEST_TIMEOUT) < 0 ? MIN_REQUEST_TIMEOUT : requestTimeout;
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public byte[] upload(BulkKind kind, byte[] file, String idempotencyKey) {
        HttpRequest.Builder request = post("/api/v1/bulk/" + kind.slug() + "/jobs", file);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    @Override
    public byte[] download(BulkKind kind, byte[] file) {
        return send(post("/api/v1/bulk/" + kind.slug() + "/results", file).build());
    }

    private HttpRequest.Builder post(String path, byte[] file) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(requestTimeout)
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file));
    }

    private byte[] send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (SSLHandshakeException refused) {
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
            throw refusal(new String(response.body(), StandardCharsets.UTF_8), status);
        }
        return response.body();
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
        if (!code.isFileLevel()) {
            code = ErrorCode.CENTRAL_SERVICE_REJECTED;
        }
        return new CentralServiceRefusedException(code, message);
    }
}
