package org.openoqs.terminal.central;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openoqs.core.bulk.BulkConfirmUnit;
import org.openoqs.core.bulk.BulkDocumentWriter;
import org.openoqs.core.bulk.BulkDownloadRequest;
import org.openoqs.core.bulk.BulkFileReader;
import org.openoqs.core.bulk.BulkKind;
import org.openoqs.core.bulk.BulkReceipt;
import org.openoqs.core.bulk.CareSettingCriteria;
import org.openoqs.core.bulk.BulkResultHeader;
import org.openoqs.core.code.ProcessingResultStatus;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.codec.bulk.BulkMessages;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.InputRejectedException;
import org.openoqs.core.error.Violation;
import org.openoqs.core.message.QualificationConfirmSearchInfo;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.RequestHeader;
import org.openoqs.core.validation.InquiryValidator;
import org.openoqs.core.xml.XmlDocumentReader;
import org.openoqs.core.xml.XmlDocumentWriter;
import org.openoqs.core.xml.XmlNode;

/**
 * 一括照会 ({@code OQSmuquc}) in the same process: each entry of an upload is screened by the rules of a single
 * inquiry ({@link InquiryValidator#validateSearchInfo}) and answered by the {@link SimulatedCentralService} it is
 * built on, one person at a time, so a bulk answer and a single answer about the same person always agree. The job
 * is answered when it is uploaded; the download gets it complete at once (the real service may first say 処理中).
 *
 * <p>It refuses what the service refuses: a file it cannot read, a header naming another facility
 * ({@link CentralServiceRefusedException}, as the service's HTTP 403) or lacking its date, an upload without entries,
 * a download without or with an unknown 受付番号 or one of another flow. A retried upload with the same idempotency key
 * gets the same 受付番号. It follows the inquiry simulator's outage switch.
 *
 * <p>The care-setting flows (医療扶助, 訪問診療等, オンライン診療等) select persons by the facility's consents and
 * 医療券, and 照会番号一括登録 stores registrations: both are the service's database, which a simulator does not
 * have. Their uploads are checked as the service checks them (header, selection) and, when nothing is wrong,
 * answered with {@link ErrorCode#UNSUPPORTED_REQUEST_TYPE} (docs/reliability.md, "Simulated ports").
 */
public final class SimulatedBulkCentralService implements BulkCentralService {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SimulatedCentralService inquiry;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> receptionByKey = new ConcurrentHashMap<>();

    /** A stored, answered upload. */
    private record Job(BulkKind kind, String receptionNumber, LocalDateTime received, LocalDate confirmationDate,
            String fileIdentifier, List<BulkConfirmUnit> units) {
    }

    public SimulatedBulkCentralService(SimulatedCentralService inquiry, Clock clock) {
        this.inquiry = inquiry;
        this.clock = clock;
    }

