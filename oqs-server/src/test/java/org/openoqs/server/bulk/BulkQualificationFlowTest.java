package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.Personas;
import org.openoqs.server.testsupport.SharedServer;

/**
 * 一括照会 end to end on the service: every persona (every validity outcome 1–6) and three broken entries in one
 * file; each gets its own unit, in file order, and the broken ones do not spoil the rest.
 */
class BulkQualificationFlowTest {

    private final SharedServer shared = SharedServer.get();

    @Test
    void everyPersonaAndEveryBrokenEntryGetTheirOwnUnit() throws Exception {
        List<QualificationConfirmSearchInfo> entries = new ArrayList<>();
        for (Persona p : Personas.all()) {
            entries.add(p.inquiry());
        }
        QualificationConfirmSearchInfo valid = Personas.all().get(0).inquiry();
        entries.add(new QualificationConfirmSearchInfo("06139993", valid.insuredCardSymbol(),
                valid.insuredIdentificationNumber(), valid.insuredBranchNumber(), valid.birthdate(), "1", "bad-check-digit"));
        entries.add(new QualificationConfirmSearchInfo(valid.insurerNumber(), valid.insuredCardSymbol(),
                valid.insuredIdentificationNumber(), valid.insuredBranchNumber(), "19990230", "1", "impossible-date"));
        entries.add(new QualificationConfirmSearchInfo(valid.insurerNumber(), valid.insuredCardSymbol(), null,
                valid.insuredBranchNumber(), valid.birthdate(), "1", "missing-number"));
        byte[] file = BulkApi.qualificationUpload(SharedServer.DEMO_CODE, PersonaCorpus.CONFIRMATION_DATE, "bulk-flow-1",
                entries);

        BulkReceipt receipt = BulkApi.upload(shared.demoClient(), shared.base(), BulkKind.QUALIFICATION, file);
        assertThat(receipt.segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(receipt.receptionNumber()).matches("\\d{20}");
        assertThat(receipt.arbitraryFileIdentifier()).isEqualTo("bulk-flow-1");

        BulkApi.Result result = BulkApi.awaitFinal(shared.demoClient(), shared.base(), BulkKind.QUALIFICATION,
                SharedServer.DEMO_CODE, receipt.receptionNumber(), Duration.ofSeconds(30));
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(result.header().receptionNumber()).isEqualTo(receipt.receptionNumber());
        assertThat(result.header().referenceClassification()).isEqualTo(ReferenceClassification.INSURANCE_CARD_NUMBERS);
        assertThat(result.header().numberOfProcessingResult()).isEqualTo(entries.size());
        assertThat(result.header().numberOfError()).isEqualTo(3);
        assertThat(result.header().numberOfNormalProcessing()).isEqualTo(entries.size() - 3);

        List<BulkConfirmUnit> units = result.confirmUnits();
        assertThat(units).hasSize(entries.size());
        List<Persona> personas = Personas.all();
        for (int i = 0; i < personas.size(); i++) {
            Persona p = personas.get(i);
            BulkConfirmUnit u = units.get(i);
            assertThat(u.searchInfoEcho()).as(p.key()).isEqualTo(p.inquiry());
            assertThat(u.processingResultStatus()).as(p.key()).isEqualTo(ProcessingResultStatus.COMPLETED);
            assertThat(u.qualificationValidity()).as(p.key()).isEqualTo(p.expectedValidity());
            assertThat(u.results()).as(p.key())
                    .allSatisfy(r -> assertThat(r.arbitraryIdentifier()).isEqualTo(p.key()));
        }
        int first = personas.size();
        assertThat(units.get(first).processingResultCode()).isEqualTo(ErrorCode.INVALID_INSURER_NUMBER_CHECK_DIGIT.code());
        assertThat(units.get(first + 1).processingResultCode()).isEqualTo(ErrorCode.INVALID_BIRTHDATE.code());
        assertThat(units.get(first + 2).processingResultCode())
                .isEqualTo(ErrorCode.MISSING_INSURED_IDENTIFICATION_NUMBER.code());
        for (BulkConfirmUnit u : units.subList(first, first + 3)) {
            assertThat(u.processingResultStatus()).isEqualTo(ProcessingResultStatus.ERROR);
            assertThat(u.qualificationValidity()).isNull();
            assertThat(u.results()).isEmpty();
            assertThat(u.processingResultMessage()).isNotBlank();
        }
        assertThat(units.get(first + 1).searchInfoEcho().birthdate()).isEqualTo("19990230");
    }
}
