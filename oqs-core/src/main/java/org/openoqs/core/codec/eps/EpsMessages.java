package org.openoqs.core.codec.eps;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.eps.CheckResult;
import org.openoqs.core.eps.EpsRejectedException;
import org.openoqs.core.eps.EpsResultCode;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlNode;

/**
 * The envelope of every EPS message and the typed reading of each request body.
 *
 * <p>Requests: {@code XmlMsg/MessageHeader} {@code MedicalInstitutionCode}, {@code ArbitraryFileIdentifier?};
 * {@code XmlMsg/MessageBody} the operation's elements. Problems with the file as a whole (root, header, the
 * caller's institution code) are file-level {@link ErrorCode}s, as for every other request type; problems with
 * the body are {@link EpsResultCode}s.
 *
 * <p>Results: header {@code ProcessExecutionTime}, {@code MedicalInstitutionCode}, {@code ArbitraryFileIdentifier?},
 * {@code SegmentOfResult}, {@code ErrorCode?}/{@code ErrorMessage?} (file level only), {@code CharacterCodeIdentifier};
 * body {@code ProcessingResultStatus}, {@code ProcessingResultCode?}, {@code ProcessingResultMessage?} and the
 * operation's elements.
 */
public final class EpsMessages {

    public static final String ROOT = QualificationMessages.ROOT;
    public static final String HEADER = QualificationMessages.HEADER;
    public static final String BODY = QualificationMessages.BODY;
    public static final int MAX_FILE_IDENTIFIER = 100;
    /** Base64 of a signed prescription: the document limit plus signature and certificates, with room to spare. */
    public static final int MAX_PRESCRIPTION_INFO = 512 * 1024;
    /** Longest date range of a search or a dispensing-result list. */
    public static final int MAX_RANGE_DAYS = 366;

    private static final Pattern PRESCRIPTION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ACCESS_CODE = Pattern.compile("\\d{10}");

    private EpsMessages() {
    }

    // ---- requests ---------------------------------------------------------------------------------------------

    /**
     * The first file-level problem of a request tree, or empty.
     *
     * @param expectedInstitutionCode the caller's own code; {@code null} skips the ownership check
     */
    public static Optional<Violation> fileLevelViolation(XmlNode root, String expectedInstitutionCode) {
        if (!root.name().equals(ROOT)) {
            return Optional.of(new Violation(ErrorCode.WRONG_ROOT, null, "ルート要素: " + shorten(root.name())));
        }
        Optional<XmlNode> header = root.child(HEADER);
        if (header.isEmpty()) {
            return Optional.of(Violation.of(ErrorCode.MISSING_MESSAGE_HEADER, HEADER));
        }
        if (root.child(BODY).isEmpty()) {
            return Optional.of(Violation.of(ErrorCode.MISSING_MESSAGE_BODY, BODY));
        }
        String field = "MedicalInstitutionCode";
        String raw = header.get().text(field).orElse("");
        String code = raw.strip();
        if (code.isEmpty()) {
            return Optional.of(Violation.of(ErrorCode.MISSING_INSTITUTION_CODE, field));
        }
        if (!code.matches("\\d{10}")) {
            return Optional.of(new Violation(ErrorCode.INVALID_INSTITUTION_CODE_FORMAT, field, "指定値: " + shorten(raw)));
        }
        if (!CheckDigit.isValid(code)) {
            return Optional.of(new Violation(ErrorCode.INVALID_INSTITUTION_CODE_CHECK_DIGIT, field, "指定値: " + code));
        }
        if (expectedInstitutionCode != null && !expectedInstitutionCode.equals(code)) {
            return Optional.of(new Violation(ErrorCode.INSTITUTION_MISMATCH, field, "指定値: " + code));
        }
        String id = header.get().text("ArbitraryFileIdentifier").orElse(null);
        if (id != null && id.codePointCount(0, id.length()) > MAX_FILE_IDENTIFIER) {
            return Optional.of(new Violation(ErrorCode.ARBITRARY_FILE_IDENTIFIER_TOO_LONG, "ArbitraryFileIdentifier",
                    id.codePointCount(0, id.length()) + "文字です"));
        }
        return Optional.empty();
    }

