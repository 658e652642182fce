package org.openoqs.terminal.central;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * {@link ClinsBundleService} over HTTPS on the terminal's transport: {@code POST /api/v1/clins/bundles} with
 * {@code application/fhir+json}, {@code DELETE …/bundles/{identifier}}, {@code GET …/bundles}.
 */
public final class HttpsClinsBundleService implements ClinsBundleService {

    static final String BUNDLES = "/api/v1/clins/bundles";

    private final CentralServiceHttp http;

    public HttpsClinsBundleService(CentralServiceHttp transport) {
        this.http = transport;
    }

    @Override
    public Answer register(byte[] bundle) {
        return send(http.request(BUNDLES).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bundle)));
    }

    @Override
    public Answer delete(String identifier) {
        return send(http.request(BUNDLES + "/" + URLEncoder.encode(identifier, StandardCharsets.UTF_8)
                .replace("+", "%20")).DELETE());
    }

    @Override
    public Answer list() {
        return send(http.request(BUNDLES).GET());
    }

    private Answer send(HttpRequest.Builder request) {
        HttpResponse<String> response = http.exchange(request.header("Accept", "application/json"),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() >= 500) {
            throw new CentralServiceUnavailableException("central service answered HTTP " + response.statusCode());
        }
        return new Answer(response.statusCode(), response.body());
    }
}
