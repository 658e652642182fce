package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.jdbc.core.JdbcTemplate;

/** A job past its retention (30 days) is removed with everything it holds; its 受付番号 then answers as unknown. */
class BulkRetentionTest {

    private final SharedServer shared = SharedServer.get();

    @Test
    void jobsOlderThanTheRetentionAreRemovedAndTheirNumberIsUnknown() throws Exception {
        BulkFixture.Facility facility = BulkFixture.clinic(false);
        JdbcTemplate jdbc = shared.server().bean(JdbcTemplate.class);
        String[] numbers = new String[2];
        for (int i = 0; i < 2; i++) {
            BulkReceipt receipt = BulkApi.upload(facility.client(), shared.base(), BulkKind.QUALIFICATION,
                    BulkApi.qualificationUpload(facility.code(), PersonaCorpus.CONFIRMATION_DATE, "old-" + i,
                            List.of(Personas.all().get(0).inquiry())));
            numbers[i] = receipt.receptionNumber();
            BulkApi.awaitFinal(facility.client(), shared.base(), BulkKind.QUALIFICATION, facility.code(), numbers[i],
                    Duration.ofSeconds(30));
        }
        jdbc.update("update bulk_job set received_at = ? where reception_number = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(31), numbers[0]);
        jdbc.update("update bulk_job set received_at = ? where reception_number = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(29), numbers[1]);

        assertThat(shared.server().bean(BulkWorkers.class).removeExpiredJobs()).isGreaterThanOrEqualTo(1);

        assertThat(BulkApi.download(facility.client(), shared.base(), BulkKind.QUALIFICATION, facility.code(), numbers[0])
                .header().errorCode()).isEqualTo(ErrorCode.UNKNOWN_RECEPTION_NUMBER.code());
        assertThat(BulkApi.download(facility.client(), shared.base(), BulkKind.QUALIFICATION, facility.code(), numbers[1])
                .units()).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from bulk_entry e where not exists "
                + "(select 1 from bulk_job j where j.job_id = e.job_id)", Integer.class)).isZero();
    }
}
