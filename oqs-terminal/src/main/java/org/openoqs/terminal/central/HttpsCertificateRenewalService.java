package org.openoqs.terminal.central;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link CertificateRenewalService} over HTTPS: {@code POST /api/v1/certificates/renew} with {@code {"csr": PEM}}, on
 * the transport of the terminal's current certificate (with the seed's proxy where the set-up names one).
 */
public final class HttpsCertificateRenewalService implements CertificateRenewalService {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CentralServiceHttp http;

    public HttpsCertificateRenewalService(CentralServiceHttp transport) {
        this.http = transport;
    }

    @Override
    public Renewed renew(String csrPem) {
        JsonNode answer = CentralServiceHttp.json(http.postJson("api/v1/certificates/renew",
                JSON.createObjectNode().put("csr", csrPem).toString()));
        return new Renewed(answer.path("certificate").asString(""), answer.path("caCertificate").asString(""),
                instantOrNull(answer.path("previousRevokedAfter").asString(null)));
    }

    private static Instant instantOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
