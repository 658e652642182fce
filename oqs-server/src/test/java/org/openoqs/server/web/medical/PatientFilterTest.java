package org.openoqs.server.web.medical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openoqs.core.code.Sex;
import org.openoqs.core.registry.Person;

/** The patient list's search finds people the way staff type them: kana of either width, hiragana, kanji, dates. */
class PatientFilterTest {

    private static final Person HANAKO = new Person("P1", "佐藤　花子", "ｻﾄｳ ﾊﾅｺ", Sex.FEMALE, LocalDate.of(1972, 11, 30),
            "000-0000", "どこか");

    @Test
    void namePartsMatchInKanjiAndEveryKindOfKana() {
        assertThat(new PatientFilter("花子", "").matches(HANAKO)).isTrue();
        assertThat(new PatientFilter("佐藤 花子", "").matches(HANAKO)).isTrue();
        assertThat(new PatientFilter("ｻﾄｳ", "").matches(HANAKO)).isTrue();
        assertThat(new PatientFilter("サトウハナコ", "").matches(HANAKO)).isTrue();
        assertThat(new PatientFilter("はなこ", "").matches(HANAKO)).isTrue();
        assertThat(new PatientFilter("たろう", "").matches(HANAKO)).isFalse();
    }

    @Test
    void birthdatesMatchInTheUsualSpellings() {
        assertThat(new PatientFilter("", "19721130").matches(HANAKO)).isTrue();
        assertThat(new PatientFilter("", "1972-11-30").matches(HANAKO)).isTrue();
        assertThat(new PatientFilter("", "1972/11/30").matches(HANAKO)).isTrue();
        assertThat(new PatientFilter("", "19721201").matches(HANAKO)).isFalse();
    }

    @Test
    void aBirthdateThatIsNoDateIsAProblemNotAnEmptyList() {
        assertThat(new PatientFilter("", "1972-02-30").birthdateProblem()).isPresent();
        assertThat(new PatientFilter("", "昭和47年").birthdateProblem()).isPresent();
        assertThat(new PatientFilter("", "").birthdateProblem()).isEmpty();
        assertThat(new PatientFilter(null, null).matches(HANAKO)).isTrue();
    }
}
