package org.openoqs.server.web.medical;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.openoqs.core.registry.Person;

/**
 * The list's search: part of the name (漢字, カナ in either width, or ひらがな) and/or the birthdate
 * ({@code 19850412}, {@code 1985-04-12}, {@code 1985/04/12}). Blank fields do not filter.
 */
record PatientFilter(String name, String birthdate) {

    static final PatientFilter NONE = new PatientFilter("", "");

    PatientFilter {
        name = name == null ? "" : name.strip();
        birthdate = birthdate == null ? "" : birthdate.strip();
    }

    /** Empty when the birthdate field holds something that is not a date. */
    Optional<String> birthdateProblem() {
        if (birthdate.isEmpty() || parsedBirthdate().isPresent()) {
            return Optional.empty();
        }
        return Optional.of("生年月日は 19850412 または 1985-04-12 の形式で入力してください。");
    }

    boolean matches(Person person) {
        if (!name.isEmpty()) {
            String wanted = comparable(name);
            if (!comparable(person.name()).contains(wanted) && !comparable(person.nameKana()).contains(wanted)) {
                return false;
            }
        }
        return birthdate.isEmpty() || parsedBirthdate().map(person.birthdate()::equals).orElse(false);
    }

    private Optional<LocalDate> parsedBirthdate() {
        String digits = birthdate.replace("-", "").replace("/", "");
        if (!digits.matches("[0-9]{8}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(digits, DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** NFKC makes half-width カナ full-width; ひらがな become カタカナ; spaces of either width go. */
    private static String comparable(String text) {
        if (text == null) {
            return "";
        }
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).replace(" ", "").replace("\u3000", "");
        StringBuilder sb = new StringBuilder(n.length());
        n.codePoints().forEach(cp -> sb.appendCodePoint(cp >= 0x3041 && cp <= 0x3096 ? cp + 0x60 : cp));
        return sb.toString();
    }
}
