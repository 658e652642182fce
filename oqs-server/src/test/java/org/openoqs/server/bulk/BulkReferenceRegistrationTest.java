package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.BulkRegistrationUnit;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.testsupport.SharedServer;

/**
 * 照会番号 一括登録 ({@code OQSmuimm}): every block gets its own outcome by the single registration's rules, the
 * registered numbers then appear in the facility's 一括照会 results (unit and record), and never in another
 * facility's.
 */
class BulkReferenceRegistrationTest {

    private static final SharedServer SHARED = SharedServer.get();

    private static XmlNode block(String referenceNumber, QualificationConfirmSearchInfo keys, String branch) {
        return XmlNode.builder(BulkRegistrationUnit.REGISTRATION_INFO)
                .leaf("ReferenceNumber", referenceNumber)
                .leaf("InsurerNumber", keys.insurerNumber())
                .leaf("InsuredCardSymbol", keys.insuredCardSymbol())
                .leaf("InsuredIdentificationNumber", keys.insuredIdentificationNumber())
                .leaf("InsuredBranchNumber", branch)
                .build();
    }

    private static QualificationConfirmSearchInfo keys(String persona) {
        return Personas.byKey(persona).orElseThrow().inquiry();
    }

    @Test
    void eachBlockIsRegisteredOrRefusedOnItsOwnAndTheNumbersShowInLaterInquiries() throws Exception {
        BulkFixture.Facility facility = BulkFixture.clinic(true);
        QualificationConfirmSearchInfo honnin = keys("shaho-honnin");
        QualificationConfirmSearchInfo twins = keys("fukusu-gaitou");
        QualificationConfirmSearchInfo kokuho = keys("kokuho");
        List<XmlNode> blocks = List.of(
                block("K-0001", honnin, honnin.insuredBranchNumber()),
                block("K-0002", keys("gaitou-nashi"), keys("gaitou-nashi").insuredBranchNumber()),
                block("K-0003", twins, null),
                block("K".repeat(51), kokuho, kokuho.insuredBranchNumber()),
                block("K-0001", kokuho, kokuho.insuredBranchNumber()),
                block("K-0004", new QualificationConfirmSearchInfo("06139993", null, "1", null, null, null, null), "00"));
        byte[] file = BulkApi.file(new RequestHeader(null, facility.code(), "registrations"), blocks, CharacterCode.UTF_8);

        BulkReceipt receipt = BulkApi.upload(facility.client(), SHARED.base(), BulkKind.REFERENCE_NUMBER, file);
        assertThat(receipt.accepted()).isTrue();
        BulkApi.Result result = BulkApi.awaitFinal(facility.client(), SHARED.base(), BulkKind.REFERENCE_NUMBER,
                facility.code(), receipt.receptionNumber(), Duration.ofSeconds(30));
        assertThat(result.header().segmentOfResult()).isEqualTo(SegmentOfResult.COMPLETED);
        assertThat(result.header().numberOfNormalProcessing()).isEqualTo(1);
        assertThat(result.header().numberOfError()).isEqualTo(5);
        List<BulkRegistrationUnit> units = result.units().stream().map(BulkMessages::readRegistrationUnit).toList();
        assertThat(units).extracting(BulkRegistrationUnit::processingResultCode).containsExactly(null,
                ErrorCode.REFERENCE_NUMBER_PERSON_NOT_FOUND.code(), ErrorCode.REFERENCE_NUMBER_AMBIGUOUS.code(),
                ErrorCode.REFERENCE_NUMBER_TOO_LONG.code(), ErrorCode.REFERENCE_NUMBER_IN_USE.code(),
                ErrorCode.INVALID_INSURER_NUMBER_CHECK_DIGIT.code());
        assertThat(units.get(0).processingResultStatus()).isEqualTo(ProcessingResultStatus.COMPLETED);
        for (int i = 0; i < units.size(); i++) {
            assertThat(units.get(i).registrationInfoEcho()).as("echo %d", i).isEqualTo(blocks.get(i));
        }

        BulkConfirmUnit mine = inquire(facility, honnin);
        assertThat(mine.referenceNumbers()).containsExactly("K-0001");
        assertThat(mine.results()).singleElement().satisfies(r -> assertThat(r.referenceNumber())
                .isEqualTo("K-0001"));
        BulkConfirmUnit elsewhere = inquire(BulkFixture.clinic(true), honnin);
        assertThat(elsewhere.referenceNumbers()).isEmpty();
        assertThat(elsewhere.results()).singleElement().satisfies(r -> assertThat(r.referenceNumber()).isNull());
    }

    private static BulkConfirmUnit inquire(BulkFixture.Facility facility, QualificationConfirmSearchInfo who)
            throws Exception {
        BulkReceipt receipt = BulkApi.upload(facility.client(), SHARED.base(), BulkKind.QUALIFICATION,
                BulkApi.qualificationUpload(facility.code(), PersonaCorpus.CONFIRMATION_DATE, "after", List.of(who)));
        return BulkApi.awaitFinal(facility.client(), SHARED.base(), BulkKind.QUALIFICATION, facility.code(),
                receipt.receptionNumber(), Duration.ofSeconds(30)).confirmUnits().get(0);
    }
}
