package org.openoqs.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.population.SyntheticPopulation;
import org.openoqs.core.registry.InMemoryQualificationRegistry;
import org.openoqs.examples.ExampleCorpus;

/**
 * The messages the benchmarks encode and decode: a persona's real inquiry from the example corpus and the result
 * the eligibility rules give for it, so sizes and shapes are those of the hot path, not toy documents.
 */
final class BenchmarkMessages {

    /** 社保 本人: one result record, with kanji and kana names — the common case at a clinic counter. */
    static final String PERSONA_REQUEST = "shaho-honnin.xml";
    static final LocalDateTime NOW = LocalDateTime.of(2026, 4, 1, 9, 30);

    final QualificationInquiryRequest request;
    final QualificationInquiryResult result;

    private BenchmarkMessages(QualificationInquiryRequest request, QualificationInquiryResult result) {
        this.request = request;
        this.result = result;
    }

    static BenchmarkMessages personaInquiry() {
        byte[] bytes = ExampleCorpus.valid().stream().filter(e -> e.file().equals(PERSONA_REQUEST)).findFirst()
                .orElseThrow(() -> new IllegalStateException(PERSONA_REQUEST + " missing from the corpus")).bytes();
        QualificationInquiryRequest request = QualificationMessages.parseRequest(bytes);
        LocalDate date = QualificationMessages.parseDate(request.header().qualificationConfirmationDate().strip())
                .orElseThrow();
        QualificationResultBody body = new EligibilityService(
                new InMemoryQualificationRegistry(SyntheticPopulation.personas()))
                .answer(request.searchInfo(), date, true, (String) null, NOW);
        ResultHeader header = new ResultHeader(NOW, date, request.header().medicalInstitutionCode().strip(),
                request.header().arbitraryFileIdentifier(), ReferenceClassification.INSURANCE_CARD_NUMBERS,
                SegmentOfResult.COMPLETED, null, null, CharacterCode.UTF_8);
        return new BenchmarkMessages(request, new QualificationInquiryResult(header, body));
    }

    byte[] requestBytes(CharacterCode code) {
        return QualificationMessages.writeRequest(request, code).bytes();
    }

    byte[] resultBytes(CharacterCode code) {
        return QualificationMessages.writeResult(result, code).bytes();
    }
}
