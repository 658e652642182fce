package org.openoqs.terminal.doctor;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.openoqs.pki.KeyStoreLoadException;
import org.openoqs.pki.ReloadableClientTls;
import org.openoqs.pki.TlsContextException;
import org.openoqs.pki.TrustStores;
import org.openoqs.terminal.central.ConnectionProblem;
import org.openoqs.terminal.central.ProxySettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the checks share, computed once per doctor run: the certificate and trust anchor read from the home, the
 * mutual-TLS client, and the service's answers (each endpoint is asked once).
 */
public final class DoctorContext {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TerminalSetup setup;
    private final Map<String, ServiceCall> calls = new HashMap<>();
    private Loaded<X509Certificate> certificate;
    private Loaded<X509Certificate> trustAnchor;
    private Loaded<HttpClient> http;

    public DoctorContext(TerminalSetup setup) {
        this.setup = setup;
    }

    public TerminalSetup setup() {
        return setup;
    }

    public Instant now() {
        return setup.clock().instant();
    }

    /** A value, or why it is not available (Japanese). */
    public record Loaded<T>(Optional<T> value, String problem) {
        static <T> Loaded<T> of(T value) {
            return new Loaded<>(Optional.of(value), "");
        }

        static <T> Loaded<T> missing(String problem) {
            return new Loaded<>(Optional.empty(), problem);
        }
    }

    /** The facility certificate of client.p12. */
    public synchronized Loaded<X509Certificate> certificate() {
        if (certificate == null) {
            certificate = loadFirst(setup.clientPkcs12(), setup.clientPassword(), true, "クライアント証明書");
        }
        return certificate;
    }

    /** The CA certificate of trust.p12. */
    public synchronized Loaded<X509Certificate> trustAnchor() {
        if (trustAnchor == null) {
            trustAnchor = loadFirst(setup.trustPkcs12(), setup.trustPassword(), false, "信頼する認証局の証明書");
        }
        return trustAnchor;
    }

    /** The proxy of the set-up; empty when none is configured; throws for a malformed one. */
    public Optional<ProxySettings> proxy() {
        return setup.proxyServer().map(server -> ProxySettings.parse(server, setup.proxyBypass().orElse(null)));
    }

    /** HTTPS client with the facility certificate (and the proxy when one is configured and well-formed). */
    public synchronized Loaded<HttpClient> http() {
        if (http == null) {
            try {
                ReloadableClientTls tls = ReloadableClientTls.open(setup.clientPkcs12(), setup.clientPassword(),
                        setup.trustPkcs12(), setup.trustPassword());
                HttpClient.Builder builder = HttpClient.newBuilder().sslContext(tls.sslContext())
                        .connectTimeout(setup.timeout()).version(HttpClient.Version.HTTP_1_1);
                try {
                    proxy().ifPresent(p -> builder.proxy(p.selector()));
                } catch (IllegalArgumentException malformedProxy) {
                    // the proxy check reports it; connect directly meanwhile
                }
                http = Loaded.of(builder.build());
            } catch (KeyStoreLoadException | TlsContextException e) {
                http = Loaded.missing("証明書ファイルを開けないため接続できません（" + e.getMessage() + "）");
            }
        }
        return http;
    }

    /** The answer to one GET of the terminal API, or the precise connection problem. */
    public record ServiceCall(Optional<Integer> status, String body, Optional<ConnectionProblem> problem,
                              Instant sentAt, Instant receivedAt) {
        public boolean ok() {
            return status.filter(s -> s == 200).isPresent();
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The service's Japanese error message, or the connection problem's. */
        public String failure() {
            if (problem.isPresent()) {
                return problem.get().message();
            }
            try {
                return json().path("message").asString("HTTP " + status.orElse(0));
            } catch (RuntimeException notJson) {
                return "HTTP " + status.orElse(0);
            }
        }
    }

    public synchronized ServiceCall get(String path) {
        return calls.computeIfAbsent(path, this::call);
    }

    private ServiceCall call(String path) {
        Loaded<HttpClient> client = http();
        Instant sent = Instant.now();
        if (client.value().isEmpty()) {
            return new ServiceCall(Optional.empty(), "", Optional.of(new ConnectionProblem("CLIENT_CERTIFICATE",
                    client.problem())), sent, sent);
        }
        try {
            HttpResponse<String> response = client.value().get().send(HttpRequest.newBuilder(
                    setup.serviceUri().resolve(path)).timeout(setup.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ServiceCall(Optional.of(response.statusCode()), response.body(), Optional.empty(), sent,
                    Instant.now());
        } catch (IOException e) {
            return new ServiceCall(Optional.empty(), "", Optional.of(ConnectionProblem.of(e, setup.serviceUri())),
                    sent, Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServiceCall(Optional.empty(), "", Optional.of(new ConnectionProblem("NETWORK", "中断されました")),
                    sent, Instant.now());
        }
    }

    private static Loaded<X509Certificate> loadFirst(java.nio.file.Path file, char[] password, boolean keyEntry,
                                                     String what) {
        KeyStore store;
        try {
            store = TrustStores.loadPkcs12(file, password);
        } catch (KeyStoreLoadException e) {
            return Loaded.missing(what + "のファイル " + file + " を開けません（" + e.getMessage() + "）");
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                boolean matches = keyEntry ? store.isKeyEntry(alias) : store.isCertificateEntry(alias);
                if (matches && store.getCertificate(alias) instanceof X509Certificate cert) {
                    return Loaded.of(cert);
                }
            }
        } catch (KeyStoreException e) {
            return Loaded.missing(what + "のファイル " + file + " を読み取れません");
        }
        return Loaded.missing(what + "のファイル " + file + " に" + (keyEntry ? "秘密鍵付きの証明書" : "証明書") + "がありません");
    }
}
