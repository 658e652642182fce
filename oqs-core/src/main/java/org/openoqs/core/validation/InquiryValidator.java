package org.openoqs.core.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.number.InvalidNumberException;

/**
 * Pure checks of a 資格確認 個別照会 request, without clocks or I/O (pass {@code today}).
 *
 * <p>Header rules (file level, all reported): {@code MedicalInstitutionCode} present, 10 ASCII digits, valid check
 * digit, equal to the facility's own code when one is given; {@code QualificationConfirmationDate} present and a real
 * {@code yyyyMMdd} date; {@code ArbitraryFileIdentifier} at most {@value #MAX_FILE_IDENTIFIER} characters.
 * Surrounding whitespace is tolerated in codes and dates.
 *
 * <p>Search-block rules (person level, first violation wins, in element order): {@code InsurerNumber} present,
 * 8 digits or a 6-digit 国保 number (space-padded to 8 as the interface says, unpadded, or {@code 00}-padded as the
 * Web API does), valid check digit; {@code InsuredCardSymbol} ≤ 20; {@code InsuredIdentificationNumber} present and
 * ≤ 20; {@code InsuredBranchNumber}, when given, 2 ASCII digits; {@code Birthdate} present, a real date, not before
 * 1900-01-01, not after today; {@code LimitApplicationCertificateRelatedConsFlg} present and 0 or 1;
 * {@code ArbitraryIdentifier} ≤ {@value #MAX_ARBITRARY_IDENTIFIER}. Lengths count characters (code points).
 */
public final class InquiryValidator {

    public static final int MAX_FILE_IDENTIFIER = 100;
    public static final int MAX_SYMBOL = 20;
    public static final int MAX_IDENTIFICATION_NUMBER = 20;
    public static final int MAX_ARBITRARY_IDENTIFIER = 100;
    public static final LocalDate EARLIEST_BIRTHDATE = LocalDate.of(1900, 1, 1);

    private InquiryValidator() {
    }

    /**
     * File-level checks of a request header.
     *
     * @param expectedInstitutionCode the facility's own code; {@code null} skips the ownership check
     * @return every violation found, empty when the header is fine
     */
    public static List<Violation> validateHeader(RequestHeader h, String expectedInstitutionCode) {
        List<Violation> out = new ArrayList<>();
        if (h == null) {
            out.add(Violation.of(ErrorCode.MISSING_MESSAGE_HEADER, "MessageHeader"));
            return out;
        }
        institutionCode(h.medicalInstitutionCode(), expectedInstitutionCode).ifPresent(out::add);
        String date = h.qualificationConfirmationDate();
        if (isBlank(date)) {
            out.add(Violation.of(ErrorCode.MISSING_CONFIRMATION_DATE, "QualificationConfirmationDate"));
        } else if (QualificationMessages.parseDate(date.strip()).isEmpty()) {
            out.add(new Violation(ErrorCode.INVALID_CONFIRMATION_DATE, "QualificationConfirmationDate",
                    "指定値: " + Violation.shown(date)));
        }
        String id = h.arbitraryFileIdentifier();
        if (id != null && length(id) > MAX_FILE_IDENTIFIER) {
            out.add(new Violation(ErrorCode.ARBITRARY_FILE_IDENTIFIER_TOO_LONG, "ArbitraryFileIdentifier",
                    length(id) + "文字です"));
        }
        return out;
    }

    /** The first file-level violation of a header, if any. */
    public static Optional<Violation> firstHeaderViolation(RequestHeader h, String expectedInstitutionCode) {
        return validateHeader(h, expectedInstitutionCode).stream().findFirst();
    }

    private static Optional<Violation> institutionCode(String raw, String expected) {
        String field = "MedicalInstitutionCode";
        if (isBlank(raw)) {
            return Optional.of(Violation.of(ErrorCode.MISSING_INSTITUTION_CODE, field));
        }
        String code = raw.strip();
        if (code.length() != 10 || !isAsciiDigits(code)) {
            return Optional.of(new Violation(ErrorCode.INVALID_INSTITUTION_CODE_FORMAT, field, "指定値: " + Violation.shown(raw)));
        }
        if (!CheckDigit.isValid(code)) {
            return Optional.of(new Violation(ErrorCode.INVALID_INSTITUTION_CODE_CHECK_DIGIT, field, "指定値: " + code));
        }
        if (expected != null && !expected.strip().equals(code)) {
            return Optional.of(new Violation(ErrorCode.INSTITUTION_MISMATCH, field, "指定値: " + code));
        }
        return Optional.empty();
    }

