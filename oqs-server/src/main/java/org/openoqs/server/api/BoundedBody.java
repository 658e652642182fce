package org.openoqs.server.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.xml.JsonMirror;
import org.openoqs.core.xml.XmlNode;

/**
 * The one way a controller reads a request body into memory: never more than the message's own limit, so a hostile
 * body cannot exhaust memory. Two limits apply to every body, on purpose:
 * <ul>
 *   <li>the edge's, per path ({@link RequestBodyLimits}: {@link RequestBodyLimitFilter} answers 413
 *       {@link ErrorCode#REQUEST_BODY_TOO_LARGE} before anything reads the body);</li>
 *   <li>the message's, here: by default {@link ErrorCode#FILE_TOO_LARGE} (an {@link InputRejectedException}, which
 *       the controller maps as it maps every other refusal of the message), or the feature's own refusal (the
 *       CLINS Bundle's 10 MB rule, answered as an OperationOutcome).</li>
 * </ul>
 * A declared {@code Content-Length} above the limit is refused without reading; a body without one is read up to
 * the limit and refused at the first byte past it. The JSON APIs are UTF-8 (docs/terminal-api.md):
 * {@link #readJsonMirror} decodes the bytes as such and leaves every refusal of the JSON to {@link JsonMirror}.
 */
public final class BoundedBody {

    private final int maxBytes;
    private final Supplier<? extends RuntimeException> tooLarge;
    private final long drainAtMost;

    private BoundedBody(int maxBytes, Supplier<? extends RuntimeException> tooLarge, long drainAtMost) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("a body limit must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
        this.drainAtMost = drainAtMost;
    }

    /** Bodies of at most {@code maxBytes}; a larger one is refused with {@link ErrorCode#FILE_TOO_LARGE}. */
    public static BoundedBody upTo(int maxBytes) {
        return new BoundedBody(maxBytes, () -> new InputRejectedException(ErrorCode.FILE_TOO_LARGE, null), 0);
    }

    /** The same limit, refused with the feature's own exception instead. */
    public BoundedBody refusedWith(Supplier<? extends RuntimeException> refusal) {
        return new BoundedBody(maxBytes, refusal, drainAtMost);
    }

    /**
     * Before refusing, reads (and drops) up to {@code bytes} more of what the client is still sending, so that it
     * gets the refusal instead of a reset connection; a body beyond that is cut off by closing the connection.
     */
    public BoundedBody drainingAtMost(long bytes) {
        return new BoundedBody(maxBytes, tooLarge, bytes);
    }

    /** The whole body. @throws RuntimeException the refusal, past the limit */
    public byte[] read(HttpServletRequest request) throws IOException {
        return read(request.getContentLengthLong(), request.getInputStream());
    }

    /**
     * The whole of {@code body} (closed afterwards): for a body the transfer has to unpack first (gzip), whose
     * {@code declaredLength} on the wire is checked as well as the bytes read.
     */
    public byte[] read(long declaredLength, InputStream body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 && declaredLength <= maxBytes
                ? (int) declaredLength : 4096);
        byte[] buffer = new byte[8192];
        try (InputStream in = body) {
            if (declaredLength > maxBytes) {
                throw refuse(in, buffer);
            }
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + (long) n > maxBytes) {
                    throw refuse(in, buffer);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** The body as the XML tree of its JSON mirror ({@code {"XmlMsg":{…}}}), decoded as UTF-8. */
    public XmlNode readJsonMirror(HttpServletRequest request) throws IOException {
        return JsonMirror.fromJson(read(request));
    }

    private RuntimeException refuse(InputStream in, byte[] buffer) throws IOException {
        long left = drainAtMost;
        int n;
        while (left > 0 && (n = in.read(buffer)) > 0) {
            left -= n;
        }
        return tooLarge.get();
    }
}
