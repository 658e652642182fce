package org.openoqs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openoqs.server.inquiry.InquiryService;
import org.openoqs.terminal.FacilityTerminal;
import org.openoqs.terminal.TerminalConfig;
import org.openoqs.terminal.linkage.LinkageFolders;
import org.openoqs.terminal.linkage.LinkageSettings;

/**
 * Two central-service instances on one PostgreSQL (Debian's server, a throw-away cluster started by
 * {@code scripts/pg-throwaway.sh}) behind a round-robin TCP load balancer, serving one terminal: every persona is
 * answered correctly whichever instance takes the connection, a setting changed through one instance is what the
 * other answers with (no state in the instances), and both append to one intact audit chain. Skipped where
 * PostgreSQL's server binaries are not installed (CI installs them).
 */
class ScaleOutOnPostgresIT {

    private static final String INSTITUTION = "0113810014";
    private static final char[] PASSWORD = "scale-out-test".toCharArray();

    @TempDir
    Path dir;

    @Test
    void twoStatelessInstancesOnOneDatabaseAnswerTheTerminalCorrectly() throws Exception {
        assumeTrue(postgresInstalled(), "PostgreSQL server binaries not installed (apt-get install -y postgresql)");
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
                try (FacilityTerminal terminal = FacilityTerminal.start(new TerminalConfig(INSTITUTION,
                        URI.create("https://127.0.0.1:" + balancer.port() + "/"), pki.clientP12, PASSWORD,
                        pki.trustStore, PASSWORD, folders, LinkageSettings.defaults(), Duration.ofSeconds(10),
                        Duration.ofSeconds(30), null))) {

                    answerEveryPersona(folders, "utf8", CharacterCode.UTF_8);
                    // a setting changed through the second instance holds for answers from either
                    second.facilities().setCharacterCode(INSTITUTION, CharacterCode.SHIFT_JIS);
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
                    .ca(caDirectory, PASSWORD).seedDemoData(true).populationSize(200).build();
        }
    }

    // ------------------------------------------------------------------------------------------- PostgreSQL

    private static boolean postgresInstalled() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.anyMatch(v -> Files.isExecutable(v.resolve("bin").resolve("initdb")));
        }
    }

    /** {cluster directory, JDBC URL}. */
    private static String[] startPostgres(Path script) throws Exception {
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

    private static String run(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(out).isTrue();
        return out;
    }
}
