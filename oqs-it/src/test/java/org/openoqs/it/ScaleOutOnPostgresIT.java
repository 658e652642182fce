package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.examples.ExampleCorpus;
import org.openoqs.pki.CertificateAuthority;
import org.openoqs.pki.TrustStores;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.account.AccountService;
import org.openoqs.server.facility.CacheVersion;
import org.openoqs.server.inquiry.InquiryService;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;

/**
 * Two central-service instances on one PostgreSQL (Debian's server, a throw-away cluster started by
 * {@code scripts/pg-throwaway.sh}) behind a round-robin TCP load balancer, serving one terminal: every persona is
 * answered correctly whichever instance takes the connection, a setting changed through one instance is what the
 * other answers with once the caches' bound has passed (no state in the instances beyond it), and both append to one intact audit chain. Then a browser uses
 * the web portal through the same balancer, one connection per request so that its requests alternate between the
 * instances: sign-in, the forced password change (a CSRF-protected form), the menu and logout all work, because
 * the session is in the database, not in an instance (no sticky sessions). Skipped where PostgreSQL's server
 * binaries are not installed (CI installs them).
 */
class ScaleOutOnPostgresIT {

    private static final String INSTITUTION = "0113810014";
    private static final char[] PASSWORD = "scale-out-test".toCharArray();
    private static final String MASTER = "M" + INSTITUTION;
    private static final String MASTER_INITIAL = "Initial#scale-out";
    private static final String MASTER_PASSWORD = "Hikari#2026go";

    @TempDir
    Path dir;