    /** {@code ArbitraryFileIdentifier} of a request that passed {@link #fileLevelViolation}, or {@code null}. */
    public static String arbitraryFileIdentifier(XmlNode root) {
        return root.path(HEADER, "ArbitraryFileIdentifier").map(XmlNode::text).orElse(null);
    }

    public static XmlNode body(XmlNode root) {
        return root.child(BODY).orElseThrow(() -> new IllegalArgumentException("no MessageBody"));
    }

    public static EpsRequests.Register readRegister(XmlNode body) {
        BodyFields f = BodyFields.of(body, BODY);
        String info = f.required("PrescriptionInfo", MAX_PRESCRIPTION_INFO);
        String type = f.required("IssueType", 1);
        PrescriptionIssueSelect issueType = null;
        if (type != null) {
            issueType = CodeTable.find(PrescriptionIssueSelect.class, type).orElse(null);
            if (issueType == null) {
                f.invalid("IssueType", "1（電子処方箋）または2（紙の処方箋）を指定してください（指定値: " + type + "）");
            }
        }
        requireOk(f);
        return new EpsRequests.Register(info, issueType);
    }

    public static EpsRequests.Search readSearch(XmlNode body, LocalDate today) {
        BodyFields f = BodyFields.of(body, BODY);
        String insurer = PrescriptionDocuments.insurerNumber(f);
        String symbol = f.optional("InsuredCardSymbol", 20);
        String number = f.required("InsuredIdentificationNumber", 20);
        String branch = f.optional("InsuredBranchNumber", 2);
        LocalDate from = f.optionalDate("IssueDateFrom");
        LocalDate to = f.optionalDate("IssueDateTo");
        requireOk(f);
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusDays(MAX_RANGE_DAYS - 1);
        requireRange(start, end);
        return new EpsRequests.Search(insurer, symbol, number, branch, start, end);
    }

    public static EpsRequests.ById readById(XmlNode body) {
        BodyFields f = BodyFields.of(body, BODY);
        String id = f.required("PrescriptionId", 36);
        if (id != null && !PRESCRIPTION_ID.matcher(id).matches()) {
            f.invalid("PrescriptionId", "登録時に返された処方箋IDを指定してください（指定値: " + id + "）");
        }
        requireOk(f);
        return new EpsRequests.ById(id);
    }

    public static EpsRequests.Receive readReceive(XmlNode body) {
        BodyFields f = BodyFields.of(body, BODY);
        String code = f.required("AccessCode", 10);
        if (code != null && !ACCESS_CODE.matcher(code).matches()) {
            f.invalid("AccessCode", "10桁の数字で指定してください");
        }
        LocalDate birthdate = f.requiredDate("Birthdate");
        requireOk(f);
        return new EpsRequests.Receive(code, birthdate);
    }

    public static EpsRequests.Dispense readDispense(XmlNode body, LocalDate today) {
        String id = readById(body).prescriptionId();
        return new EpsRequests.Dispense(id, DispensingResults.read(body.child(DispensingResults.BLOCK), today));
    }

    public static EpsRequests.DispensingResultList readDispensingResultList(XmlNode body) {
        BodyFields f = BodyFields.of(body, BODY);
        LocalDate start = f.requiredDate("DispensingResultListStartDate");
        LocalDate end = f.requiredDate("DispensingResultListEndDate");
        requireOk(f);
        requireRange(start, end);
        return new EpsRequests.DispensingResultList(start, end);
    }

    /** True when {@code id} has the form of a prescription id (a lower-case UUID). */
    public static boolean isPrescriptionId(String id) {
        return id != null && PRESCRIPTION_ID.matcher(id).matches();
    }

    private static void requireRange(LocalDate start, LocalDate end) {
        if (start.isAfter(end)) {
            throw new EpsRejectedException(EpsResultCode.INVALID_DATE_RANGE,
                    start.format(QualificationMessages.DATE) + "〜" + end.format(QualificationMessages.DATE));
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_RANGE_DAYS) {
            throw new EpsRejectedException(EpsResultCode.DATE_RANGE_TOO_LONG,
                    (ChronoUnit.DAYS.between(start, end) + 1) + "日間です");
        }
    }

    private static void requireOk(BodyFields f) {
        if (!f.ok()) {
            throw new EpsRejectedException(f.problems());
        }
    }

