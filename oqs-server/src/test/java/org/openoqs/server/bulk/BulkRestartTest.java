package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A job survives the service going down in the middle of it: one chunk answered and committed, a second one in the
 * middle of its transaction when the service stops. After the restart the job resumes where it stopped, and every
 * entry is answered exactly once (one completion per chunk, every entry answered, the first chunk's answers kept).
 */
class BulkRestartTest {

    private static final String CODE = "0113810014";

    @TempDir
    Path dir;

    @Test
    void aJobStoppedMidwayResumesAfterRestartAndEveryEntryIsAnsweredOnce() throws Exception {
        TestPki pki = TestPki.create(dir.resolve("pki"));
        ServerConfig config = pki.serverConfig(dir.resolve("home")).populationSize(0).build();
        HttpClient client = pki.client(pki.issueFacility(CODE));
        List<QualificationConfirmSearchInfo> entries = new ArrayList<>();
        List<Persona> personas = Personas.all();
        for (int i = 0; i < 1000; i++) {
            entries.add(personas.get(i % personas.size()).inquiry());
        }
        String receptionNumber;
        String firstChunkAnsweredBy = "test-before-restart";

        try (CentralServer before = CentralServer.start(config)) {
            before.facilities().create(CODE, "再起動テスト診療所");
            before.facilities().setMedicalAssistance(CODE, true);
            before.bean(BulkWorkers.class).pause();
            BulkReceipt receipt = BulkApi.upload(client, before.baseUri(), BulkKind.QUALIFICATION,
                    BulkApi.qualificationUpload(CODE, PersonaCorpus.CONFIRMATION_DATE, "restart", entries));
            receptionNumber = receipt.receptionNumber();
            assertThat(before.bean(ChunkProcessor.class).processNext(firstChunkAnsweredBy))
                    .isEqualTo(ChunkProcessor.Outcome.ANSWERED);
            assertThat(BulkApi.download(client, before.baseUri(), BulkKind.QUALIFICATION, CODE, receptionNumber)
                    .header().segmentOfResult()).isEqualTo(SegmentOfResult.PROCESSING);

            // A worker in the middle of chunk 2: claimed, half of its answers written, not committed.
            DataSource dataSource = before.bean(DataSource.class);
            Connection inFlight = dataSource.getConnection();
            inFlight.setAutoCommit(false);
            try (PreparedStatement claim = inFlight.prepareStatement("select chunk_no, first_seq from bulk_chunk "
                    + "where state = 'P' limit 1 for update skip locked")) {
                ResultSet rs = claim.executeQuery();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            try (PreparedStatement half = inFlight.prepareStatement("update bulk_entry set status = '1', "
                    + "processed_by = 'crashed-worker' where seq between 251 and 375")) {
                assertThat(half.executeUpdate()).isEqualTo(125);
            }
            // the worker dies: its connection goes away without a commit, and the service goes down
            inFlight.close();
        }

        try (CentralServer after = CentralServer.start(config)) {
            BulkApi.Result result = BulkApi.awaitFinal(client, after.baseUri(), BulkKind.QUALIFICATION, CODE,
                    receptionNumber, Duration.ofSeconds(60));
            assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
            assertThat(result.header().numberOfProcessingResult()).isEqualTo(1000);
            List<BulkConfirmUnit> units = result.confirmUnits();
            assertThat(units).hasSize(1000);
            for (int i = 0; i < units.size(); i++) {
                Persona p = personas.get(i % personas.size());
                assertThat(units.get(i).qualificationValidity()).as("entry %d (%s)", i + 1, p.key())
                        .isEqualTo(p.expectedValidity());
            }

            JdbcTemplate jdbc = after.bean(JdbcTemplate.class);
            long job = jdbc.queryForObject("select job_id from bulk_job where reception_number = ?", Long.class,
                    receptionNumber);
            assertThat(jdbc.queryForObject("select count(*) from bulk_chunk_completion where job_id = ?", Integer.class,
                    job)).isEqualTo(4);
            assertThat(jdbc.queryForObject("select sum(entries) from bulk_chunk_completion where job_id = ?",
                    Integer.class, job)).isEqualTo(1000);
            assertThat(jdbc.queryForObject("select count(*) from bulk_entry where job_id = ? and processed_by is null",
                    Integer.class, job)).isZero();
            assertThat(jdbc.queryForObject("select count(*) from bulk_entry where job_id = ? and processed_by = ?",
                    Integer.class, job, "crashed-worker")).isZero();
            assertThat(jdbc.queryForList("select distinct processed_by from bulk_entry where job_id = ? and seq <= 250",
                    String.class, job)).containsExactly(firstChunkAnsweredBy);
            assertThat(jdbc.queryForList("select distinct processed_by from bulk_entry where job_id = ? and seq > 250",
                    String.class, job)).containsExactly(after.bean(BulkWorkers.class).instanceId());
        }
    }
}
