package org.openoqs.core.registry;

import java.time.LocalDate;
import java.util.Objects;
import org.openoqs.core.code.Sex;

/**
 * A person known to the insurer registry. All people in openoqs are synthetic.
 *
 * @param personId stable registry id (opaque; never shown on a card)
 * @param name 氏名 in kanji, full-width space (U+3000) between family and given name
 * @param nameKana 氏名カナ in half-width katakana, half-width space between family and given name
 * @param sex 性別
 * @param birthdate 生年月日
 * @param postNumber 郵便番号 {@code nnn-nnnn}
 * @param address 住所
 */
public record Person(
        String personId,
        String name,
        String nameKana,
        Sex sex,
        LocalDate birthdate,
        String postNumber,
        String address) {

    public Person {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(birthdate, "birthdate");
    }

    /** Age in completed years on {@code date} (a person turns a year older on the day of the birthday). */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthdate, date).getYears();
    }

    /**
     * 未就学: before the first school April. A child enters school on the April 1 after turning six, where a child
     * born on April 1 counts with the previous school year (turns six "by April 1").
     */
    public boolean isPreschoolOn(LocalDate date) {
        int entryYear = birthdate.getYear() + 6;
        if (birthdate.getMonthValue() > 4 || (birthdate.getMonthValue() == 4 && birthdate.getDayOfMonth() > 1)) {
            entryYear++;
        }
        return date.isBefore(LocalDate.of(entryYear, 4, 1));
    }
}
