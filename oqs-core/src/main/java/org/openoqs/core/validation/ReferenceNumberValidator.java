package org.openoqs.core.validation;

import java.util.Optional;
import org.openoqs.core.codec.ReferenceNumberMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.number.InvalidNumberException;

/**
 * The checks of a 照会番号 登録 ({@code OQSsiimm}, and each block of {@code OQSmuimm}): the header's file-level faults,
 * then the first fault of the registration block in element order. A block that passes becomes a
 * {@link Registration} with the insurer number parsed and the reference number stripped.
 */
public final class ReferenceNumberValidator {

    /** Longest 照会番号, in characters (code points). */
    public static final int MAX_REFERENCE_NUMBER_LENGTH = 50;

    private ReferenceNumberValidator() {
    }

    /** A block that passed: what the registry is searched with and the number to register. */
    public record Registration(String referenceNumber, InsurerNumber insurer, String insuredCardSymbol,
            String insuredIdentificationNumber, String insuredBranchNumber) {
    }

    /** The first file-level fault of the request for the facility {@code ownInstitutionCode}, if any. */
    public static Optional<Violation> headerFault(ReferenceNumberMessages.Request request, String ownInstitutionCode) {
        Optional<Violation> fault = institutionFault(request.medicalInstitutionCode(), ownInstitutionCode);
        String fileId = request.arbitraryFileIdentifier();
        if (fault.isEmpty() && fileId != null && fileId.length() > InquiryValidator.MAX_FILE_IDENTIFIER) {
            fault = Optional.of(Violation.of(ErrorCode.ARBITRARY_FILE_IDENTIFIER_TOO_LONG, "ArbitraryFileIdentifier"));
        }
        if (fault.isEmpty() && !request.hasBody()) {
            fault = Optional.of(Violation.of(ErrorCode.MISSING_MESSAGE_BODY, "MessageBody"));
        }
        return fault;
    }

    /**
     * The block screened: its first fault, or the registration it asks for.
     *
     * @param info the block's fields ({@link ReferenceNumberMessages.RegistrationInfo#of}); all null for a missing block
     */
    public static Screened screen(ReferenceNumberMessages.RegistrationInfo info) {
        String referenceNumber = info.referenceNumber();
        if (referenceNumber == null || referenceNumber.isBlank()) {
            return refused(ErrorCode.MISSING_REFERENCE_NUMBER, "ReferenceNumber");
        }
        String stripped = referenceNumber.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_REFERENCE_NUMBER_LENGTH
                || referenceNumber.chars().anyMatch(Character::isISOControl)) {
            return refused(ErrorCode.REFERENCE_NUMBER_TOO_LONG, "ReferenceNumber");
        }
        String rawInsurer = info.insurerNumber();
        if (rawInsurer == null || rawInsurer.isBlank()) {
            return refused(ErrorCode.MISSING_INSURER_NUMBER, "InsurerNumber");
        }
        if (!rawInsurer.strip().matches("[0-9]{6}|[0-9]{8}")) {
            return refused(ErrorCode.INVALID_INSURER_NUMBER_FORMAT, "InsurerNumber");
        }
        InsurerNumber insurer;
        try {
            insurer = InquiryValidator.normalizedInsurerNumber(rawInsurer);
        } catch (InvalidNumberException e) {
            return refused(ErrorCode.INVALID_INSURER_NUMBER_CHECK_DIGIT, "InsurerNumber");
        }
        String symbol = info.insuredCardSymbol();
        if (symbol != null && symbol.length() > InquiryValidator.MAX_SYMBOL) {
            return refused(ErrorCode.INSURED_CARD_SYMBOL_TOO_LONG, "InsuredCardSymbol");
        }
        String number = info.insuredIdentificationNumber();
        if (number == null || number.isBlank()) {
            return refused(ErrorCode.MISSING_INSURED_IDENTIFICATION_NUMBER, "InsuredIdentificationNumber");
        }
        if (number.length() > InquiryValidator.MAX_IDENTIFICATION_NUMBER) {
            return refused(ErrorCode.INSURED_IDENTIFICATION_NUMBER_TOO_LONG, "InsuredIdentificationNumber");
        }
        String branch = info.insuredBranchNumber();
        if (branch != null && !branch.isBlank() && !branch.strip().matches("[0-9]{2}")) {
            return refused(ErrorCode.INVALID_BRANCH_NUMBER, "InsuredBranchNumber");
        }
        return new Screened(null, new Registration(stripped, insurer, symbol, number, branch));
    }

    /** Exactly one of the two is set. */
    public record Screened(Violation fault, Registration registration) {
        public Optional<Violation> faultIfAny() {
            return Optional.ofNullable(fault);
        }
    }

    private static Screened refused(ErrorCode code, String field) {
        return new Screened(Violation.of(code, field), null);
    }

    private static Optional<Violation> institutionFault(String raw, String own) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(Violation.of(ErrorCode.MISSING_INSTITUTION_CODE, "MedicalInstitutionCode"));
        }
        String code = raw.strip();
        if (!code.matches("[0-9]{10}")) {
            return Optional.of(Violation.of(ErrorCode.INVALID_INSTITUTION_CODE_FORMAT, "MedicalInstitutionCode"));
        }
        if (!CheckDigit.isValid(code)) {
            return Optional.of(Violation.of(ErrorCode.INVALID_INSTITUTION_CODE_CHECK_DIGIT, "MedicalInstitutionCode"));
        }
        return code.equals(own) ? Optional.empty()
                : Optional.of(new Violation(ErrorCode.INSTITUTION_MISMATCH, "MedicalInstitutionCode", "指定値: " + code));
    }
}
