package org.openoqs.server.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.bulk.BulkDocumentWriter;
import org.openoqs.core.bulk.BulkDownloadRequest;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.validation.InquiryValidator;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.inquiry.InstitutionMismatchException;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Steps 3–4 of every bulk flow: a download request ({@code …02req_}) gets the job's result ({@code …02res_}).
 *
 * <ul>
 *   <li>every chunk answered → {@code SegmentOfResult} 1, the three counters and every unit in entry order,
 *       streamed from the database;</li>
 *   <li>still being answered → {@code SegmentOfResult} 2 with the counters so far and no units (ask again);</li>
 *   <li>no 受付番号, a number this facility does not own (unknown or another facility's — the same answer, so
 *       nothing leaks), a number of another flow, or a broken file → {@code SegmentOfResult} 9.</li>
 * </ul>
 * Downloads change nothing: the same request may be repeated any number of times.
 */
@Service
public class BulkDownloadService {

    public static final String ACTION = "BULK_DOWNLOAD";

    private final BulkJobStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate readOnly;
    private final XmlDocumentReader reader = new XmlDocumentReader();

    public BulkDownloadService(BulkJobStore store, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** A result file, ready to be written. */
    public interface Result {
        SegmentOfResult segmentOfResult();

        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Answers a download request.
     *
     * @throws InstitutionMismatchException the file names another facility (audited)
     */
    public Result download(BulkKind kind, FacilityPrincipal caller, Facility facility, byte[] requestBytes) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        CharacterCode characterCode = facility.settings().characterCode();
        BulkDownloadRequest request;
        try {
            request = BulkMessages.readDownloadRequest(reader.read(requestBytes));
        } catch (InputRejectedException e) {
            return refuse(kind, caller, facility, null, new Violation(e.errorCode(), null, e.detail()), now,
                    characterCode, "FILE_ERROR " + e.errorCode().code());
        }
        Violation header = headerViolation(request, facility.institutionCode());
        if (header != null && header.code() == ErrorCode.INSTITUTION_MISMATCH) {
            audit.append(facility.institutionCode(), caller.actor(), ACTION, subject(kind, request),
                    "REFUSED " + ErrorCode.INSTITUTION_MISMATCH.code() + " requested="
                            + BulkUploadIntake.printable(request.medicalInstitutionCode(), 20));
            throw new InstitutionMismatchException(header);
        }
        if (header != null) {
            return refuse(kind, caller, facility, request, header, now, characterCode, "FILE_ERROR " + header.code().code());
        }
        String receptionNumber = request.receptionNumber() == null ? "" : request.receptionNumber().strip();
        if (receptionNumber.isEmpty()) {
            return refuse(kind, caller, facility, request, Violation.of(ErrorCode.MISSING_RECEPTION_NUMBER, "ReceptionNumber"),
                    now, characterCode, "FILE_ERROR " + ErrorCode.MISSING_RECEPTION_NUMBER.code());
        }
        Optional<BulkJobStore.Job> found = receptionNumber.length() > 32 ? Optional.empty()
                : store.findByReceptionNumber(receptionNumber);
        if (found.isEmpty() || !found.get().institutionCode().equals(facility.institutionCode())) {
            // Another facility's number is answered exactly like an unknown one; only the audit trail tells them apart.
            String outcome = found.isPresent() ? "FOREIGN_RECEPTION " + ErrorCode.UNKNOWN_RECEPTION_NUMBER.code()
                    : "FILE_ERROR " + ErrorCode.UNKNOWN_RECEPTION_NUMBER.code();
            return refuse(kind, caller, facility, request, Violation.of(ErrorCode.UNKNOWN_RECEPTION_NUMBER, "ReceptionNumber"),
                    now, characterCode, outcome);
        }
        BulkJobStore.Job job = found.get();
        if (job.kind() != kind) {
            return refuse(kind, caller, facility, request, new Violation(ErrorCode.RECEPTION_KIND_MISMATCH, "ReceptionNumber",
                    "受付番号の種別: " + job.kind().label()), now, characterCode,
                    "FILE_ERROR " + ErrorCode.RECEPTION_KIND_MISMATCH.code());
        }
        BulkJobStore.Progress progress = store.progress(job);
        String fileId = request.arbitraryFileIdentifier() != null ? request.arbitraryFileIdentifier()
                : job.arbitraryFileIdentifier();
        if (!progress.complete()) {
            audit.append(facility.institutionCode(), caller.actor(), ACTION, subject(kind, request),
                    "PROCESSING answered=" + progress.answered() + "/" + progress.entries());
            BulkResultHeader h = header(job, fileId, SegmentOfResult.PROCESSING, null, null, characterCode, now,
                    progress.answered(), progress.normal(), progress.error());
            return small(h);
        }
        audit.append(facility.institutionCode(), caller.actor(), ACTION, subject(kind, request),
                "COMPLETE units=" + progress.answered() + " normal=" + progress.normal() + " error=" + progress.error());
        BulkResultHeader h = header(job, fileId, SegmentOfResult.COMPLETED, null, null, characterCode, now,
                progress.answered(), progress.normal(), progress.error());
        return new Result() {
            @Override
            public SegmentOfResult segmentOfResult() {
                return SegmentOfResult.COMPLETED;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                stream(job, h, out);
            }
        };
    }

    private void stream(BulkJobStore.Job job, BulkResultHeader header, OutputStream out) throws IOException {
        BulkDocumentWriter writer = new BulkDocumentWriter(out, header.characterCodeIdentifier());
        writer.begin(BulkMessages.resultHeaderToXml(header));
        try {
            readOnly.executeWithoutResult(status -> store.forEachUnit(job.jobId(), writer::renderedElement));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.end();
    }

    private static Violation headerViolation(BulkDownloadRequest r, String institutionCode) {
        for (Violation v : InquiryValidator.validateHeader(new RequestHeader(null, r.medicalInstitutionCode(),
                r.arbitraryFileIdentifier()), institutionCode)) {
            if (v.code() != ErrorCode.MISSING_CONFIRMATION_DATE && v.code() != ErrorCode.INVALID_CONFIRMATION_DATE) {
                return v; // a download names no confirmation date
            }
        }
        return null;
    }

    private BulkResultHeader header(BulkJobStore.Job job, String fileId, SegmentOfResult segment, String errorCode,
                                    String errorMessage, CharacterCode characterCode, LocalDateTime now, Integer total,
                                    Integer normal, Integer error) {
        boolean numberInquiry = job.kind() == BulkKind.QUALIFICATION;
        return new BulkResultHeader(now, numberInquiry ? job.confirmationDate() : null, job.institutionCode(), fileId,
                numberInquiry ? ReferenceClassification.INSURANCE_CARD_NUMBERS : null, segment, errorCode, errorMessage,
                characterCode, job.receptionNumber(), total, normal, error);
    }

    private Result refuse(BulkKind kind, FacilityPrincipal caller, Facility facility, BulkDownloadRequest request,
                          Violation violation, LocalDateTime now, CharacterCode characterCode, String outcome) {
        audit.append(facility.institutionCode(), caller.actor(), ACTION, subject(kind, request), outcome);
        String fileId = request == null ? null : request.arbitraryFileIdentifier();
        if (fileId != null && fileId.codePointCount(0, fileId.length()) > InquiryValidator.MAX_FILE_IDENTIFIER) {
            fileId = fileId.substring(0, fileId.offsetByCodePoints(0, InquiryValidator.MAX_FILE_IDENTIFIER));
        }
        String reception = request == null || request.receptionNumber() == null ? null
                : BulkUploadIntake.printable(request.receptionNumber().strip(), 100);
        BulkResultHeader h = new BulkResultHeader(now, null, facility.institutionCode(), fileId, null,
                SegmentOfResult.FAILED, violation.code().code(), violation.message(), characterCode,
                reception == null || reception.isEmpty() ? null : reception, null, null, null);
        return small(h);
    }

    private static Result small(BulkResultHeader header) {
        byte[] bytes = new XmlDocumentWriter().writeBytes(BulkMessages.resultToXml(header, List.of()),
                header.characterCodeIdentifier());
        return new Result() {
            @Override
            public SegmentOfResult segmentOfResult() {
                return header.segmentOfResult();
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }
        };
    }

    private static String subject(BulkKind kind, BulkDownloadRequest request) {
        return BulkUploadIntake.subject(kind, request == null ? null
                : BulkUploadIntake.printable(request.receptionNumber() == null ? null : request.receptionNumber().strip(), 40),
                request == null ? null : request.arbitraryFileIdentifier());
    }
}
