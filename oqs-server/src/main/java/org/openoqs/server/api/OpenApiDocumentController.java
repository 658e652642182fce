package org.openoqs.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/openapi.yaml}: the terminal API's OpenAPI 3.1 document, behind the same mutual TLS as the rest
 * of {@code /api/**}. The build copies {@code docs/openapi.yaml} into this package (oqs-server pom), so the service
 * serves exactly the document of its source — there is no second copy to drift.
 */
@RestController
public class OpenApiDocumentController {

    /** Where the build puts the copy of {@code docs/openapi.yaml}. */
    public static final String RESOURCE = "/org/openoqs/server/api/openapi.yaml";
    static final MediaType YAML = new MediaType("application", "yaml", StandardCharsets.UTF_8);

    private final byte[] document = load();

    @GetMapping("/api/v1/openapi.yaml")
    public ResponseEntity<byte[]> document() {
        return ResponseEntity.ok().contentType(YAML).body(document);
    }

    /** Read once at start: a service built without its document is a packaging fault, so it does not start. */
    private static byte[] load() {
        try (InputStream in = OpenApiDocumentController.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The OpenAPI document " + RESOURCE + " is missing from the classpath"
                        + " (the oqs-server build copies it from docs/openapi.yaml)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
