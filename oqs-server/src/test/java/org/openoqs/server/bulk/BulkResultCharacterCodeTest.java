package org.openoqs.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.population.Persona;
import org.openoqs.core.population.PersonaCorpus;
import org.openoqs.core.population.Personas;
import org.openoqs.server.testsupport.SharedServer;

/**
 * The result is written in the facility's character code at download time (units are stored pre-rendered in UTF-8):
 * after the facility switches to Shift_JIS, the same job's result comes as Shift_JIS bytes that read back to the same
 * units, also for text that needs a Windows twin (the echoed 〜 becomes ～).
 */
class BulkResultCharacterCodeTest {

    private final SharedServer shared = SharedServer.get();

    private List<BulkConfirmUnit> download(BulkFixture.Facility facility, String receptionNumber, String[] declaration) {
        byte[] raw = BulkApi.downloadRaw(facility.client(), shared.base(), BulkKind.QUALIFICATION, facility.code(),
                receptionNumber).body();
        declaration[0] = new String(raw, 0, 60, StandardCharsets.US_ASCII);
        return BulkApi.parse(raw).confirmUnits();
    }

    @Test
    void theSameJobReadsTheSameInShiftJisOnceTheFacilitySwitches() throws Exception {
        List<QualificationConfirmSearchInfo> entries = new java.util.ArrayList<>();
        for (Persona p : Personas.all()) {
            entries.add(p.inquiry());
        }
        QualificationConfirmSearchInfo first = entries.get(0);
        entries.add(new QualificationConfirmSearchInfo(first.insurerNumber(), first.insuredCardSymbol(),
                first.insuredIdentificationNumber(), first.insuredBranchNumber(), first.birthdate(), "1", "波〜ダッシュ"));
        BulkFixture.Facility facility = BulkFixture.clinic(true);
        BulkReceipt receipt = BulkApi.upload(facility.client(), shared.base(), BulkKind.QUALIFICATION,
                BulkApi.qualificationUpload(facility.code(), PersonaCorpus.CONFIRMATION_DATE, "charset", entries));
        BulkApi.awaitFinal(facility.client(), shared.base(), BulkKind.QUALIFICATION, facility.code(),
                receipt.receptionNumber(), Duration.ofSeconds(30));

        String[] utf8Declaration = new String[1];
        List<BulkConfirmUnit> inUtf8 = download(facility, receipt.receptionNumber(), utf8Declaration);
        shared.server().facilities().setCharacterCode(facility.code(), CharacterCode.SHIFT_JIS);
        String[] sjisDeclaration = new String[1];
        List<BulkConfirmUnit> inSjis = download(facility, receipt.receptionNumber(), sjisDeclaration);

        assertThat(utf8Declaration[0]).contains("encoding=\"UTF-8\"");
        assertThat(sjisDeclaration[0]).contains("encoding=\"Shift_JIS\"");
        assertThat(inSjis).hasSameSizeAs(inUtf8);
        for (int i = 0; i < Personas.all().size(); i++) {
            assertThat(inSjis.get(i)).as(Personas.all().get(i).key()).isEqualTo(inUtf8.get(i));
        }
        int last = entries.size() - 1;
        assertThat(inUtf8.get(last).searchInfoEcho().arbitraryIdentifier()).isEqualTo("波〜ダッシュ");
        assertThat(inSjis.get(last).searchInfoEcho().arbitraryIdentifier()).isEqualTo("波～ダッシュ");
    }
}
