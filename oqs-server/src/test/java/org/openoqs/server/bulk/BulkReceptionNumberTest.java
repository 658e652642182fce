package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.audit.AuditEvent;
import org.openoqs.server.testsupport.SharedServer;

/**
 * A download request ({@code 02req}) is answered from the caller's own jobs only: an unknown number, another
 * facility's number (the same answer, so nothing leaks, but audited as such), a number of another flow and a request
 * without a number all get a file-level error result.
 */
class BulkReceptionNumberTest {

    private static final SharedServer SHARED = SharedServer.get();
    private static BulkFixture.Facility owner;
    private static BulkFixture.Facility stranger;
    private static String receptionNumber;

    @BeforeAll
    static void storeAJob() throws Exception {
        owner = BulkFixture.clinic(false);
        stranger = BulkFixture.clinic(false);
        BulkReceipt receipt = BulkApi.upload(owner.client(), SHARED.base(), BulkKind.QUALIFICATION,
                BulkApi.qualificationUpload(owner.code(), PersonaCorpus.CONFIRMATION_DATE, "owner-job",
                        List.of(Personas.all().get(0).inquiry())));
        receptionNumber = receipt.receptionNumber();
        BulkApi.awaitFinal(owner.client(), SHARED.base(), BulkKind.QUALIFICATION, owner.code(), receptionNumber,
                Duration.ofSeconds(30));
    }

    @Test
    void theOwnerGetsTheResult() {
        BulkApi.Result r = BulkApi.download(owner.client(), SHARED.base(), BulkKind.QUALIFICATION, owner.code(),
                receptionNumber);
        assertThat(r.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(r.units()).hasSize(1);
    }

    @Test
    void anUnknownNumberIsAFileLevelError() {
        BulkApi.Result r = BulkApi.download(owner.client(), SHARED.base(), BulkKind.QUALIFICATION, owner.code(),
                "20260101000000000000");
        assertThat(r.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(r.header().errorCode()).isEqualTo(ErrorCode.UNKNOWN_RECEPTION_NUMBER.code());
        assertThat(r.header().errorMessage()).contains("受付番号");
        assertThat(r.units()).isEmpty();
    }

    @Test
    void anotherFacilitysNumberLooksUnknownButIsAudited() {
        BulkApi.Result r = BulkApi.download(stranger.client(), SHARED.base(), BulkKind.QUALIFICATION, stranger.code(),
                receptionNumber);
        assertThat(r.header().segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(r.header().errorCode()).isEqualTo(ErrorCode.UNKNOWN_RECEPTION_NUMBER.code());
        assertThat(r.units()).isEmpty();
        List<AuditEvent> events = SHARED.server().auditLog().recent(stranger.code(), 5);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(BulkDownloadService.ACTION);
            assertThat(e.outcome()).startsWith("FOREIGN_RECEPTION");
        });
    }

    @Test
    void aNumberOfAnotherFlowIsRefused() {
        BulkApi.Result r = BulkApi.download(owner.client(), SHARED.base(), BulkKind.HOME_VISIT, owner.code(),
                receptionNumber);
        assertThat(r.header().errorCode()).isEqualTo(ErrorCode.RECEPTION_KIND_MISMATCH.code());
    }

    @Test
    void aMissingNumberOrABrokenRequestIsRefused() {
        BulkApi.Result missing = BulkApi.download(owner.client(), SHARED.base(), BulkKind.QUALIFICATION, owner.code(), " ");
        assertThat(missing.header().errorCode()).isEqualTo(ErrorCode.MISSING_RECEPTION_NUMBER.code());

        BulkApi.Response broken = BulkApi.post(owner.client(), SHARED.base(), "api/v1/bulk/qualifications/results",
                "<XmlMsg><MessageHeader>".getBytes(StandardCharsets.UTF_8), null);
        assertThat(broken.status()).isEqualTo(200);
        assertThat(BulkApi.parse(broken.body()).header().errorCode()).isEqualTo(ErrorCode.MALFORMED_XML.code());
    }

    @Test
    void aRequestNamingAnotherFacilityIsForbidden() {
        BulkApi.Response r = BulkApi.downloadRaw(owner.client(), SHARED.base(), BulkKind.QUALIFICATION, stranger.code(),
                receptionNumber);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains(ErrorCode.INSTITUTION_MISMATCH.code());
    }
}
