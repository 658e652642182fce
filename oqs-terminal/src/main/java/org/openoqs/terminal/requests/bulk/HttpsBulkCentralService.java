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

    /** Both ways gzip-compressed: bulk XML shrinks ~15×, and fewer bytes through TLS is most of the speed. */
    private HttpRequest.Builder post(String path, byte[] file) {
        return HttpRequest.newBuilder(baseUri.resolve(path)).timeout(requestTimeout)
                .header("Content-Type", "application/xml")
                .header("Content-Encoding", "gzip")
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(file)));
    }

    static byte[] gzip(byte[] content) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(content.length / 8 + 64);
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        }) {
            gzip.write(content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("compressing in memory failed", e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzipIfNeeded(HttpResponse<byte[]> response) {
        boolean gzipped = response.headers().firstValue("Content-Encoding")
                .map(v -> v.strip().equalsIgnoreCase("gzip")).orElse(false);
        if (!gzipped) {
            return response.body();
        }
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(response.body()), 64 * 1024)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new CentralServiceRefusedException(ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE,
                    ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE.message());
        }
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
            throw refusal(new String(gunzipIfNeeded(response), StandardCharsets.UTF_8), status);
        }
        return gunzipIfNeeded(response);
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
