package org.openoqs.app.clins;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.openoqs.app.demo.DemoApiClient;
import org.openoqs.app.doctor.TerminalSetupLoader;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.central.CentralServiceHttp;
import org.openoqs.terminal.central.CentralServiceRefusedException;
import org.openoqs.terminal.central.CentralServiceSessions;
import org.openoqs.terminal.central.ClinsBundleService;
import org.openoqs.terminal.central.HttpsClinsBundleService;
import org.openoqs.terminal.doctor.TerminalSetup;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;
import org.openoqs.terminal.linkage.LinkageSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLINS registration API ({@code /api/v1/clins/bundles}) through the terminal's port
 * ({@link ClinsBundleService} in {@code terminal.central}) with a facility terminal's own certificate, read from a
 * demo home ({@code demo.properties}) or a terminal home ({@code terminal.properties}) as {@code oqs doctor} reads
 * them: the facility is the certificate's, as for the terminal itself.
 */
final class ClinsApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A 10 MB Bundle is checked rule by rule on the service: a generous answer time. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    /** The service's answer: the status and the JSON body (an OperationOutcome on a refusal; {} for 204). */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final URI base;
    private final ClinsBundleService bundles;

    private ClinsApi(URI base, ClinsBundleService bundles) {
        this.base = base;
        this.bundles = bundles;
    }

    /** @throws DemoApiClient.Failure (exit code and Japanese line) when DIR is no home or its certificate is unusable */
    static ClinsApi forHome(Path home) throws DemoApiClient.Failure {
        TerminalSetup setup;
        try {
            setup = TerminalSetupLoader.load(home).setup();
        } catch (IllegalArgumentException | IOException notAHome) {
            throw new DemoApiClient.Failure(ClinsExitCodes.UNREACHABLE, notAHome.getMessage());
        }
        CentralServiceHttp transport;
        try {
            transport = new CentralServiceHttp(setup.serviceUri(), TrustStores.clientContext(setup.clientPkcs12(),
                    setup.clientPassword(), setup.trustPkcs12(), setup.trustPassword()), CONNECT_TIMEOUT,
                    REQUEST_TIMEOUT);
        } catch (RuntimeException unreadable) {
            throw new DemoApiClient.Failure(ClinsExitCodes.CERTIFICATE_REFUSED, "端末の証明書（" + setup.clientPkcs12()
                    + "）を読み込めません: " + unreadable.getMessage());
        }
        // a command of its own process: the terminal's limit and outage tracking all the same (docs/reliability.md)
        CentralServiceSessions sessions = CentralServiceSessions.withLimit(LinkageSettings.defaults().maxConcurrent());
        return new ClinsApi(setup.serviceUri(), sessions.limit(ClinsBundleService.class,
                new HttpsClinsBundleService(transport)));
    }

    Reply register(byte[] bundle) throws DemoApiClient.Failure {
        return reply(() -> bundles.register(bundle));
    }

    Reply delete(String identifier) throws DemoApiClient.Failure {
        return reply(() -> bundles.delete(identifier));
    }

    Reply list() throws DemoApiClient.Failure {
        return reply(bundles::list);
    }

    private Reply reply(Supplier<ClinsBundleService.Answer> call) throws DemoApiClient.Failure {
        ClinsBundleService.Answer answer;
        try {
            answer = call.get();
        } catch (CentralServiceRefusedException refused) {
            throw new DemoApiClient.Failure(ClinsExitCodes.CERTIFICATE_REFUSED,
                    "端末の証明書で接続できません（" + refused.getMessage() + "）");
        } catch (CentralServiceUnavailableException unreachable) {
            throw new DemoApiClient.Failure(ClinsExitCodes.UNREACHABLE,
                    "オンライン資格確認等システムに接続できません（" + base + "）。起動しているか確認してください");
        }
        if (answer.body().isEmpty()) {
            return new Reply(answer.status(), JSON.createObjectNode());
        }
        try {
            return new Reply(answer.status(), JSON.readTree(answer.body()));
        } catch (JacksonException notJson) {
            throw new DemoApiClient.Failure(ClinsExitCodes.OTHER, "オンライン資格確認等システムから不正な応答を受信しました（HTTP "
                    + answer.status() + "）");
        }
    }
}
