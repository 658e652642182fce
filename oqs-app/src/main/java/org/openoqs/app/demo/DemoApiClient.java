package org.openoqs.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.openoqs.pki.TrustStores;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON API of a running demo over mutual TLS with one of the demo's party certificates (the issuing office's for
 * {@code oqs card}, the operator's for {@code oqs notice}), everything read from {@code DIR/demo.properties}
 * ({@code api.url}, {@code ca.pem} and the credential's two keys). Failures come back as a Japanese line and the exit
 * code the commands share: {@value #CERTIFICATE_REFUSED} certificate missing or refused, {@value #UNREACHABLE}
 * demo not running, {@value #OTHER} anything else.
 */
public final class DemoApiClient {

    public static final int CERTIFICATE_REFUSED = 5;
    public static final int UNREACHABLE = 9;
    public static final int OTHER = 10;

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Which of the demo's certificates to present.
     *
     * @param p12Property      demo.properties key of the PKCS#12 path
     * @param passwordProperty demo.properties key of its password
     * @param label            how the messages name it, e.g. {@code 発行窓口の証明書（office.p12）}
     */
    public record Credential(String p12Property, String passwordProperty, String label) {
        public static final Credential OFFICE = new Credential("office.p12", "office.p12.password",
                "発行窓口の証明書（office.p12）");
        public static final Credential OPERATOR = new Credential("operator.p12", "operator.p12.password",
                "運用者の証明書（operator.p12）");
    }

    /** A failure before or instead of an answer, with the exit code and the Japanese line to print. */
    public static final class Failure extends Exception {
        private final int exitCode;

        public Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** The service's answer: 2xx with the body (empty object for 204), or a refusal ({@code errorCode}, {@code message}). */
    public record Reply(int status, JsonNode body) {

        public boolean ok() {
            return status / 100 == 2;
        }

        public String refusal() {
            return "エラー " + body.path("errorCode").asString("HTTP " + status) + ": " + body.path("message").asString("");
        }
    }

    private final URI base;
    private final HttpClient http;
    private final Credential credential;

    private DemoApiClient(URI base, HttpClient http, Credential credential) {
        this.base = base;
        this.http = http;
        this.credential = credential;
    }

    public static DemoApiClient forDemoHome(Path home, Credential credential) throws Failure, IOException {
        Path file = home.resolve("demo.properties");
        if (!Files.isRegularFile(file)) {
            throw new Failure(UNREACHABLE,
                    "デモが起動していません（" + file + " がありません）。./oqs demo --home " + home + " で起動してください");
        }
        Properties demo = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            demo.load(r);
        }
        String p12 = demo.getProperty(credential.p12Property());
        String password = demo.getProperty(credential.passwordProperty());
        if (p12 == null || password == null || !Files.isRegularFile(Path.of(p12))) {
            throw new Failure(CERTIFICATE_REFUSED, credential.label() + "がこのデモにありません。"
                    + "./oqs demo --home " + home + " を起動し直すと作成されます");
        }
        KeyStore keys = TrustStores.loadPkcs12(Path.of(p12), password.toCharArray());
        KeyStore trust = TrustStores.trustStoreOf(caCertificate(Path.of(demo.getProperty("ca.pem"))));
        SSLContext tls = TrustStores.clientContext(keys, password.toCharArray(), trust);
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new DemoApiClient(URI.create(demo.getProperty("api.url")), client, credential);
    }

    /** {@code path} relative to the service's base, e.g. {@code /api/v1/operator/notices}. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    public Reply get(String path) throws Failure {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply post(String path, String json) throws Failure {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply delete(String path) throws Failure {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private Reply send(HttpRequest.Builder request) throws Failure {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (SSLException refused) {
            // the service closes the handshake on a certificate it does not trust (another CA, damaged file)
            throw new Failure(CERTIFICATE_REFUSED, credential.label() + "で接続できません（" + refused.getMessage() + "）");
        } catch (IOException unreachable) {
            throw new Failure(UNREACHABLE,
                    "オンライン資格確認等システム（デモ）に接続できません（" + base + "）。デモが起動しているか確認してください");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Failure(OTHER, "中断しました");
        }
        if (response.body().isEmpty()) { // 204 No Content
            return new Reply(response.statusCode(), JSON.createObjectNode());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException notJson) {
            throw new Failure(OTHER, "オンライン資格確認等システムから不正な応答を受信しました（HTTP "
                    + response.statusCode() + "）");
        }
        return new Reply(response.statusCode(), body);
    }

    private static X509Certificate caCertificate(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the demo CA certificate " + pem, e);
        }
    }
}
