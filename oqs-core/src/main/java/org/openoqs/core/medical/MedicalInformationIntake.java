package org.openoqs.core.medical;

import java.time.YearMonth;
import java.util.Optional;
import org.openoqs.core.consent.MedicalTreatmentFlag;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.number.InvalidNumberException;
import org.openoqs.core.validation.InquiryValidator;
import org.openoqs.core.validation.Violation;
import org.openoqs.core.xml.XmlNode;

/**
 * Screens a medical-information request tree: structure, header (facility, insurance keys) and body (months, file
 * category, care setting). The first broken rule, in element order, is reported; the codes are the ones a number
 * inquiry uses for the same fields, plus the 3100s for what only these requests have (docs/errors.md).
 */
public final class MedicalInformationIntake {

    /** Longest drug-history window one request may ask for (the real service keeps about three years). */
    public static final int MAX_MONTHS = DrugHistoryPeriod.MAX_MONTHS;

    /** The result of screening: the request, or what was wrong plus the header values to echo. */
    public sealed interface Outcome permits Accepted, Rejected {
    }

    public record Accepted(MedicalInformationRequest request) implements Outcome {
    }

    public record Rejected(Violation violation, String medicalInstitutionCode, String arbitraryFileIdentifier)
            implements Outcome {
    }

    private MedicalInformationIntake() {
    }