    // ---- results ----------------------------------------------------------------------------------------------

    /**
     * The header of a result.
     *
     * @param errorCode    a file-level {@link ErrorCode} when {@code segment} is 9, else {@code null}
     * @param errorMessage its message (with detail)
     */
    public record ResultHeader(LocalDateTime processExecutionTime, String medicalInstitutionCode,
            String arbitraryFileIdentifier, SegmentOfResult segment, String errorCode, String errorMessage,
            CharacterCode characterCode) {

        /** A completed result's header. */
        public static ResultHeader completed(LocalDateTime now, String institutionCode, String arbitraryFileIdentifier,
                CharacterCode characterCode) {
            return new ResultHeader(now.truncatedTo(ChronoUnit.SECONDS), institutionCode, arbitraryFileIdentifier,
                    SegmentOfResult.COMPLETED, null, null, characterCode);
        }
    }

    /** The whole result: header plus body (null for a file-level error). */
    public static XmlNode result(ResultHeader h, XmlNode body) {
        XmlNode.Builder header = XmlNode.builder(HEADER)
                .leaf("ProcessExecutionTime", h.processExecutionTime().format(QualificationMessages.DATE_TIME))
                .leaf("MedicalInstitutionCode", h.medicalInstitutionCode())
                .leaf("ArbitraryFileIdentifier", h.arbitraryFileIdentifier())
                .leaf("SegmentOfResult", h.segment().code())
                .leaf("ErrorCode", h.errorCode())
                .leaf("ErrorMessage", h.errorMessage())
                .leaf("CharacterCodeIdentifier", h.characterCode().code());
        XmlNode.Builder root = XmlNode.builder(ROOT).child(header.build());
        if (body != null) {
            root.child(body);
        }
        return root.build();
    }

    /**
     * A file-level error result ({@code SegmentOfResult} 9, no body).
     *
     * @param arbitraryFileIdentifier echoed when the request had one (cut to 100 characters)
     */
    public static XmlNode fileLevelError(LocalDateTime now, String institutionCode, String arbitraryFileIdentifier,
            ErrorCode code, String detail, CharacterCode characterCode) {
        if (!code.isFileLevel()) {
            throw new IllegalArgumentException(code + " is not a file-level code");
        }
        String id = arbitraryFileIdentifier;
        if (id != null && id.codePointCount(0, id.length()) > MAX_FILE_IDENTIFIER) {
            id = id.substring(0, id.offsetByCodePoints(0, MAX_FILE_IDENTIFIER));
        }
        return result(new ResultHeader(now.truncatedTo(ChronoUnit.SECONDS), institutionCode, id,
                SegmentOfResult.FAILED, code.code(), code.messageWith(detail), characterCode), null);
    }

    /**
     * A body builder that already holds the processing result: status 1 without a code when {@code code} is
     * {@code null}; otherwise the code's status (1 for {@code I}, 2 for {@code W}/{@code E}), code and message.
     */
    public static XmlNode.Builder body(EpsResultCode code, String detail) {
        XmlNode.Builder body = XmlNode.builder(BODY);
        if (code == null) {
            return body.leaf("ProcessingResultStatus", ProcessingResultStatus.COMPLETED.code());
        }
        return body.leaf("ProcessingResultStatus",
                        (code.carriedOut() ? ProcessingResultStatus.COMPLETED : ProcessingResultStatus.ERROR).code())
                .leaf("ProcessingResultCode", code.code())
                .leaf("ProcessingResultMessage", code.messageWith(detail));
    }

    /** The body of a refused request: its first problem as the result, all of them as {@code XmlCheckResultList}. */
    public static XmlNode refusal(List<CheckResult> checks) {
        CheckResult first = checks.get(0);
        XmlNode.Builder body = body(first.code(), first.detail());
        if (checks.size() > 1) {
            checkResults(body, checks);
        }
        return body.build();
    }

    /** Appends one {@code XmlCheckResultList} element per check. */
    public static void checkResults(XmlNode.Builder body, List<CheckResult> checks) {
        for (CheckResult c : checks) {
            body.child("XmlCheckResultList", b -> b.leaf("ResultCode", c.code().code()).leaf("ResultMessage", c.message()));
        }
    }

    private static String shorten(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
