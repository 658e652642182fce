package org.openoqs.server.bulk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * gzip on the bulk endpoints, both ways. Bulk files are very repetitive XML (a 10,000-person result shrinks ~15×),
 * and moving fewer bytes through TLS is what makes a large job fast. The fastest deflate level already gets nearly
 * all of it. Sizes are limited after decompression (by the readers), so a gzip bomb meets the same limit as a large file.
 */
final class GzipTransfer {

    private static final int BUFFER = 64 * 1024;

    private GzipTransfer() {
    }

    /** The request body, decompressed when the client sent {@code Content-Encoding: gzip}. */
    static InputStream requestBody(HttpServletRequest request) throws IOException {
        InputStream body = request.getInputStream();
        String encoding = request.getHeader("Content-Encoding");
        return encoding != null && encoding.strip().toLowerCase(Locale.ROOT).equals("gzip")
                ? new GZIPInputStream(body, BUFFER) : body;
    }

    /** The response body, compressed when the client accepts gzip; closing it finishes the gzip stream. */
    static OutputStream responseBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String accepted = request.getHeader("Accept-Encoding");
        if (accepted == null || !accepted.toLowerCase(Locale.ROOT).contains("gzip")) {
            return response.getOutputStream();
        }
        response.setHeader("Content-Encoding", "gzip");
        response.setHeader("Vary", "Accept-Encoding");
        return new FastGzipOutputStream(response.getOutputStream());
    }

    /** gzip at the fastest level. */
    static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
