package org.openoqs.server.reference;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;

/** Reads a request body with a size limit (a hostile body must not exhaust memory). */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** @throws InputRejectedException {@link ErrorCode#FILE_TOO_LARGE} past {@code maxBytes} */
    public static byte[] read(HttpServletRequest request, int maxBytes) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw new InputRejectedException(ErrorCode.FILE_TOO_LARGE, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > maxBytes) {
                    throw new InputRejectedException(ErrorCode.FILE_TOO_LARGE, null);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }
}
