package org.openoqs.server.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.bulk.BulkFileReader;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.CareSettingCriteria;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.validation.InquiryValidator;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.inquiry.InstitutionMismatchException;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step 1 of every bulk flow: an upload ({@code …01req_}) becomes a stored job and its 受付番号 ({@code …01res_}).
 *
 * <p>The file is streamed ({@link BulkFileReader}) straight into the database inside one transaction: the job row,
 * its entries in batches, its chunks. Only after that transaction commits is the receipt returned, so a 受付番号
 * always names a stored job. A file that fails as a whole (bytes, XML, header, selection) rolls everything back
 * and gets a receipt with {@code SegmentOfResult} 9; problems of single entries are left to the workers, which
 * answer them with per-entry error units.
 *
 * <p>Uploads are idempotent per facility and {@code Idempotency-Key}: a terminal that retries after losing the
 * answer gets the same 受付番号 again instead of a second job.
 */
@Service
public class BulkUploadIntake {

    public static final String ACTION = "BULK_UPLOAD";
    private static final int INSERT_BATCH = 500;
    private static final int MAX_FILE_IDENTIFIER = InquiryValidator.MAX_FILE_IDENTIFIER;

    private final BulkJobStore store;
    private final BulkSettings settings;
    private final CareSettingSelection selection;
    private final BulkWorkers workers;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ReceptionNumbers receptionNumbers = new ReceptionNumbers();

