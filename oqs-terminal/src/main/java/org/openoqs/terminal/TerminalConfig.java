package org.openoqs.terminal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.openoqs.terminal.cleanup.CleanupSettings;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;

/**
 * What a facility terminal needs to run: whose terminal it is, where the central service is, the facility's
 * client certificate and the exchange folders.
 *
 * @param institutionCode the facility's 10-digit code (requests naming another code are refused locally)
 * @param serviceUri base URI of the central service, e.g. {@code https://localhost:8443/}
 * @param clientPkcs12 the facility's client certificate and key
 * @param trustStore PKCS#12 with the CA that issued the service's certificate
 * @param home the terminal home (credential store, {@code config/encrypt.conf}, {@code config/encrypt_face.conf}),
 *             see docs/linkage.md; {@code null}: no credential store, every file plain (tests, simulators).
 *             With a home, the store must hold valid OQS_LOGIN_KEY and OQS_MEDICAL_INSTITUTION_CODE entries
 *             (and OQS_CRYPT_PASS when something is encrypted) or the terminal does not start;
 *             {@code institutionCode} may then be null (taken from the store) and must match it otherwise
 * @param face the face folder, cleaned of forgotten results like {@code res}; may be null
 * @param cleanup retention and period of the leftover-file cleanup; null = 1440 min, every 10 min
 */
public record TerminalConfig(
        String institutionCode,
        URI serviceUri,
        Path clientPkcs12,
        char[] clientPassword,
        Path trustStore,
        char[] trustPassword,
        LinkageFolders folders,
        LinkageSettings linkageSettings,
        Duration connectTimeout,
        Duration requestTimeout,
        Clock clock,
        Path home,
        Path face,
        CleanupSettings cleanup) {

    /** OQS reasons in Japan Standard Time whatever the machine's zone (result times, today's date). */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public TerminalConfig {
        if (home == null) {
            Objects.requireNonNull(institutionCode, "institutionCode");
        }
        Objects.requireNonNull(serviceUri, "serviceUri");
        Objects.requireNonNull(folders, "folders");
        linkageSettings = linkageSettings == null ? LinkageSettings.defaults() : linkageSettings;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
        clock = clock == null ? Clock.system(JAPAN) : clock;
        cleanup = cleanup == null ? CleanupSettings.defaults() : cleanup;
    }

    /** Without a terminal home: no credential store, every file plain, no face folder. */
    public TerminalConfig(String institutionCode, URI serviceUri, Path clientPkcs12, char[] clientPassword,
            Path trustStore, char[] trustPassword, LinkageFolders folders, LinkageSettings linkageSettings,
            Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this(institutionCode, serviceUri, clientPkcs12, clientPassword, trustStore, trustPassword, folders,
                linkageSettings, connectTimeout, requestTimeout, clock, null, null, null);
    }
}
