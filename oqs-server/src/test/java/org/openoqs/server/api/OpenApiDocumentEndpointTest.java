package org.openoqs.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;

/**
 * {@code GET /api/v1/openapi.yaml} serves docs/openapi.yaml byte for byte (the build copies it into the server's
 * classes), as {@code application/yaml}, and only to a caller with a facility certificate.
 */
class OpenApiDocumentEndpointTest {

    private final SharedServer shared = SharedServer.get();

    @Test
    void servesTheDocumentOfTheSourceTree() throws Exception {
        HttpResponse<byte[]> r = get(shared.demoClient());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).as("served document = docs/openapi.yaml")
                .isEqualTo(Files.readString(OpenApiDocument.file(), StandardCharsets.UTF_8));
    }

    @Test
    void isBehindTheClientCertificateCheck() throws Exception {
        Api.Response anonymous = Api.get(shared.pki().anonymousClient(), shared.base(), "api/v1/openapi.yaml");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("errorCode").asString()).isEqualTo("OQSF9002");
    }

    private HttpResponse<byte[]> get(HttpClient client) throws Exception {
        return client.send(HttpRequest.newBuilder(shared.base().resolve("api/v1/openapi.yaml"))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
