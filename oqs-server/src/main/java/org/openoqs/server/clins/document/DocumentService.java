package org.openoqs.server.clins.document;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.openoqs.core.clins.ClinsMemberId;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.ServerConfig;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.clins.ClinsBundleReading;
import org.openoqs.server.clins.ClinsFhir;
import org.openoqs.server.clins.ClinsProblem;
import org.openoqs.server.clins.ClinsRefusedException;
import org.openoqs.server.clins.ClinsRegistrationService;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.facility.FacilityService;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sender's side of the documents (docs/clins.md "Documents", ../shared/spec/CIP-PMH.md §1.5): 登録, 変更, 取消 and
 * 取消UNDO of 診療情報提供書 and 健康診断結果報告書, each with its precise refusal, and the question whether a
 * destination uses the service. Every action and every refusal is audited (action {@value #ACTION}).
 */
@Service
public class DocumentService {

    public static final String ACTION = "CLINS_DOCUMENT";
    private static final Pattern INSTITUTION_CODE = Pattern.compile("[0-9]{10}");

    /** What the sender's call did. */
    public record Receipt(String outcome, DocumentStore.StoredDocument document) {
    }

    /** Whether a facility can receive documents: known to the service, and its 環境設定 switch on. */
    public record Usage(String institutionCode, boolean registered, boolean usesService) {
    }

    private final ClinsFhir fhir;
    private final DocumentStore store;
    private final JdbcQualificationRegistry registry;
    private final FacilityService facilities;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DocumentService(ClinsFhir fhir, DocumentStore store, JdbcQualificationRegistry registry,
            FacilityService facilities, AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
        this.fhir = fhir;
        this.store = store;
        this.registry = registry;
        this.facilities = facilities;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** 登録: a new identifier only ({@code OQSF5031} otherwise: a change is {@link #change}). */
    public Receipt register(FacilityPrincipal caller, byte[] body, boolean verbalConsent) {
        return audited(caller, "document=-", () -> {
            Checked c = check(caller, body);
            Instant now = clock.instant();
            try {
                tx.executeWithoutResult(status -> {
                    if (store.lock(c.upload.identifier().value()).isPresent()) {
                        throw refused(409, ErrorCode.DOCUMENT_ALREADY_REGISTERED, "Bundle.identifier.value");
                    }
                    store.insert(c.upload, caller.institutionCode(), c.personId, verbalConsent, body, now,
                            c.upload.kind() == DocumentKind.CHECKUP ? LocalDate.ofInstant(now, ServerConfig.TOKYO)
                                    .plusYears(DocumentStore.CHECKUP_RETENTION_YEARS) : null);
                });
            } catch (DataIntegrityViolationException raced) {
                // another registration of the same identifier committed first
                throw refused(409, ErrorCode.DOCUMENT_ALREADY_REGISTERED, "Bundle.identifier.value");
            }
            DocumentStore.StoredDocument stored = store.find(c.upload.identifier().value()).orElseThrow();
            record(caller, stored, "REGISTERED kind=" + stored.kind() + " to=" + dash(stored.destinationCode())
                    + " dischargeSummary=" + stored.dischargeSummary() + " verbalConsent=" + verbalConsent);
            return new Receipt("registered", stored);
        });
    }

    /** 変更: the registered document of the same identifier replaced, same patient, destination and kind. */
    public Receipt change(FacilityPrincipal caller, String identifier, byte[] body, boolean verbalConsent) {
        return audited(caller, "document=" + ClinsBundleReading.cut(identifier), () -> {
            Checked c = check(caller, body);
            if (!c.upload.identifier().value().equals(identifier)) {
                throw refused(422, ErrorCode.DOCUMENT_IDENTIFIER_MISMATCH, "Bundle.identifier.value");
            }
            DocumentStore.StoredDocument changed = tx.execute(status -> {
                DocumentStore.StoredDocument d = own(caller, identifier);
                if (d.status() == DocumentStore.Status.CANCELLED) {
                    throw refused(409, ErrorCode.DOCUMENT_CANCELLED, "Bundle.identifier.value");
                }
                if (d.receivedAt() != null) {
                    throw refused(409, ErrorCode.DOCUMENT_RECEIVED, "Bundle.identifier.value");
                }
                if (!d.personId().equals(c.personId)) {
                    throw refused(422, ErrorCode.CLINS_PATIENT_CHANGED, c.upload.memberIdLocation());
                }
                if (d.kind() != c.upload.kind() || !java.util.Objects.equals(d.destinationCode(), c.upload.destinationCode())) {
                    throw new ClinsRefusedException(422, new ClinsProblem(ErrorCode.DOCUMENT_CHANGE_DESTINATION,
                            c.upload.destinationLocation() == null ? "Bundle.meta.profile" : c.upload.destinationLocation(),
                            "登録済み: " + d.kind().label() + " 紹介先 " + dash(d.destinationCode())));
                }
                store.change(d.documentId(), c.upload, verbalConsent, body, clock.instant());
                return store.find(identifier).orElseThrow();
            });
            record(caller, changed, "CHANGED version=" + changed.version() + " verbalConsent=" + changed.verbalConsent());
            return new Receipt("changed", changed);
        });
    }

    /** 取消: the document disappears from the destination's inbox but is kept for 取消UNDO. */
    public Receipt cancel(FacilityPrincipal caller, String identifier) {
        return audited(caller, "document=" + ClinsBundleReading.cut(identifier), () -> {
            DocumentStore.StoredDocument d = tx.execute(status -> {
                DocumentStore.StoredDocument found = own(caller, identifier);
                if (found.status() == DocumentStore.Status.CANCELLED) {
                    throw refused(409, ErrorCode.DOCUMENT_CANCELLED, "Bundle.identifier.value");
                }
                if (found.receivedAt() != null) {
                    throw refused(409, ErrorCode.DOCUMENT_RECEIVED, "Bundle.identifier.value");
                }
                store.status(found.documentId(), DocumentStore.Status.CANCELLED, clock.instant());
                return store.find(identifier).orElseThrow();
            });
            record(caller, d, "CANCELLED");
            return new Receipt("cancelled", d);
        });
    }

    /** 取消UNDO: a cancelled document becomes active again, as it was. */
    public Receipt undo(FacilityPrincipal caller, String identifier) {
        return audited(caller, "document=" + ClinsBundleReading.cut(identifier), () -> {
            DocumentStore.StoredDocument d = tx.execute(status -> {
                DocumentStore.StoredDocument found = own(caller, identifier);
                if (found.status() != DocumentStore.Status.CANCELLED) {
                    throw refused(409, ErrorCode.DOCUMENT_NOT_CANCELLED, "Bundle.identifier.value");
                }
                store.status(found.documentId(), DocumentStore.Status.ACTIVE, null);
                return store.find(identifier).orElseThrow();
            });
            record(caller, d, "UNDONE");
            return new Receipt("active", d);
        });
    }

    public List<DocumentStore.StoredDocument> sent(FacilityPrincipal caller) {
        return store.sentBy(caller.institutionCode());
    }

    /** 利用状況確認: whether the destination would receive a document (§1.5); audited. */
    public Usage usage(FacilityPrincipal caller, String institutionCode) {
        return audited(caller, "usage=" + ClinsBundleReading.cut(institutionCode), () -> {
            if (institutionCode == null || !INSTITUTION_CODE.matcher(institutionCode).matches()) {
                throw new ClinsRefusedException(400, new ClinsProblem(ErrorCode.DOCUMENT_FACILITY_CODE, "institutionCode",
                        "指定値: " + ClinsBundleReading.cut(institutionCode)));
            }
            Optional<Facility> facility = facilities.find(institutionCode);
            Usage usage = new Usage(institutionCode, facility.isPresent(),
                    facility.map(f -> f.settings().eKarteSharing()).orElse(false));
            audit.append(caller.institutionCode(), caller.actor(), ACTION, "usage=" + institutionCode,
                    "USAGE registered=" + usage.registered() + " uses=" + usage.usesService());
            return usage;
        });
    }

    // ---- shared steps ----------------------------------------------------------------------------------------------

    private record Checked(DocumentUpload upload, String personId) {
    }

    /** Size, JSON, strict parse, the document rules, the destination and the patient: everything before storing. */
    private Checked check(FacilityPrincipal caller, byte[] body) {
        if (body.length > ClinsRegistrationService.MAX_BYTES) {
            throw new ClinsRefusedException(413, new ClinsProblem(ErrorCode.CLINS_BUNDLE_TOO_LARGE, "Bundle", null));
        }
        Bundle bundle = ClinsBundleReading.read(fhir, body).bundle();
        DocumentRules.Verdict verdict = DocumentRules.check(bundle, caller.institutionCode());
        if (!verdict.accepted()) {
            throw new ClinsRefusedException(422, verdict.problems());
        }
        DocumentUpload upload = verdict.upload();
        if (upload.destinationCode() != null) {
            destination(caller, upload);
        }
        return new Checked(upload, person(upload));
    }

    private void destination(FacilityPrincipal caller, DocumentUpload upload) {
        String code = upload.destinationCode();
        if (code.equals(caller.institutionCode())) {
            throw refused(422, ErrorCode.REFERRAL_DESTINATION_SELF, upload.destinationLocation());
        }
        Facility destination = facilities.find(code).orElseThrow(() -> new ClinsRefusedException(422,
                new ClinsProblem(ErrorCode.REFERRAL_DESTINATION_UNKNOWN, upload.destinationLocation(), "指定値: " + code)));
        if (!destination.settings().eKarteSharing()) {
            throw new ClinsRefusedException(422, new ClinsProblem(ErrorCode.REFERRAL_DESTINATION_NOT_USING,
                    upload.destinationLocation(), "指定値: " + code));
        }
    }

    private String person(DocumentUpload upload) {
        ClinsMemberId id = upload.memberId();
        Set<String> persons = new LinkedHashSet<>();
        new EligibilityService(registry).candidates(id.insurer(), id.symbol(), id.number(), id.branch(), upload.birthDate())
                .forEach(c -> persons.add(c.person().personId()));
        if (persons.size() != 1) {
            throw refused(422, persons.isEmpty() ? ErrorCode.CLINS_PATIENT_NOT_FOUND : ErrorCode.CLINS_PATIENT_AMBIGUOUS,
                    upload.memberIdLocation());
        }
        return persons.iterator().next();
    }

    /** The caller's own document, locked; another facility's answers as unknown, so nothing leaks. */
    private DocumentStore.StoredDocument own(FacilityPrincipal caller, String identifier) {
        return store.lock(identifier).filter(d -> d.institutionCode().equals(caller.institutionCode()))
                .orElseThrow(() -> refused(404, ErrorCode.DOCUMENT_NOT_FOUND, "Bundle.identifier.value"));
    }

    private <T> T audited(FacilityPrincipal caller, String subject, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (ClinsRefusedException refused) {
            audit.append(caller.institutionCode(), caller.actor(), ACTION, subject, "REFUSED "
                    + refused.problems().stream().map(p -> p.code().code()).distinct().collect(Collectors.joining(",")));
            throw refused;
        }
    }

    private void record(FacilityPrincipal caller, DocumentStore.StoredDocument d, String outcome) {
        audit.append(caller.institutionCode(), caller.actor(), ACTION, "document=" + d.identifier() + ";persons="
                + d.personId(), outcome);
    }

    static ClinsRefusedException refused(int status, ErrorCode code, String location) {
        return new ClinsRefusedException(status, ClinsProblem.of(code, location));
    }

    static String dash(String s) {
        return s == null ? "-" : s;
    }

    static LocalDateTime tokyo(Instant i) {
        return LocalDateTime.ofInstant(i, ServerConfig.TOKYO);
    }
}
