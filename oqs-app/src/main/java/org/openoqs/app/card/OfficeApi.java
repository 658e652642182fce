package org.openoqs.app.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
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
 * The office API of a running demo ({@code /api/v1/office/…}) over mutual TLS with the demo's issuing-office
 * certificate, everything read from {@code DIR/demo.properties} ({@code api.url}, {@code office.p12},
 * {@code office.p12.password}, {@code ca.pem}).
 */
final class OfficeApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CARDS = "/api/v1/office/cards/";

    /** A failure before or instead of an answer, with the exit code and the Japanese line to print. */
    static final class Failure extends Exception {
        private final int exitCode;

        Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    /** The service's answer: 2xx with the body, or a refusal ({@code errorCode}, {@code message}). */
    record Reply(int status, JsonNode body) {

        boolean ok() {
            return status / 100 == 2;
        }

        String refusal() {
            return "エラー " + body.path("errorCode").asString("HTTP " + status) + ": " + body.path("message").asString("");
        }
    }

    private final URI base;
    private final HttpClient http;

    private OfficeApi(URI base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    static OfficeApi forDemoHome(Path home) throws Failure, IOException {
        Path file = home.resolve("demo.properties");
        if (!Files.isRegularFile(file)) {
            throw new Failure(CardExitCodes.UNREACHABLE,
                    "デモが起動していません（" + file + " がありません）。./oqs demo --home " + home + " で起動してください");
        }
        Properties demo = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            demo.load(r);
        }
        String p12 = demo.getProperty("office.p12");
        String password = demo.getProperty("office.p12.password");
        if (p12 == null || password == null || !Files.isRegularFile(Path.of(p12))) {
            throw new Failure(CardExitCodes.CERTIFICATE_REFUSED, "発行窓口の証明書（office.p12）がこのデモにありません。"
                    + "./oqs demo --home " + home + " を起動し直すと作成されます");
        }
        KeyStore keys = TrustStores.loadPkcs12(Path.of(p12), password.toCharArray());
        KeyStore trust = TrustStores.trustStoreOf(caCertificate(Path.of(demo.getProperty("ca.pem"))));
        SSLContext tls = TrustStores.clientContext(keys, password.toCharArray(), trust);
        HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return new OfficeApi(URI.create(demo.getProperty("api.url")), client);
    }

    Reply unlock(String cardId, String operator) throws Failure {
        String body = JSON.createObjectNode().put("operator", operator).toString();
        return send(HttpRequest.newBuilder(cardUri(cardId, "/pin-unlock")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Reply status(String cardId) throws Failure {
        return send(HttpRequest.newBuilder(cardUri(cardId, "")).GET());
    }

    private URI cardUri(String cardId, String suffix) {
        return base.resolve(CARDS + URLEncoder.encode(cardId, StandardCharsets.UTF_8) + suffix);
    }

    private Reply send(HttpRequest.Builder request) throws Failure {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (SSLException refused) {
            // the service closes the handshake on a certificate it does not trust (another CA, damaged file)
            throw new Failure(CardExitCodes.CERTIFICATE_REFUSED, "発行窓口の証明書で接続できません（" + refused.getMessage() + "）");
        } catch (IOException unreachable) {
            throw new Failure(CardExitCodes.UNREACHABLE,
                    "オンライン資格確認等システム（デモ）に接続できません（" + base + "）。デモが起動しているか確認してください");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Failure(CardExitCodes.OTHER, "中断しました");
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JacksonException notJson) {
            throw new Failure(CardExitCodes.OTHER, "オンライン資格確認等システムから不正な応答を受信しました（HTTP "
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
