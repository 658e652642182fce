package org.openoqs.core.codec;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.error.Violation;

/**
 * The results a bad request gets.
 *
 * <ul>
 *   <li>File level: {@code SegmentOfResult} 9, header {@code ErrorCode}/{@code ErrorMessage}, no body. The header
 *       echoes what could be read of the request: its {@code MedicalInstitutionCode} when it is 10 digits (else the
 *       facility's own code), its {@code QualificationConfirmationDate} when it is a real date, its
 *       {@code ArbitraryFileIdentifier} (at most 100 characters).</li>
 *   <li>Person level: {@code SegmentOfResult} 1, {@code ProcessingResultStatus} 2,
 *       {@code ProcessingResultCode}/{@code ProcessingResultMessage}, the search block echoed verbatim, no
 *       {@code QualificationValidity}, no records.</li>
 * </ul>
 * {@code ReferenceClassification} is 2 (被保険者証情報), the number inquiry's value.
 */
public final class ErrorResults {

    private ErrorResults() {
    }

    public static QualificationInquiryResult fileLevelError(RequestHeader header, String fallbackInstitutionCode,
            ErrorCode code, LocalDateTime now, CharacterCode characterCode) {
        return fileLevelError(header, fallbackInstitutionCode, code, null, now, characterCode);
    }

    /** File-level error from a validator violation; the message carries the violation's detail. */
    public static QualificationInquiryResult fileLevelError(RequestHeader header, String fallbackInstitutionCode,
            Violation violation, LocalDateTime now, CharacterCode characterCode) {
        return fileLevelError(header, fallbackInstitutionCode, violation.code(), violation.detail(), now, characterCode);
    }

    /**
     * @param header the request header as far as it could be read ({@code QualificationMessages.readRequestHeaderLeniently}), or {@code null}
     * @param fallbackInstitutionCode the facility's own code, used when the request has no usable one
     * @param code a {@link ErrorCode.Level#FILE} code
     * @param detail appended to the message in parentheses, or {@code null}
     */
    public static QualificationInquiryResult fileLevelError(RequestHeader header, String fallbackInstitutionCode,
            ErrorCode code, String detail, LocalDateTime now, CharacterCode characterCode) {
        if (!code.isFileLevel()) {
            throw new IllegalArgumentException(code + " is a person-level code");
        }
        String institution = header == null ? null : usableInstitutionCode(header.medicalInstitutionCode());
        ResultHeader h = new ResultHeader(
                seconds(now),
                header == null ? null : confirmationDate(header),
                institution != null ? institution : fallbackInstitutionCode,
                header == null ? null : truncate(header.arbitraryFileIdentifier(), 100),
                ReferenceClassification.INSURANCE_CARD_NUMBERS,
                SegmentOfResult.FAILED,
                code.code(),
                code.messageWith(detail),
                characterCode);
        return new QualificationInquiryResult(h, null);
    }

    /** Person-level error: the file was fine, this person's search block is not. */
    public static QualificationInquiryResult personLevelError(RequestHeader header, QualificationConfirmSearchInfo echo,
            Violation violation, LocalDateTime now, CharacterCode characterCode) {
        if (!violation.code().isPersonLevel()) {
            throw new IllegalArgumentException(violation.code() + " is a file-level code");
        }
        ResultHeader h = new ResultHeader(
                seconds(now),
                header == null ? null : confirmationDate(header),
                header == null ? null : usableInstitutionCode(header.medicalInstitutionCode()),
                header == null ? null : header.arbitraryFileIdentifier(),
                ReferenceClassification.INSURANCE_CARD_NUMBERS,
                SegmentOfResult.COMPLETED,
                null,
                null,
                characterCode);
        QualificationResultBody body = new QualificationResultBody(
                echo,
                ProcessingResultStatus.ERROR,
                violation.code().code(),
                violation.message(),
                null,
                null,
                null);
        return new QualificationInquiryResult(h, body);
    }

    private static LocalDateTime seconds(LocalDateTime now) {
        return now == null ? null : now.truncatedTo(ChronoUnit.SECONDS);
    }

    private static LocalDate confirmationDate(RequestHeader header) {
        String raw = header.qualificationConfirmationDate();
        return raw == null ? null : QualificationMessages.parseDate(raw.strip()).orElse(null);
    }

    private static String usableInstitutionCode(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        return s.length() == 10 && QualificationMessages.isAsciiDigits(s) ? s : null;
    }

    private static String truncate(String s, int maxCodePoints) {
        if (s == null || s.codePointCount(0, s.length()) <= maxCodePoints) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, maxCodePoints));
    }

    /** True for a 10-digit code with a valid check digit (convenience for callers choosing a fallback). */
    public static boolean isValidInstitutionCode(String code) {
        return code != null && code.length() == 10 && CheckDigit.isValid(code);
    }
}
