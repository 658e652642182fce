package org.openoqs.app.clins;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLException;
import org.openoqs.app.demo.DemoApiClient;
import org.openoqs.app.doctor.TerminalSetupLoader;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.doctor.TerminalSetup;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLINS registration API ({@code /api/v1/clins/bundles}) over mutual TLS with a facility terminal's own
 * certificate, read from a demo home ({@code demo.properties}) or a terminal home ({@code terminal.properties}) as
 * {@code oqs doctor} reads them: the facility is the certificate's, as for the terminal itself.
 */
final class ClinsApi {

    static final String BUNDLES = "/api/v1/clins/bundles";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The service's answer: the status and the JSON body (an OperationOutcome on a refusal; {} for 204). */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final URI base;
    private final HttpClient http;

    private ClinsApi(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /** @throws DemoApiClient.Failure (exit code and Japanese line) when DIR is no home or its certificate is unusable */
    static ClinsApi forHome(Path home) throws DemoApiClient.Failure {
        TerminalSetup setup;
        try {
            setup = TerminalSetupLoader.load(home).setup();
        } catch (IllegalArgumentException | IOException notAHome) {
            throw new DemoApiClient.Failure(ClinsExitCodes.UNREACHABLE, notAHome.getMessage());
        }
        HttpClient client;
        try {
            client = HttpClient.newBuilder().sslContext(TrustStores.clientContext(setup.clientPkcs12(),
                    setup.clientPassword(), setup.trustPkcs12(), setup.trustPassword()))
                    .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (RuntimeException unreadable) {
            throw new DemoApiClient.Failure(ClinsExitCodes.CERTIFICATE_REFUSED, "端末の証明書（" + setup.clientPkcs12()
                    + "）を読み込めません: " + unreadable.getMessage());
        }
        return new ClinsApi(setup.serviceUri(), client);
    }

    Reply register(byte[] bundle) throws DemoApiClient.Failure {
        return send(HttpRequest.newBuilder(base.resolve(BUNDLES)).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bundle)));
    }

    Reply delete(String identifier) throws DemoApiClient.Failure {
        return send(HttpRequest.newBuilder(base.resolve(BUNDLES + "/" + URLEncoder.encode(identifier, StandardCharsets.UTF_8)
                .replace("+", "%20"))).DELETE());
    }

    Reply list() throws DemoApiClient.Failure {
        return send(HttpRequest.newBuilder(base.resolve(BUNDLES)).GET());
    }

    private Reply send(HttpRequest.Builder request) throws DemoApiClient.Failure {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (SSLException refused) {
            throw new DemoApiClient.Failure(ClinsExitCodes.CERTIFICATE_REFUSED,
                    "端末の証明書で接続できません（" + refused.getMessage() + "）");
        } catch (IOException unreachable) {
            throw new DemoApiClient.Failure(ClinsExitCodes.UNREACHABLE,
                    "オンライン資格確認等システムに接続できません（" + base + "）。起動しているか確認してください");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DemoApiClient.Failure(ClinsExitCodes.OTHER, "中断しました");
        }
        if (response.body().isEmpty()) {
            return new Reply(response.statusCode(), JSON.createObjectNode());
        }
        try {
            return new Reply(response.statusCode(), JSON.readTree(response.body()));
        } catch (JacksonException notJson) {
            throw new DemoApiClient.Failure(ClinsExitCodes.OTHER, "オンライン資格確認等システムから不正な応答を受信しました（HTTP "
                    + response.statusCode() + "）");
        }
    }
}