    public BulkUploadIntake(BulkJobStore store, BulkSettings settings, CareSettingSelection selection,
                            BulkWorkers workers, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.settings = settings;
        this.selection = selection;
        this.workers = workers;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * Stores the upload as a job and returns its receipt, in the facility's character code.
     *
     * @param idempotencyKey the terminal's key for this upload, or {@code null}
     * @throws InstitutionMismatchException the file names another facility (audited; nothing stored)
     * @throws IOException reading the request body failed
     */
    public BulkReceipt submit(BulkKind kind, FacilityPrincipal caller, Facility facility, InputStream body,
                              String idempotencyKey) throws IOException {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        CharacterCode characterCode = facility.settings().characterCode();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            key = key.substring(0, 200);
        }
        if (key != null) {
            Optional<BulkReceipt> replay = replay(kind, caller, facility, key, now);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Upload upload = new Upload(kind, facility, now, key, caller);
        try {
            tx.executeWithoutResult(status -> upload.store(body));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RejectedUpload e) {
            return refuse(kind, caller, facility, upload, e.violation, now, characterCode);
        } catch (InputRejectedException e) {
            return refuse(kind, caller, facility, upload, new Violation(e.errorCode(), null, e.detail()), now,
                    characterCode);
        } catch (DuplicateKeyException e) {
            if (key != null) { // the same upload, stored concurrently by another request
                Optional<BulkReceipt> replay = replay(kind, caller, facility, key, now);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            throw e;
        }
        audit.append(facility.institutionCode(), caller.actor(), ACTION, subject(kind, upload.receptionNumber,
                upload.fileIdentifier()), "ACCEPTED entries=" + upload.entryCount);
        workers.wakeUp();
        return new BulkReceipt(now, kind == BulkKind.QUALIFICATION ? upload.confirmationDate : null,
                facility.institutionCode(), upload.fileIdentifier(), SegmentOfResult.COMPLETED, null, null,
                characterCode, upload.receptionNumber, now);
    }

    private Optional<BulkReceipt> replay(BulkKind kind, FacilityPrincipal caller, Facility facility, String key,
                                         LocalDateTime now) {
        Optional<BulkJobStore.Job> existing = store.findByIdempotencyKey(facility.institutionCode(), key);
        if (existing.isEmpty() || existing.get().kind() != kind) {
            return Optional.empty();
        }
        BulkJobStore.Job job = existing.get();
        audit.append(facility.institutionCode(), caller.actor(), ACTION,
                subject(kind, job.receptionNumber(), job.arbitraryFileIdentifier()), "REPLAYED");
        LocalDateTime received = LocalDateTime.ofInstant(job.receivedAt(), zone()).truncatedTo(ChronoUnit.SECONDS);
        return Optional.of(new BulkReceipt(now, job.confirmationDate(), facility.institutionCode(),
                job.arbitraryFileIdentifier(), SegmentOfResult.COMPLETED, null, null,
                facility.settings().characterCode(), job.receptionNumber(), received));
    }

    private BulkReceipt refuse(BulkKind kind, FacilityPrincipal caller, Facility facility, Upload upload,
                               Violation violation, LocalDateTime now, CharacterCode characterCode) {
        RequestHeader h = upload.header;
        if (violation.code() == ErrorCode.INSTITUTION_MISMATCH) {
            audit.append(facility.institutionCode(), caller.actor(), ACTION, subject(kind, null, upload.fileIdentifier()),
                    "REFUSED " + ErrorCode.INSTITUTION_MISMATCH.code() + " requested="
                            + printable(h == null ? null : h.medicalInstitutionCode(), 20));
            throw new InstitutionMismatchException(violation);
        }
        audit.append(facility.institutionCode(), caller.actor(), ACTION, subject(kind, null, upload.fileIdentifier()),
                "FILE_ERROR " + violation.code().code());
        String requested = h == null || h.medicalInstitutionCode() == null ? null : h.medicalInstitutionCode().strip();
        String institution = requested != null && requested.length() == 10 && requested.chars().allMatch(Character::isDigit)
                ? requested : facility.institutionCode();
        LocalDate date = kind == BulkKind.QUALIFICATION && h != null && h.qualificationConfirmationDate() != null
                ? QualificationMessages.parseDate(h.qualificationConfirmationDate().strip()).orElse(null) : null;
        return new BulkReceipt(now, date, institution, upload.fileIdentifier(), SegmentOfResult.FAILED,
                violation.code().code(), violation.message(), characterCode, null, null);
    }

    /** The first file-level problem of an upload header, or {@code null}. 一括照会 alone needs the confirmation date. */
    static Violation headerViolation(BulkKind kind, RequestHeader header, String institutionCode) {
        for (Violation v : InquiryValidator.validateHeader(header, institutionCode)) {
            boolean dateRule = v.code() == ErrorCode.MISSING_CONFIRMATION_DATE
                    || v.code() == ErrorCode.INVALID_CONFIRMATION_DATE;
            if (!dateRule || kind == BulkKind.QUALIFICATION) {
                return v;
            }
        }
        return null;
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    static String subject(BulkKind kind, String receptionNumber, String fileId) {
        return "kind=" + kind.code() + ";reception=" + (receptionNumber == null ? "-" : receptionNumber)
                + ";file=" + printable(fileId, 100);
    }

    static String printable(String value, int max) {
        if (value == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        value.codePoints().limit(max).forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        return sb.toString();
    }

    /** A whole-file problem found while streaming: unwinds the transaction. */
    private static final class RejectedUpload extends RuntimeException {
        final transient Violation violation;

        RejectedUpload(Violation violation) {
            super(violation.code().code(), null, false, false);
            this.violation = violation;
        }
    }

    /** The state of one upload being stored (one transaction). */
    private final class Upload implements BulkFileReader.Handler {
        private final BulkKind kind;
        private final Facility facility;
        private final LocalDateTime now;
        private final String idempotencyKey;
        private final FacilityPrincipal caller;
        private final List<BulkJobStore.Entry> pending = new ArrayList<>(INSERT_BATCH);
        RequestHeader header;
        LocalDate confirmationDate;
        String receptionNumber;
        long jobId;
        int entryCount;
        XmlNode criteriaElement;
        int criteriaElements;

        Upload(BulkKind kind, Facility facility, LocalDateTime now, String idempotencyKey, FacilityPrincipal caller) {
            this.kind = kind;
            this.facility = facility;
            this.now = now;
            this.idempotencyKey = idempotencyKey;
            this.caller = caller;
        }

        String fileIdentifier() {
            String id = header == null ? null : header.arbitraryFileIdentifier();
            if (id == null || id.codePointCount(0, id.length()) <= MAX_FILE_IDENTIFIER) {
                return id;
            }
            return id.substring(0, id.offsetByCodePoints(0, MAX_FILE_IDENTIFIER));
        }

        void store(InputStream body) {
            receptionNumber = receptionNumbers.next(now.toLocalDate());
            jobId = BulkUploadIntake.this.store.insertJob(receptionNumber, facility.institutionCode(), kind,
                    idempotencyKey, now.atZone(zone()).toInstant(), caller.actor());
            try {
                new BulkFileReader(settings.maxBytes(), settings.maxEntries()).read(body, this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            flush();
            String criteria = null;
            if (kind.hasEntriesInRequest()) {
                if (entryCount == 0) {
                    throw new RejectedUpload(Violation.of(ErrorCode.NO_BULK_ENTRIES, kind.entryElement()));
                }
            } else {
                criteria = selectPersons();
            }
            BulkUploadIntake.this.store.finishIntake(jobId, fileIdentifier(), confirmationDate, criteria, entryCount,
                    settings.chunkSize());
        }

        private String selectPersons() {
            if (criteriaElement == null) {
                throw new RejectedUpload(Violation.of(ErrorCode.NO_BULK_ENTRIES, kind.entryElement()));
            }
            if (kind == BulkKind.MEDICAL_ASSISTANCE && !facility.settings().medicalAssistance()) {
                throw new RejectedUpload(Violation.of(ErrorCode.BULK_MEDICAL_ASSISTANCE_NOT_ENABLED, null));
            }
            CareSettingCriteria.Outcome outcome = CareSettingCriteria.of(kind,
                    BulkMessages.readCareSettingSearchInfo(criteriaElement), now.toLocalDate());
            if (!outcome.accepted()) {
                throw new RejectedUpload(outcome.violation());
            }
            for (String personId : selection.select(kind, facility, outcome.criteria())) {
                pending.add(new BulkJobStore.Entry(++entryCount, null, personId));
                if (pending.size() >= INSERT_BATCH) {
                    flush();
                }
            }
            flush();
            return outcome.criteria().canonical();
        }

        @Override
        public void header(XmlNode node) {
            header = BulkMessages.readUploadHeader(node);
            Violation v = headerViolation(kind, header, facility.institutionCode());
            if (v != null) {
                throw new RejectedUpload(v);
            }
            if (kind == BulkKind.QUALIFICATION) {
                confirmationDate = QualificationMessages.parseDate(header.qualificationConfirmationDate().strip())
                        .orElseThrow();
            }
        }

        @Override
        public void bodyElement(XmlNode element) {
            if (!element.name().equals(kind.entryElement())) {
                return; // unknown elements are ignored, as everywhere in the interface
            }
            if (!kind.hasEntriesInRequest()) {
                if (++criteriaElements > 1) {
                    throw new RejectedUpload(Violation.of(ErrorCode.SINGLE_CRITERIA_EXPECTED, kind.entryElement()));
                }
                criteriaElement = element;
                return;
            }
            pending.add(new BulkJobStore.Entry(++entryCount, EntryXml.store(element), null));
            if (pending.size() >= INSERT_BATCH) {
                flush();
            }
        }

        private void flush() {
            BulkUploadIntake.this.store.insertEntries(jobId, pending);
            pending.clear();
        }
    }
}
