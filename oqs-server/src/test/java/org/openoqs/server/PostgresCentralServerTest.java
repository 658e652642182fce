package org.openoqs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.testsupport.Api;
import org.openoqs.server.testsupport.SharedServer;
import org.openoqs.server.testsupport.TestPki;

/**
 * The same service on PostgreSQL (Debian's server started by scripts/pg-throwaway.sh): Flyway migrates, the
 * registry is seeded once, personas answer correctly, the audit chain verifies. Skipped where PostgreSQL's
 * server binaries are not installed; CI installs them.
 */
class PostgresCentralServerTest {

    private static final Path SCRIPT = Path.of("..", "scripts", "pg-throwaway.sh").toAbsolutePath().normalize();

    private static String pgDir;
    private static String jdbcUrl;

    @BeforeAll
    static void startPostgres() throws Exception {
        assertThat(initdbInstalled()).as("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) are missing: ./mvnw verify installs them "
                + "(scripts/test-prerequisites.sh), or: sudo apt-get install -y postgresql").isTrue();
        Process p = new ProcessBuilder("bash", SCRIPT.toString(), "start").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        for (String line : out.split("\n")) {
            if (line.startsWith("PGDIR=")) {
                pgDir = line.substring("PGDIR=".length()).strip();
            } else if (line.startsWith("URL=")) {
                jdbcUrl = line.substring("URL=".length()).strip();
            }
        }
        assertThat(jdbcUrl).as(out).startsWith("jdbc:postgresql://127.0.0.1:");
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pgDir != null) {
            Process p = new ProcessBuilder("bash", SCRIPT.toString(), "stop", pgDir).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static boolean initdbInstalled() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.anyMatch(v -> Files.isExecutable(v.resolve("bin").resolve("initdb")));
        }
    }

    @Test
    void migratesSeedsAndAnswersOnPostgres(@TempDir Path dir) throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        ServerConfig config = pki.serverConfig(dir.resolve("home")).jdbc(jdbcUrl, null, null).populationSize(500).build();
        int expectedPersons = 500 + Personas.population().size();

        try (CentralServer server = CentralServer.start(config)) {
            assertThat(server.bean(JdbcQualificationRegistry.class).personCount()).isEqualTo(expectedPersons);
            server.facilities().create(SharedServer.DEMO_CODE, SharedServer.DEMO_NAME);
            server.facilities().setMedicalAssistance(SharedServer.DEMO_CODE, true);
            var client = pki.client(pki.issueFacility(SharedServer.DEMO_CODE));
            for (Persona persona : Personas.all()) {
                Api.Response r = Api.post(client, server.baseUri(), Api.INQUIRY, Api.inquiryJson(SharedServer.DEMO_CODE,
                        PersonaCorpus.CONFIRMATION_DATE, "pg-" + persona.key(), persona.inquiry()));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.result().body().qualificationValidity()).as(persona.key())
                        .isEqualTo(persona.expectedValidity());
            }
            assertThat(server.auditLog().verify().intact()).isTrue();
        }
        // a second instance on the same database neither migrates again nor reseeds
        try (CentralServer again = CentralServer.start(config)) {
            assertThat(again.bean(JdbcQualificationRegistry.class).personCount()).isEqualTo(expectedPersons);
            assertThat(again.facilities().get(SharedServer.DEMO_CODE).settings().medicalAssistance()).isTrue();
        }
    }
}
