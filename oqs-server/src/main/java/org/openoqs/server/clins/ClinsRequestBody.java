package org.openoqs.server.clins;

import jakarta.servlet.http.HttpServletRequest;
import org.openoqs.server.api.BoundedBody;
import java.io.IOException;
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
        // what the client still sends is read and dropped up to twice the limit, so it gets the 413 answer instead of
        // a reset connection; beyond that the connection is closed
        return BoundedBody.upTo(ClinsRegistrationService.MAX_BYTES).refusedWith(ClinsRequestBody::tooLarge)
                .drainingAtMost(2L * ClinsRegistrationService.MAX_BYTES).read(request);
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
