package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.server.testsupport.SharedServer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An upload that fails as a whole gets a {@code 01res} with {@code SegmentOfResult} 9 and leaves nothing behind:
 * a file cut off after thousands of entries stores none of them.
 */
class BulkWholeFileErrorTest {

    private static final SharedServer SHARED = SharedServer.get();
    private final BulkFixture.Facility facility = BulkFixture.clinic(false);

    private long jobsOfFacility() {
        return SHARED.server().bean(JdbcTemplate.class).queryForObject(
                "select count(*) from bulk_job where institution_code = ?", Long.class, facility.code());
    }

    private BulkReceipt upload(BulkKind kind, byte[] file) {
        return BulkApi.upload(facility.client(), SHARED.base(), kind, file);
    }

    private static List<QualificationConfirmSearchInfo> many(int n) {
        QualificationConfirmSearchInfo one = Personas.all().get(0).inquiry();
        return java.util.Collections.nCopies(n, one);
    }

    @Test
    void aTruncatedFileIsRefusedAndNoEntryIsKept() {
        byte[] whole = BulkApi.qualificationUpload(facility.code(), PersonaCorpus.CONFIRMATION_DATE, "cut", many(3000));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 200);
        BulkReceipt r = upload(BulkKind.QUALIFICATION, cut);
        assertThat(r.segmentOfResult()).isEqualTo(SegmentOfResult.FAILED);
        assertThat(r.errorCode()).isEqualTo(ErrorCode.MALFORMED_XML.code());
        assertThat(r.receptionNumber()).isNull();
        assertThat(r.arbitraryFileIdentifier()).isEqualTo("cut");
        assertThat(jobsOfFacility()).isZero();
        assertThat(SHARED.server().bean(JdbcTemplate.class).queryForObject("select count(*) from bulk_entry e join "
                + "bulk_job j on j.job_id = e.job_id where j.institution_code = ?", Long.class, facility.code())).isZero();
    }

    @Test
    void headerProblemsAreFileLevel() {
        byte[] noDate = BulkApi.qualificationUpload(facility.code(), null, "no-date", many(2));
        assertThat(upload(BulkKind.QUALIFICATION, noDate).errorCode()).isEqualTo(ErrorCode.MISSING_CONFIRMATION_DATE.code());
        byte[] badDate = BulkApi.qualificationUpload(facility.code(), "20230229", "bad-date", many(2));
        assertThat(upload(BulkKind.QUALIFICATION, badDate).errorCode()).isEqualTo(ErrorCode.INVALID_CONFIRMATION_DATE.code());
        byte[] badCode = BulkApi.qualificationUpload("0113810015", PersonaCorpus.CONFIRMATION_DATE, "bad-code", many(2));
        assertThat(upload(BulkKind.QUALIFICATION, badCode).errorCode())
                .isEqualTo(ErrorCode.INVALID_INSTITUTION_CODE_CHECK_DIGIT.code());
        assertThat(jobsOfFacility()).isZero();
    }

    @Test
    void anEmptyBodyAndHostileXmlAreRefused() {
        byte[] none = BulkApi.qualificationUpload(facility.code(), PersonaCorpus.CONFIRMATION_DATE, "none", List.of());
        assertThat(upload(BulkKind.QUALIFICATION, none).errorCode()).isEqualTo(ErrorCode.NO_BULK_ENTRIES.code());
        byte[] doctype = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><XmlMsg/>").getBytes(StandardCharsets.UTF_8);
        assertThat(upload(BulkKind.QUALIFICATION, doctype).errorCode()).isEqualTo(ErrorCode.DOCTYPE_FORBIDDEN.code());
        assertThat(upload(BulkKind.REFERENCE_NUMBER, new byte[0]).errorCode()).isEqualTo(ErrorCode.EMPTY_FILE.code());
        assertThat(jobsOfFacility()).isZero();
    }

    @Test
    void aFileNamingAnotherFacilityIsForbiddenAndStoresNothing() {
        byte[] file = BulkApi.qualificationUpload(SharedServer.DEMO_CODE, PersonaCorpus.CONFIRMATION_DATE, "other",
                many(2));
        BulkApi.Response r = BulkApi.post(facility.client(), SHARED.base(), "api/v1/bulk/qualifications/jobs", file, null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.text()).contains(ErrorCode.INSTITUTION_MISMATCH.code());
        assertThat(jobsOfFacility()).isZero();
    }

    @Test
    void theReceiptIsInTheFacilitysCharacterCode() {
        BulkFixture.Facility sjis = BulkFixture.clinic(false);
        SHARED.server().facilities().setCharacterCode(sjis.code(), org.openoqs.core.code.CharacterCode.SHIFT_JIS);
        BulkApi.Response r = BulkApi.post(sjis.client(), SHARED.base(), "api/v1/bulk/qualifications/jobs",
                BulkApi.qualificationUpload(sjis.code(), null, "sjis", many(1)), null);
        assertThat(new String(r.body(), 0, 60, StandardCharsets.US_ASCII)).contains("encoding=\"Shift_JIS\"");
        BulkReceipt receipt = BulkMessages.readReceipt(new XmlDocumentReader().read(r.body()));
        assertThat(receipt.errorMessage()).contains("資格確認日");
    }
}