    /** Person-level checks of one search block; the first violation in element order, or empty. */
    public static Optional<Violation> validateSearchInfo(QualificationConfirmSearchInfo s, LocalDate today) {
        if (s == null) {
            return Optional.of(Violation.of(ErrorCode.MISSING_SEARCH_INFO, "QualificationConfirmSearchInfo"));
        }
        Optional<Violation> v = insurerNumber(s.insurerNumber());
        if (v.isPresent()) {
            return v;
        }
        if (s.insuredCardSymbol() != null && length(s.insuredCardSymbol()) > MAX_SYMBOL) {
            return Optional.of(new Violation(ErrorCode.INSURED_CARD_SYMBOL_TOO_LONG, "InsuredCardSymbol",
                    length(s.insuredCardSymbol()) + "文字です"));
        }
        if (isBlank(s.insuredIdentificationNumber())) {
            return Optional.of(Violation.of(ErrorCode.MISSING_INSURED_IDENTIFICATION_NUMBER, "InsuredIdentificationNumber"));
        }
        if (length(s.insuredIdentificationNumber()) > MAX_IDENTIFICATION_NUMBER) {
            return Optional.of(new Violation(ErrorCode.INSURED_IDENTIFICATION_NUMBER_TOO_LONG, "InsuredIdentificationNumber",
                    length(s.insuredIdentificationNumber()) + "文字です"));
        }
        String branch = s.insuredBranchNumber();
        if (!isBlank(branch) && !(branch.strip().length() == 2 && isAsciiDigits(branch.strip()))) {
            return Optional.of(new Violation(ErrorCode.INVALID_BRANCH_NUMBER, "InsuredBranchNumber", "指定値: " + Violation.shown(branch)));
        }
        v = birthdate(s.birthdate(), today);
        if (v.isPresent()) {
            return v;
        }
        String flag = s.limitApplicationCertificateRelatedConsFlg();
        if (isBlank(flag)) {
            return Optional.of(Violation.of(ErrorCode.MISSING_LIMIT_CONSENT_FLAG, "LimitApplicationCertificateRelatedConsFlg"));
        }
        if (!flag.strip().equals("0") && !flag.strip().equals("1")) {
            return Optional.of(new Violation(ErrorCode.INVALID_LIMIT_CONSENT_FLAG, "LimitApplicationCertificateRelatedConsFlg",
                    "指定値: " + Violation.shown(flag)));
        }
        String arbitrary = s.arbitraryIdentifier();
        if (arbitrary != null && length(arbitrary) > MAX_ARBITRARY_IDENTIFIER) {
            return Optional.of(new Violation(ErrorCode.ARBITRARY_IDENTIFIER_TOO_LONG, "ArbitraryIdentifier",
                    length(arbitrary) + "文字です"));
        }
        return Optional.empty();
    }

    private static Optional<Violation> insurerNumber(String raw) {
        String field = "InsurerNumber";
        if (isBlank(raw)) {
            return Optional.of(Violation.of(ErrorCode.MISSING_INSURER_NUMBER, field));
        }
        String digits = raw.strip();
        if (!isAsciiDigits(digits) || (digits.length() != 8 && digits.length() != 6)) {
            return Optional.of(new Violation(ErrorCode.INVALID_INSURER_NUMBER_FORMAT, field, "指定値: 「" + Violation.shown(raw) + "」"));
        }
        try {
            normalizedInsurerNumber(raw);
            return Optional.empty();
        } catch (InvalidNumberException e) {
            return Optional.of(new Violation(ErrorCode.INVALID_INSURER_NUMBER_CHECK_DIGIT, field, "指定値: " + digits));
        }
    }

    /**
     * The parsed insurer number of a block that passed {@link #validateSearchInfo}. {@code 00} + 6 digits is read as
     * a zero-padded 国保 number: no 法別番号 is 00, and leading zeros never change a check digit, so the 8-digit
     * reading of such a number would always "validate".
     */
    public static InsurerNumber insurerNumberOf(QualificationConfirmSearchInfo s) {
        return normalizedInsurerNumber(s.insurerNumber());
    }

    /** {@link InsurerNumber#parse} plus the {@code 00}-padding rule above; throws {@code InvalidNumberException}. */
    public static InsurerNumber normalizedInsurerNumber(String raw) {
        String stripped = raw == null ? "" : raw.strip();
        if (stripped.length() == 8 && stripped.startsWith("00") && isAsciiDigits(stripped)) {
            return new InsurerNumber(stripped.substring(2));
        }
        return InsurerNumber.parse(raw);
    }

    private static Optional<Violation> birthdate(String raw, LocalDate today) {
        String field = "Birthdate";
        if (isBlank(raw)) {
            return Optional.of(Violation.of(ErrorCode.MISSING_BIRTHDATE, field));
        }
        Optional<LocalDate> date = QualificationMessages.parseDate(raw.strip());
        if (date.isEmpty()) {
            return Optional.of(new Violation(ErrorCode.INVALID_BIRTHDATE, field, "指定値: " + Violation.shown(raw)));
        }
        if (date.get().isBefore(EARLIEST_BIRTHDATE)) {
            return Optional.of(new Violation(ErrorCode.INVALID_BIRTHDATE, field, "1900年1月1日より前の日付です"));
        }
        if (today != null && date.get().isAfter(today)) {
            return Optional.of(new Violation(ErrorCode.FUTURE_BIRTHDATE, field, "指定値: " + raw.strip()));
        }
        return Optional.empty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }

}