    @Test
    void twoStatelessInstancesOnOneDatabaseServeTheTerminalAndThePortal() throws Exception {
        assertThat(postgresInstalled()).as("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) are missing: ./mvnw verify installs them "
                + "(scripts/test-prerequisites.sh), or: sudo apt-get install -y postgresql").isTrue();
        Path script = Path.of(System.getProperty("oqs.repo", ".."), "scripts", "pg-throwaway.sh").toAbsolutePath();
        String[] cluster = startPostgres(script);
        try {
            Pki pki = Pki.create(dir.resolve("pki"));
            try (CentralServer first = CentralServer.start(pki.serverConfig(dir.resolve("a"), cluster[1]));
                 CentralServer second = CentralServer.start(pki.serverConfig(dir.resolve("b"), cluster[1]));
                 FaultProxy balancer = new FaultProxy(first.port(), second.port())) {
                first.facilities().create(INSTITUTION, "オープン診療所（スケールアウト試験）");
                first.facilities().setMedicalAssistance(INSTITUTION, true);
                LinkageFolders folders = LinkageFolders.under(dir.resolve("terminal"));
                TerminalConfig config = new TerminalConfig(INSTITUTION,
                        URI.create("https://127.0.0.1:" + balancer.port() + "/"), pki.clientP12, PASSWORD,
                        pki.trustStore, PASSWORD, folders, LinkageSettings.defaults(), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), null);
                try (FacilityTerminal terminal = FacilityTerminal.start(config, FacilityTerminal.overHttps(config))) {

                    answerEveryPersona(folders, "utf8", CharacterCode.UTF_8);
                    // a setting changed through the second instance holds for answers from either
                    second.facilities().setCharacterCode(INSTITUTION, CharacterCode.SHIFT_JIS);
                    // the first instance follows within the caches' stated bound (docs/performance.md)
                    Thread.sleep(CacheVersion.BOUND.toMillis());
                    balancer.dropConnections(); // new connections, again spread over both instances
                    answerEveryPersona(folders, "sjis", CharacterCode.SHIFT_JIS);
                }
                assertThat(balancer.connectionsTo(0)).as("connections to the first instance").isPositive();
                assertThat(balancer.connectionsTo(1)).as("connections to the second instance").isPositive();
                var audit = second.auditLog().verify();
                assertThat(audit.intact()).as(String.valueOf(audit.reason())).isTrue();
                long inquiries = first.auditLog().read(0, 10_000).stream()
                        .filter(e -> e.action().equals(InquiryService.ACTION)).count();
                assertThat(inquiries).isEqualTo(2L * personas().size());

                first.bean(AccountService.class).createMaster(INSTITUTION, MASTER, MASTER_INITIAL);
                portalAcrossTheBalancer(new BalancedBrowser(balancer, TrustStores.clientContext(pki.clientP12,
                        PASSWORD, pki.trustStore, PASSWORD)));
            }
        } finally {
            run(script.toString(), "stop", cluster[0]);
        }
    }

    private static void answerEveryPersona(LinkageFolders folders, String tag, CharacterCode expectedCode)
            throws Exception {
        List<ExampleCorpus.Example> personas = personas();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < personas.size(); i++) {
            String name = String.format("OQSsiquc01req_%s%02d.xml", tag, i);
            Folders.drop(folders.req(), name, personas.get(i).bytes());
            names.add(name);
        }
        for (int i = 0; i < names.size(); i++) {
            byte[] bytes = Folders.awaitFile(folders.res().resolve(names.get(i).replace("req_", "res_")),
                    Duration.ofSeconds(60));
            QualificationInquiryResult result = QualificationMessages.parseResult(bytes);
            ExampleCorpus.Example persona = personas.get(i);
            assertThat(result.header().segmentOfResult()).as(persona.file()).isEqualTo(SegmentOfResult.COMPLETED);
            assertThat(result.header().characterCodeIdentifier()).as(persona.file()).isEqualTo(expectedCode);
            assertThat("validity:" + result.body().qualificationValidity().code()).as(persona.file())
                    .isEqualTo(persona.expected());
        }
    }

    /** A portal session whose requests alternate between the instances, from sign-in to logout. */
    private static void portalAcrossTheBalancer(BalancedBrowser browser) throws Exception {
        assertThat(browser.get("web/login").statusCode()).isEqualTo(200);
        HttpResponse<String> signIn = browser.post("web/login",
                Map.of("accountId", MASTER, "password", MASTER_INITIAL));
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/web/password/change");
        assertThat(browser.get("web/password/change").statusCode()).isEqualTo(200);
        HttpResponse<String> changed = browser.post("web/password/change",
                Map.of("newPassword", MASTER_PASSWORD, "confirmPassword", MASTER_PASSWORD));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(302);
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> menu = browser.get("web/menu");
            assertThat(menu.statusCode()).as("menu, request %d", i + 1).isEqualTo(200);
            assertThat(menu.body()).contains("オープン診療所（スケールアウト試験）");
        }
        String signedIn = browser.sessionId;
        HttpResponse<String> logout = browser.post("web/logout", Map.of());
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/web/login?logout");
        browser.sessionId = signedIn; // a browser that kept the old cookie
        HttpResponse<String> after = browser.get("web/menu");
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/web/login?timeout");

        assertThat(browser.served).as("instance per request").hasSize(10).containsOnly(0, 1);
        for (int i = 1; i < browser.served.size(); i++) {
            assertThat(browser.served.get(i)).as("request %d went to the other instance", i + 1)
                    .isNotEqualTo(browser.served.get(i - 1));
        }
    }

    /**
     * A browser behind the balancer that opens a new connection for every request (a new client each time), so
     * that round robin sends consecutive requests to alternating instances; it keeps the session cookie and the
     * last page's CSRF token, and notes which instance served each request.
     */
    private static final class BalancedBrowser {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final FaultProxy balancer;
        private final SSLContext tls;
        private final List<Integer> served = new ArrayList<>();
        private String sessionId;
        private String csrfToken;

        BalancedBrowser(FaultProxy balancer, SSLContext tls) {
            this.balancer = balancer;
            this.tls = tls;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            Map<String, String> form = new LinkedHashMap<>(fields);
            form.put("_csrf", csrfToken);
            String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + balancer.port()
                    + "/" + path)).timeout(Duration.ofSeconds(30));
            if (sessionId != null) {
                builder.header("Cookie", "JSESSIONID=" + sessionId);
            }
            return builder;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            int[] before = {balancer.connectionsTo(0), balancer.connectionsTo(1)};
            HttpClient client = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int toFirst = balancer.connectionsTo(0) - before[0];
            int toSecond = balancer.connectionsTo(1) - before[1];
            assertThat(toFirst + toSecond).as("one new connection for " + request.build().uri()).isEqualTo(1);
            served.add(toFirst == 1 ? 0 : 1);
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                String[] nameValue = cookie.split(";", 2)[0].split("=", 2);
                if (nameValue[0].strip().equals("JSESSIONID")) {
                    boolean cleared = nameValue[1].isEmpty() || cookie.toLowerCase(Locale.ROOT).contains("max-age=0");
                    sessionId = cleared ? null : nameValue[1];
                }
            }
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrfToken = token.group(1);
            }
            return response;
        }
    }

    private static List<ExampleCorpus.Example> personas() {
        return ExampleCorpus.valid().stream()
                .filter(e -> e.kind().equals("OQSsiquc01req") && e.expected().startsWith("validity:")).toList();
    }

    /** CA, the servers' TLS key store and trust store, and the facility's client certificate. */
    private record Pki(Path caDirectory, Path serverKeyStore, Path trustStore, Path clientP12) {

        static Pki create(Path dir) throws IOException {
            CertificateAuthority ca = CertificateAuthority.initOrLoad(dir.resolve("ca"), "openoqs scale-out CA",
                    PASSWORD);
            Pki pki = new Pki(dir.resolve("ca"), dir.resolve("server.p12"), dir.resolve("trust.p12"),
                    dir.resolve("facility.p12"));
            ca.issueServerCertificate("localhost", "127.0.0.1").writePkcs12(pki.serverKeyStore, "server", PASSWORD);
            TrustStores.writeTrustStore(pki.trustStore, PASSWORD, ca.caCertificate());
            ca.issueFacilityCertificate(INSTITUTION, "オープン診療所").writePkcs12(pki.clientP12, "facility", PASSWORD);
            return pki;
        }

        /** Same database, CA and certificates for every instance; only the home (logs, temp) is its own. */
        ServerConfig serverConfig(Path home, String jdbcUrl) {
            return ServerConfig.builder(home).port(0).bindAddress("127.0.0.1").jdbc(jdbcUrl, null, null)
                    .serverKeyStore(serverKeyStore, PASSWORD).trustStore(trustStore, PASSWORD)
                    .ca(caDirectory, PASSWORD).seedDemoData(true).populationSize(200)
                    .auditKeyFile(home.resolveSibling("audit-chain.key")).build(); // one chain, one key
        }
    }

    // ------------------------------------------------------------------------------------------- PostgreSQL

    static boolean postgresInstalled() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.anyMatch(v -> Files.isExecutable(v.resolve("bin").resolve("initdb")));
        }
    }

    /** {cluster directory, JDBC URL}. */
    static String[] startPostgres(Path script) throws Exception {
        String out = run(script.toString(), "start");
        String directory = null;
        String url = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("PGDIR=")) {
                directory = line.substring("PGDIR=".length()).strip();
            } else if (line.startsWith("URL=")) {
                url = line.substring("URL=".length()).strip();
            }
        }
        assertThat(url).as(out).startsWith("jdbc:postgresql://127.0.0.1:");
        return new String[] {directory, url};
    }

    static String run(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        return out;
    }
}
