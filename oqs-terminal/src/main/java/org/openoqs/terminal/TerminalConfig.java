package org.openoqs.terminal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
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
        Clock clock) {

    /** OQS reasons in Japan Standard Time whatever the machine's zone (result times, today's date). */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    public TerminalConfig {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(serviceUri, "serviceUri");
        Objects.requireNonNull(folders, "folders");
        linkageSettings = linkageSettings == null ? LinkageSettings.defaults() : linkageSettings;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(15) : requestTimeout;
        clock = clock == null ? Clock.system(JAPAN) : clock;
    }
}