    /**
     * @param ownInstitutionCode the facility asking; a request naming another one is refused
     * @param thisMonth          the current month (default and upper bound of drug-history windows)
     */
    public static Outcome check(XmlNode root, MedicalInformationKind kind, String ownInstitutionCode, YearMonth thisMonth) {
        if (root == null || !"XmlMsg".equals(root.name())) {
            return new Rejected(Violation.of(ErrorCode.WRONG_ROOT, "XmlMsg"), null, null);
        }
        Optional<XmlNode> header = root.child("MessageHeader");
        if (header.isEmpty()) {
            return new Rejected(Violation.of(ErrorCode.MISSING_MESSAGE_HEADER, "MessageHeader"), null, null);
        }
        XmlNode h = header.get();
        String institution = text(h, "MedicalInstitutionCode");
        String fileId = text(h, "ArbitraryFileIdentifier");
        Optional<XmlNode> body = root.child("MessageBody");
        if (body.isEmpty()) {
            return new Rejected(Violation.of(ErrorCode.MISSING_MESSAGE_BODY, "MessageBody"), institution, fileId);
        }
        Optional<Violation> v = institutionCode(institution, ownInstitutionCode);
        if (v.isEmpty() && fileId != null && fileId.codePointCount(0, fileId.length()) > InquiryValidator.MAX_FILE_IDENTIFIER) {
            v = Optional.of(new Violation(ErrorCode.ARBITRARY_FILE_IDENTIFIER_TOO_LONG, "ArbitraryFileIdentifier", null));
        }
        if (v.isPresent()) {
            return new Rejected(v.get(), institution, fileId);
        }
        InsurerNumber insurer;
        String rawInsurer = text(h, "InsurerNumber");
        if (rawInsurer == null || rawInsurer.isBlank()) {
            return new Rejected(Violation.of(ErrorCode.MISSING_INSURER_NUMBER, "InsurerNumber"), institution, fileId);
        }
        String digits = rawInsurer.strip();
        if (!(digits.length() == 8 || digits.length() == 6) || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Rejected(new Violation(ErrorCode.INVALID_INSURER_NUMBER_FORMAT, "InsurerNumber",
                    "指定値: 「" + Violation.shown(rawInsurer) + "」"), institution, fileId);
        }
        try {
            insurer = InquiryValidator.normalizedInsurerNumber(rawInsurer);
        } catch (InvalidNumberException e) {
            return new Rejected(new Violation(ErrorCode.INVALID_INSURER_NUMBER_CHECK_DIGIT, "InsurerNumber",
                    "指定値: " + digits), institution, fileId);
        }
        String symbol = text(h, "InsuranceCardSymbol");
        if (symbol != null && symbol.codePointCount(0, symbol.length()) > InquiryValidator.MAX_SYMBOL) {
            return new Rejected(Violation.of(ErrorCode.INSURED_CARD_SYMBOL_TOO_LONG, "InsuranceCardSymbol"), institution, fileId);
        }
        String number = text(h, "InsuredPersonIdentificationNumber");
        if (number == null || number.isBlank()) {
            return new Rejected(Violation.of(ErrorCode.MISSING_INSURED_IDENTIFICATION_NUMBER,
                    "InsuredPersonIdentificationNumber"), institution, fileId);
        }
        if (number.codePointCount(0, number.length()) > InquiryValidator.MAX_IDENTIFICATION_NUMBER) {
            return new Rejected(Violation.of(ErrorCode.INSURED_IDENTIFICATION_NUMBER_TOO_LONG,
                    "InsuredPersonIdentificationNumber"), institution, fileId);
        }
        String branch = text(h, "BranchNumber");
        if (branch != null && !branch.isBlank() && !branch.strip().matches("[0-9]{2}")) {
            return new Rejected(new Violation(ErrorCode.INVALID_BRANCH_NUMBER, "BranchNumber",
                    "指定値: " + Violation.shown(branch)), institution, fileId);
        }
        XmlNode b = body.get();
        String category = text(b, "FileCategory");
        if (category == null || !kind.acceptsFileCategory(category.strip())) {
            return new Rejected(new Violation(ErrorCode.INVALID_FILE_CATEGORY, "FileCategory",
                    switch (kind) {
                        case DRUG -> "1〜4 を指定してください";
                        case HEALTH_CHECKUP -> "1 または 2 を指定してください";
                        case CLINICAL -> "2（XML）を指定してください";
                    }),
                    institution, fileId);
        }
        String flagText = text(b, "MedicalTreatmentFlag");
        MedicalTreatmentFlag treatment = MedicalTreatmentFlag.OUTPATIENT;
        if (flagText != null && !flagText.isBlank()) {
            Optional<MedicalTreatmentFlag> flag = MedicalTreatmentFlag.ofName(flagText);
            if (flag.isEmpty() || flag.get() == MedicalTreatmentFlag.EMERGENCY || !flagText.strip().matches("[1-3]")) {
                return new Rejected(new Violation(ErrorCode.INVALID_TREATMENT_FLAG, "MedicalTreatmentFlag",
                        "指定値: " + Violation.shown(flagText)), institution, fileId);
            }
            treatment = flag.get();
        }
        YearMonth from = null;
        YearMonth to = null;
        if (kind == MedicalInformationKind.DRUG || kind == MedicalInformationKind.CLINICAL) {
            DrugHistoryPeriod.Resolution period = DrugHistoryPeriod.resolve(text(b, "StartDate"), text(b, "EndDate"),
                    thisMonth, kind.monthWindow());
            if (period instanceof DrugHistoryPeriod.Invalid invalid) {
                return new Rejected(invalid.violation(), institution, fileId);
            }
            from = ((DrugHistoryPeriod.Valid) period).period().from();
            to = ((DrugHistoryPeriod.Valid) period).period().to();
        }
        return new Accepted(new MedicalInformationRequest(kind, institution.strip(), insurer, blankToNull(symbol),
                number.strip(), blankToNull(branch), blankToNull(fileId), from, to, category.strip(), treatment));
    }

    private static Optional<Violation> institutionCode(String raw, String expected) {
        String field = "MedicalInstitutionCode";
        if (raw == null || raw.isBlank()) {
            return Optional.of(Violation.of(ErrorCode.MISSING_INSTITUTION_CODE, field));
        }
        String code = raw.strip();
        if (!code.matches("[0-9]{10}")) {
            return Optional.of(new Violation(ErrorCode.INVALID_INSTITUTION_CODE_FORMAT, field, "指定値: " + Violation.shown(raw)));
        }
        if (!CheckDigit.isValid(code)) {
            return Optional.of(new Violation(ErrorCode.INVALID_INSTITUTION_CODE_CHECK_DIGIT, field, "指定値: " + code));
        }
        if (expected != null && !expected.equals(code)) {
            return Optional.of(new Violation(ErrorCode.INSTITUTION_MISMATCH, field, "指定値: " + code));
        }
        return Optional.empty();
    }

    private static String text(XmlNode node, String child) {
        return node.text(child).orElse(null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

}
