package org.openoqs.server.clins;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.openoqs.core.error.ErrorCode;
import org.springframework.http.MediaType;

/**
 * The body of a CLINS upload (5情報 Bundle or document): {@code application/fhir+json}, at most
 * {@link ClinsRegistrationService#MAX_BYTES}, refused with 413 without reading the rest.
 */
public final class ClinsRequestBody {

    private ClinsRequestBody() {
    }

    public static boolean isFhirJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return "application".equals(type.getType()) && "fhir+json".equals(type.getSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The body, refused with 413 past {@link ClinsRegistrationService#MAX_BYTES} without reading the rest. */
    public static byte[] read(HttpServletRequest request) throws IOException {
        int max = ClinsRegistrationService.MAX_BYTES;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            if (request.getContentLengthLong() > max) {
                drain(in, buffer);
                throw tooLarge();
            }
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > max) {
                    drain(in, buffer);
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    // Read (and drop) what the client is still sending, up to a bound, so that it gets the 413 answer instead of a
    // reset connection; a body beyond the bound is cut off by closing the connection.
    private static void drain(InputStream in, byte[] buffer) throws IOException {
        long left = 2L * ClinsRegistrationService.MAX_BYTES;
        int n;
        while (left > 0 && (n = in.read(buffer)) > 0) {
            left -= n;
        }
    }

    private static ClinsRefusedException tooLarge() {
        return new ClinsRefusedException(413, new ClinsProblem(ErrorCode.CLINS_BUNDLE_TOO_LARGE, "Bundle", null));
    }

    /** @throws ClinsRefusedException 415 unless the content type is {@code application/fhir+json} */
    public static void requireFhirJson(HttpServletRequest request) {
        if (!isFhirJson(request.getContentType())) {
            throw new ClinsRefusedException(415, new ClinsProblem(ErrorCode.CLINS_WRONG_MEDIA_TYPE, null,
                    "指定値: " + request.getContentType()));
        }
    }
}