    @Override
    public byte[] upload(BulkKind kind, byte[] file, String idempotencyKey) {
        inquiry.requireAvailable();
        LocalDateTime now = now();
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : kind + "/" + idempotencyKey.strip();
        Job replayed = key == null ? null : Optional.ofNullable(receptionByKey.get(key)).map(jobs::get).orElse(null);
        if (replayed != null) {
            return receipt(accepted(replayed, now));
        }
        Upload upload = new Upload(kind);
        try {
            new BulkFileReader().read(new ByteArrayInputStream(file), upload);
        } catch (Rejected rejected) {
            return receipt(failed(upload.header, rejected.violation, now));
        } catch (InputRejectedException refused) {
            return receipt(failed(upload.header, new Violation(refused.errorCode(), null, refused.detail()), now));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Violation violation = upload.violation(now.toLocalDate());
        if (violation != null) {
            return receipt(failed(upload.header, violation, now));
        }
        LocalDate date = QualificationMessages.parseDate(upload.header.qualificationConfirmationDate().strip())
                .orElseThrow();
        List<BulkConfirmUnit> units = new ArrayList<>(upload.entries.size());
        for (QualificationConfirmSearchInfo entry : upload.entries) {
            units.add(answer(entry, upload.header, date, now.toLocalDate()));
        }
        Job job = new Job(kind, nextReceptionNumber(now.toLocalDate()), now, date,
                fileIdentifier(upload.header.arbitraryFileIdentifier()), List.copyOf(units));
        jobs.put(job.receptionNumber(), job);
        if (key != null) {
            receptionByKey.putIfAbsent(key, job.receptionNumber());
        }
        return receipt(accepted(job, now));
    }

    @Override
    public byte[] download(BulkKind kind, byte[] file) {
        inquiry.requireAvailable();
        LocalDateTime now = now();
        BulkDownloadRequest request;
        try {
            request = BulkMessages.readDownloadRequest(new XmlDocumentReader().read(file));
        } catch (InputRejectedException refused) {
            return result(failedResult(null, new Violation(refused.errorCode(), null, refused.detail()), now), List.of());
        }
        Violation header = downloadHeaderViolation(request);
        if (header != null) {
            return result(failedResult(request, header, now), List.of());
        }
        String receptionNumber = request.receptionNumber() == null ? "" : request.receptionNumber().strip();
        if (receptionNumber.isEmpty()) {
            return result(failedResult(request, Violation.of(ErrorCode.MISSING_RECEPTION_NUMBER, "ReceptionNumber"),
                    now), List.of());
        }
        Job job = jobs.get(receptionNumber);
        if (job == null) {
            return result(failedResult(request, Violation.of(ErrorCode.UNKNOWN_RECEPTION_NUMBER, "ReceptionNumber"),
                    now), List.of());
        }
        if (job.kind() != kind) {
            return result(failedResult(request, new Violation(ErrorCode.RECEPTION_KIND_MISMATCH, "ReceptionNumber",
                    "受付番号の種別: " + job.kind().label()), now), List.of());
        }
        int errors = (int) job.units().stream().filter(BulkConfirmUnit::isError).count();
        String fileId = request.arbitraryFileIdentifier() != null ? request.arbitraryFileIdentifier()
                : job.fileIdentifier();
        BulkResultHeader h = new BulkResultHeader(now, job.confirmationDate(), inquiry.institutionCode(), fileId,
                ReferenceClassification.INSURANCE_CARD_NUMBERS, SegmentOfResult.COMPLETED, null, null,
                inquiry.resultCharacterCode(), job.receptionNumber(), job.units().size(), job.units().size() - errors,
                errors);
        return result(h, job.units().stream().map(BulkMessages::unitToXml).toList());
    }

    /** One entry: screened as a single inquiry is, then answered by the inquiry simulator. */
    private BulkConfirmUnit answer(QualificationConfirmSearchInfo entry, RequestHeader header, LocalDate date,
            LocalDate today) {
        Optional<Violation> violation = InquiryValidator.validateSearchInfo(entry, today);
        if (violation.isPresent()) {
            return new BulkConfirmUnit(entry, ProcessingResultStatus.ERROR, violation.get().code().code(),
                    violation.get().message(), null, List.of(), List.of());
        }
        RequestHeader single = new RequestHeader(QualificationMessages.DATE.format(date),
                header.medicalInstitutionCode(), header.arbitraryFileIdentifier());
        QualificationResultBody body = inquiry.inquire(new QualificationInquiryRequest(single, entry)).body();
        return new BulkConfirmUnit(entry, body.processingResultStatus(), body.processingResultCode(),
                body.processingResultMessage(), body.qualificationValidity(), body.results(), List.of());
    }

    private BulkReceipt accepted(Job job, LocalDateTime now) {
        return new BulkReceipt(now, job.confirmationDate(), inquiry.institutionCode(), job.fileIdentifier(),
                SegmentOfResult.COMPLETED, null, null, inquiry.resultCharacterCode(), job.receptionNumber(),
                job.received());
    }

    /** A file-level refusal; a header naming another facility is the service's HTTP 403. */
    private BulkReceipt failed(RequestHeader header, Violation violation, LocalDateTime now) {
        if (violation.code() == ErrorCode.INSTITUTION_MISMATCH) {
            throw new CentralServiceRefusedException(ErrorCode.INSTITUTION_MISMATCH, violation.message());
        }
        String requested = header == null || header.medicalInstitutionCode() == null ? null
                : header.medicalInstitutionCode().strip();
        String institution = requested != null && requested.matches("\\d{10}") ? requested : inquiry.institutionCode();
        LocalDate date = header != null && header.qualificationConfirmationDate() != null
                ? QualificationMessages.parseDate(header.qualificationConfirmationDate().strip()).orElse(null) : null;
        return new BulkReceipt(now, date, institution, header == null ? null
                : fileIdentifier(header.arbitraryFileIdentifier()), SegmentOfResult.FAILED, violation.code().code(),
                violation.message(), inquiry.resultCharacterCode(), null, null);
    }

    private BulkResultHeader failedResult(BulkDownloadRequest request, Violation violation, LocalDateTime now) {
        String reception = request == null || request.receptionNumber() == null
                || request.receptionNumber().isBlank() ? null : request.receptionNumber().strip();
        return new BulkResultHeader(now, null, inquiry.institutionCode(),
                request == null ? null : fileIdentifier(request.arbitraryFileIdentifier()), null,
                SegmentOfResult.FAILED, violation.code().code(), violation.message(), inquiry.resultCharacterCode(),
                reception, null, null, null);
    }

    private Violation downloadHeaderViolation(BulkDownloadRequest r) {
        for (Violation v : InquiryValidator.validateHeader(new RequestHeader(null, r.medicalInstitutionCode(),
                r.arbitraryFileIdentifier()), inquiry.institutionCode())) {
            if (v.code() == ErrorCode.INSTITUTION_MISMATCH) {
                throw new CentralServiceRefusedException(ErrorCode.INSTITUTION_MISMATCH, v.message());
            }
            if (v.code() != ErrorCode.MISSING_CONFIRMATION_DATE && v.code() != ErrorCode.INVALID_CONFIRMATION_DATE) {
                return v; // a download names no confirmation date
            }
        }
        return null;
    }

    private byte[] receipt(BulkReceipt receipt) {
        return new XmlDocumentWriter().writeBytes(BulkMessages.receiptToXml(receipt),
                receipt.characterCodeIdentifier());
    }

    private static byte[] result(BulkResultHeader header, List<XmlNode> units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BulkDocumentWriter writer = new BulkDocumentWriter(out, header.characterCodeIdentifier());
            writer.begin(BulkMessages.resultHeaderToXml(header));
            for (XmlNode unit : units) {
                writer.element(unit);
            }
            writer.end();
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return out.toByteArray();
    }

    /** 受付番号 as the service makes them: the day and 12 random digits. */
    private String nextReceptionNumber(LocalDate today) {
        String number;
        do {
            StringBuilder sb = new StringBuilder(20).append(DAY.format(today));
            for (int i = 0; i < 12; i++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            number = sb.toString();
        } while (jobs.containsKey(number));
        return number;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String fileIdentifier(String id) {
        if (id == null || id.codePointCount(0, id.length()) <= InquiryValidator.MAX_FILE_IDENTIFIER) {
            return id;
        }
        return id.substring(0, id.offsetByCodePoints(0, InquiryValidator.MAX_FILE_IDENTIFIER));
    }

    /** A whole-file problem found while reading, thrown where the service throws it (at the header, say). */
    private static final class Rejected extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Violation violation;

        Rejected(Violation violation) {
            super(violation.code().code(), null, false, false);
            this.violation = violation;
        }
    }

    /**
     * Collects the header and the entries of one upload and refuses what the service refuses, in the same order:
     * the header as soon as it is read, a second selection of a care-setting flow as soon as it appears, then the
     * file as a whole.
     */
    private final class Upload implements BulkFileReader.Handler {
        private final BulkKind kind;
        private final List<QualificationConfirmSearchInfo> entries = new ArrayList<>();
        private RequestHeader header;
        private XmlNode criteria;
        private int otherEntries;

        Upload(BulkKind kind) {
            this.kind = kind;
        }

        @Override
        public void header(XmlNode node) {
            header = BulkMessages.readUploadHeader(node);
            for (Violation v : InquiryValidator.validateHeader(header, inquiry.institutionCode())) {
                boolean dateRule = v.code() == ErrorCode.MISSING_CONFIRMATION_DATE
                        || v.code() == ErrorCode.INVALID_CONFIRMATION_DATE;
                if (!dateRule || kind == BulkKind.QUALIFICATION) {
                    throw new Rejected(v);
                }
            }
        }

        @Override
        public void bodyElement(XmlNode element) {
            if (!element.name().equals(kind.entryElement())) {
                return; // unknown elements are ignored, as everywhere in the interface
            }
            if (kind == BulkKind.QUALIFICATION) {
                entries.add(QualificationMessages.readSearchInfo(element));
            } else if (kind.isCareSetting() && criteria != null) {
                throw new Rejected(Violation.of(ErrorCode.SINGLE_CRITERIA_EXPECTED, kind.entryElement()));
            } else if (kind.isCareSetting()) {
                criteria = element;
            } else {
                otherEntries++;
            }
        }

        /** What the service would refuse about the file as a whole; a flow it cannot simulate last. */
        Violation violation(LocalDate today) {
            boolean empty = kind == BulkKind.QUALIFICATION ? entries.isEmpty()
                    : kind.isCareSetting() ? criteria == null : otherEntries == 0;
            if (empty) {
                return Violation.of(ErrorCode.NO_BULK_ENTRIES, kind.entryElement());
            }
            if (kind == BulkKind.MEDICAL_ASSISTANCE && !inquiry.medicalAssistance()) {
                return Violation.of(ErrorCode.BULK_MEDICAL_ASSISTANCE_NOT_ENABLED, null);
            }
            if (kind.isCareSetting()) {
                CareSettingCriteria.Outcome outcome = CareSettingCriteria.of(kind,
                        BulkMessages.readCareSettingSearchInfo(criteria), today);
                if (!outcome.accepted()) {
                    return outcome.violation();
                }
            }
            if (kind != BulkKind.QUALIFICATION) {
                return new Violation(ErrorCode.UNSUPPORTED_REQUEST_TYPE, null, kind.label()
                        + "は施設の同意・医療券・照会番号の記録を使うため、模擬サービスでは扱えません");
            }
            return null;
        }
    }
}
