package org.openoqs.core.validation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.ErrorResults;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.error.Violation;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlNode;

/**
 * The whole screening of an incoming 資格確認 個別照会 request, in the order a file meets it: bytes
 * ({@link XmlDocumentReader}) → message structure ({@link QualificationMessages#readRequest}) → header
 * ({@link InquiryValidator#validateHeader}, first violation) → search block
 * ({@link InquiryValidator#validateSearchInfo}). The outcome says whether the request may go on, or which error
 * result it gets ({@link Outcome#errorResult}). Never throws for bad input.
 */
public final class InquiryIntake {

    private static final XmlDocumentReader DEFAULT_READER = new XmlDocumentReader();

    private InquiryIntake() {
    }

    /** What happened to one request. */
    public sealed interface Outcome permits Accepted, FileRejected, PersonRejected {

        /** The error result for a rejected request; empty for an accepted one. */
        Optional<QualificationInquiryResult> errorResult(String facilityInstitutionCode, LocalDateTime now,
                CharacterCode characterCode);
    }

    /** The request passed every check and can be looked up. */
    public record Accepted(QualificationInquiryRequest request) implements Outcome {
        @Override
        public Optional<QualificationInquiryResult> errorResult(String facility, LocalDateTime now, CharacterCode cc) {
            return Optional.empty();
        }
    }

    /** The file as a whole is refused. {@code header} holds whatever header values could be read (never null). */
    public record FileRejected(RequestHeader header, Violation violation) implements Outcome {
        @Override
        public Optional<QualificationInquiryResult> errorResult(String facility, LocalDateTime now, CharacterCode cc) {
            return Optional.of(ErrorResults.fileLevelError(header, facility, violation, now, cc));
        }
    }

    /** The file is fine but its person is refused. */
    public record PersonRejected(QualificationInquiryRequest request, Violation violation) implements Outcome {
        @Override
        public Optional<QualificationInquiryResult> errorResult(String facility, LocalDateTime now, CharacterCode cc) {
            return Optional.of(ErrorResults.personLevelError(request.header(), request.searchInfo(), violation, now, cc));
        }
    }

    public static Outcome check(byte[] bytes, String facilityInstitutionCode, LocalDate today) {
        return check(bytes, facilityInstitutionCode, today, DEFAULT_READER);
    }

    public static Outcome check(byte[] bytes, String facilityInstitutionCode, LocalDate today, XmlDocumentReader reader) {
        XmlNode root;
        try {
            root = reader.read(bytes);
        } catch (InputRejectedException e) {
            return new FileRejected(QualificationMessages.readRequestHeaderLeniently(bytes),
                    new Violation(e.errorCode(), null, e.detail()));
        }
        return check(root, facilityInstitutionCode, today);
    }

    /** Screens an already parsed tree (e.g. from {@code JsonMirror}). */
    public static Outcome check(XmlNode root, String facilityInstitutionCode, LocalDate today) {
        QualificationInquiryRequest request;
        try {
            request = QualificationMessages.readRequest(root);
        } catch (InputRejectedException e) {
            return new FileRejected(QualificationMessages.readRequestHeaderLeniently(root),
                    new Violation(e.errorCode(), null, e.detail()));
        }
        return check(request, facilityInstitutionCode, today);
    }

    /** Screens a request record. */
    public static Outcome check(QualificationInquiryRequest request, String facilityInstitutionCode, LocalDate today) {
        List<Violation> header = InquiryValidator.validateHeader(request.header(), facilityInstitutionCode);
        if (!header.isEmpty()) {
            RequestHeader h = request.header() != null ? request.header() : new RequestHeader(null, null, null);
            return new FileRejected(h, header.get(0));
        }
        Optional<Violation> person = InquiryValidator.validateSearchInfo(request.searchInfo(), today);
        if (person.isPresent()) {
            return new PersonRejected(request, person.get());
        }
        return new Accepted(request);
    }
}
