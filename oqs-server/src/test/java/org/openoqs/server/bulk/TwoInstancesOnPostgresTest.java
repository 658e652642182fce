package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.server.CentralServer;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.testsupport.TestPki;
import org.openoqs.server.testsupport.ThrowawayPostgres;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two server instances on one PostgreSQL database (Debian's server, a throw-away cluster) share one job: both
 * instances' workers answer chunks of it, and every entry is answered exactly once — one completion row per chunk
 * (its primary key would refuse a second), every entry answered by the instance that completed its chunk, the sum
 * of the completions equal to the job's entries. The job is uploaded to one instance and downloaded from the other.
 */
class TwoInstancesOnPostgresTest {

    private static final String CODE = "0113810014";
    private static final int ENTRIES = 4000;

    @TempDir
    Path dir;

    @Test
    void twoInstancesShareAJobAndAnswerEveryEntryExactlyOnce() throws Exception {
        assertThat(ThrowawayPostgres.installed()).as("PostgreSQL server binaries (/usr/lib/postgresql/*/bin/initdb) are missing: ./mvnw verify installs them "
                + "(scripts/test-prerequisites.sh), or: sudo apt-get install -y postgresql").isTrue();
        String url = ThrowawayPostgres.shared().jdbcUrlFor(dir.resolve("shared-database"));
        TestPki pki = TestPki.create(dir.resolve("pki"));
        ServerConfig configA = ServerConfig.builder(dir.resolve("a")).port(0).bindAddress("127.0.0.1")
                .serverKeyStore(dir.resolve("pki").resolve("server.p12"), TestPki.PASSWORD)
                .trustStore(pki.trustStore(), TestPki.PASSWORD).ca(pki.caDirectory(), null)
                .jdbc(url, null, null).populationSize(200)
                .auditKeyFile(dir.resolve("audit-chain.key")).build(); // one chain, one key
        ServerConfig configB = ServerConfig.builder(dir.resolve("b")).port(0).bindAddress("127.0.0.1")
                .serverKeyStore(dir.resolve("pki").resolve("server.p12"), TestPki.PASSWORD)
                .trustStore(pki.trustStore(), TestPki.PASSWORD).ca(pki.caDirectory(), null)
                .jdbc(url, null, null).populationSize(200)
                .auditKeyFile(dir.resolve("audit-chain.key")).build(); // one chain, one key
        HttpClient client = pki.client(pki.issueFacility(CODE));
        List<Persona> personas = Personas.all();
        List<QualificationConfirmSearchInfo> entries = new ArrayList<>();
        for (int i = 0; i < ENTRIES; i++) {
            entries.add(personas.get(i % personas.size()).inquiry());
        }

        try (CentralServer a = CentralServer.start(configA); CentralServer b = CentralServer.start(configB)) {
            a.facilities().create(CODE, "二台構成テスト診療所");
            a.facilities().setMedicalAssistance(CODE, true);
            BulkWorkers workersA = a.bean(BulkWorkers.class);
            BulkWorkers workersB = b.bean(BulkWorkers.class);
            assertThat(workersA.instanceId()).isNotEqualTo(workersB.instanceId());
            workersA.pause();
            workersB.pause();
            BulkReceipt receipt = BulkApi.upload(client, a.baseUri(), BulkKind.QUALIFICATION,
                    BulkApi.qualificationUpload(CODE, PersonaCorpus.CONFIRMATION_DATE, "two-instances", entries));
            workersA.resume();
            workersB.resume();

            BulkApi.Result result = BulkApi.awaitFinal(client, b.baseUri(), BulkKind.QUALIFICATION, CODE,
                    receipt.receptionNumber(), Duration.ofSeconds(120));
            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
            List<BulkConfirmUnit> units = result.confirmUnits();
            assertThat(units).hasSize(ENTRIES);
            for (int i = 0; i < ENTRIES; i++) {
                Persona p = personas.get(i % personas.size());
                assertThat(units.get(i).qualificationValidity()).as("entry %d", i + 1).isEqualTo(p.expectedValidity());
                assertThat(units.get(i).searchInfoEcho()).isEqualTo(p.inquiry());
            }

            JdbcTemplate jdbc = a.bean(JdbcTemplate.class);
            long job = jdbc.queryForObject("select job_id from bulk_job where reception_number = ?", Long.class,
                    receipt.receptionNumber());
            int chunks = jdbc.queryForObject("select chunk_count from bulk_job where job_id = ?", Integer.class, job);
            assertThat(chunks).isEqualTo(ENTRIES / 250);
            assertThat(jdbc.queryForObject("select count(*) from bulk_chunk_completion where job_id = ?", Integer.class,
                    job)).isEqualTo(chunks);
            assertThat(jdbc.queryForObject("select sum(entries) from bulk_chunk_completion where job_id = ?",
                    Integer.class, job)).isEqualTo(ENTRIES);
            assertThat(jdbc.queryForObject("select count(*) from bulk_entry where job_id = ? and processed_by is null",
                    Integer.class, job)).isZero();
            // every entry was answered by the instance that completed its chunk, and by nobody else
            assertThat(jdbc.queryForObject("select count(*) from bulk_entry e join bulk_chunk c on c.job_id = e.job_id "
                    + "and e.seq between c.first_seq and c.last_seq join bulk_chunk_completion k on k.job_id = c.job_id "
                    + "and k.chunk_no = c.chunk_no where e.job_id = ? and e.processed_by = k.processed_by",
                    Integer.class, job)).isEqualTo(ENTRIES);
            List<Map<String, Object>> byInstance = jdbc.queryForList("select processed_by, count(*) as chunks from "
                    + "bulk_chunk_completion where job_id = ? group by processed_by", job);
            assertThat(byInstance).extracting(row -> (String) row.get("processed_by"))
                    .containsExactlyInAnyOrderElementsOf(Set.of(workersA.instanceId(), workersB.instanceId()));
            System.out.println("two instances on PostgreSQL: chunks answered per instance " + byInstance);
        }
    }
}
