package org.openoqs.terminal.central;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.terminal.central.CentralServiceHttp;

/**
 * {@link BulkCentralService} over HTTPS with the facility's client certificate: {@code POST
 * /api/v1/bulk/{flow}/jobs} and {@code …/results} with the file as {@code application/xml}.
 */
public final class HttpsBulkCentralService implements BulkCentralService {

    /** Bulk calls move megabytes; they get at least this long whatever the single-inquiry timeout is. */
    public static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private final CentralServiceHttp http;

    /** On the terminal's shared transport; the request timeout is raised to {@link #MIN_REQUEST_TIMEOUT}. */
    public HttpsBulkCentralService(CentralServiceHttp transport) {
        this(transport, transport.requestTimeout().compareTo(MIN_REQUEST_TIMEOUT) < 0 ? MIN_REQUEST_TIMEOUT
                : transport.requestTimeout());
    }

    /** On the shared transport with the request timeout given (a test that lets a hanging service time out). */
    public HttpsBulkCentralService(CentralServiceHttp transport, Duration requestTimeout) {
        this.http = transport.withRequestTimeout(requestTimeout);
    }

    @Override
    public byte[] upload(BulkKind kind, byte[] file, String idempotencyKey) {
        HttpRequest.Builder request = post("/api/v1/bulk/" + kind.slug() + "/jobs", file);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request).body();
    }

    @Override
    public byte[] download(BulkKind kind, byte[] file) {
        return http.send(post("/api/v1/bulk/" + kind.slug() + "/results", file)).body();
    }

    /** Both ways gzip-compressed: bulk XML shrinks ~15×, and fewer bytes through TLS is most of the speed. */
    private HttpRequest.Builder post(String path, byte[] file) {
        return http.request(path)
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
}
