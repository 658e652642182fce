package org.openoqs.core.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openoqs.core.eligibility.EligibilityFixture.NOW;
import static org.openoqs.core.eligibility.EligibilityFixture.SERVICE;
import static org.openoqs.core.eligibility.EligibilityFixture.ask;
import static org.openoqs.core.eligibility.EligibilityFixture.persona;
import static org.openoqs.core.eligibility.EligibilityFixture.with;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.QualificationValidity;
import org.openoqs.core.message.QualificationConfirmSearchInfo;

/** Insurer + 番号 + 記号 (optional) + 枝番 (optional) + birthdate, compared after normalisation. */
class MatchingRulesTest {

    private final QualificationConfirmSearchInfo honnin = persona("shaho-honnin").inquiry();

    private QualificationValidity validity(String insurer, String symbol, String number, String branch, String birth) {
        return ask(with(honnin, insurer, symbol, number, branch, birth, "1")).qualificationValidity();
    }

    @Test
    void widthCaseAndSpacesDoNotMatter() {
        assertThat(validity("06199905", "１２０１", "４５０１", "００", "19850412")).isEqualTo(QualificationValidity.VALID);
        assertThat(validity("０６１９９９０５", " 1201 ", "4501\u3000", "0", "１９８５０４１２"))
                .isEqualTo(QualificationValidity.VALID);
    }

    @Test
    void symbolAndBranchMayBeOmitted() {
        assertThat(validity("06199905", null, "4501", "00", "19850412")).isEqualTo(QualificationValidity.VALID);
        assertThat(validity("06199905", "", "4501", null, "19850412")).isEqualTo(QualificationValidity.VALID);
    }

    @Test
    void anyMismatchIsNotFound() {
        assertThat(validity("06199905", "1202", "4501", "00", "19850412")).isEqualTo(QualificationValidity.NOT_FOUND);
        assertThat(validity("06199905", "1201", "04501", "00", "19850412")).isEqualTo(QualificationValidity.NOT_FOUND);
        assertThat(validity("06199905", "1201", "4501", "02", "19850412")).isEqualTo(QualificationValidity.NOT_FOUND);
        assertThat(validity("06199905", "1201", "4501", "00", "19850413")).isEqualTo(QualificationValidity.NOT_FOUND);
        assertThat(validity("01199918", "1201", "4501", "00", "19850412")).isEqualTo(QualificationValidity.NOT_FOUND);
    }

    @Test
    void unusableInputIsNotFoundNotAnException() {
        assertThat(validity("06199900", "1201", "4501", "00", "19850412")).isEqualTo(QualificationValidity.NOT_FOUND);
        assertThat(validity("06199905", "1201", "4501", "00", "19850230")).isEqualTo(QualificationValidity.NOT_FOUND);
        assertThat(validity("06199905", "1201", " ", "00", "19850412")).isEqualTo(QualificationValidity.NOT_FOUND);
        assertThat(validity(null, null, null, null, null)).isEqualTo(QualificationValidity.NOT_FOUND);
    }

    @Test
    void nationalHealthInsuranceAcceptsSpaceOrZeroPadding() {
        QualificationConfirmSearchInfo k = persona("kokuho").inquiry();
        assertThat(ask(with(k, "  199935", "07", "100234", "00", "19721130", "1")).qualificationValidity())
                .isEqualTo(QualificationValidity.VALID);
        assertThat(ask(with(k, "00199935", "07", "100234", "00", "19721130", "1")).qualificationValidity())
                .isEqualTo(QualificationValidity.VALID);
        assertThat(ask(k).results().get(0).insurerNumber()).isEqualTo("  199935");
    }

    @Test
    void candidatesWithoutBirthdateServeReferenceNumberRegistration() {
        var kumiai = org.openoqs.core.number.InsurerNumber.parse("06199905");
        assertThat(SERVICE.candidates(kumiai, "1201", "4501", null, null)).hasSize(2);
        assertThat(SERVICE.candidates(kumiai, "1201", "4501", "01", null)).singleElement()
                .satisfies(c -> assertThat(c.person().name()).isEqualTo("山田　花子"));
        assertThat(SERVICE.candidates(kumiai, "1201", "4501", null, LocalDate.of(1985, 4, 12))).hasSize(1);
    }

    @Test
    void echoesIdentifiersAndReferenceNumber() {
        var body = SERVICE.answer(honnin, EligibilityFixture.DATE, true, "KARTE-0042", NOW);
        assertThat(body.searchInfoEcho()).isSameAs(honnin);
        assertThat(body.results().get(0).arbitraryIdentifier()).isEqualTo("shaho-honnin");
        assertThat(body.results().get(0).referenceNumber()).isEqualTo("KARTE-0042");
        assertThat(body.processingResultCode()).isNull();
    }
}
