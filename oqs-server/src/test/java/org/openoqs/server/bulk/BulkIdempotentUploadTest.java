package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A terminal that lost the answer to an upload and sends it again with the same {@code Idempotency-Key} gets the same
 * 受付番号, and the job exists once; another key (or another flow) is another job.
 */
class BulkIdempotentUploadTest {

    private final SharedServer shared = SharedServer.get();

    private BulkReceipt upload(BulkFixture.Facility facility, BulkKind kind, byte[] file, String key) {
        BulkApi.Response r = BulkApi.post(facility.client(), shared.base(), "api/v1/bulk/" + kind.slug() + "/jobs", file,
                key);
        assertThat(r.status()).isEqualTo(200);
        return BulkMessages.readReceipt(new XmlDocumentReader().read(r.body()));
    }

    @Test
    void theSameKeyGetsTheSameReceptionNumber() {
        BulkFixture.Facility facility = BulkFixture.clinic(false);
        byte[] file = BulkApi.qualificationUpload(facility.code(), PersonaCorpus.CONFIRMATION_DATE, "retried",
                List.of(Personas.all().get(0).inquiry()));
        BulkReceipt first = upload(facility, BulkKind.QUALIFICATION, file, "file-sha256:abc");
        BulkReceipt again = upload(facility, BulkKind.QUALIFICATION, file, "file-sha256:abc");
        BulkReceipt other = upload(facility, BulkKind.QUALIFICATION, file, "file-sha256:def");
        assertThat(again.receptionNumber()).isEqualTo(first.receptionNumber());
        assertThat(again.receptionDateTime()).isEqualTo(first.receptionDateTime());
        assertThat(other.receptionNumber()).isNotEqualTo(first.receptionNumber());
        assertThat(shared.server().bean(JdbcTemplate.class).queryForObject(
                "select count(*) from bulk_job where institution_code = ?", Integer.class, facility.code())).isEqualTo(2);
    }
}
