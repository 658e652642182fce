package org.openoqs.server.clins;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.openoqs.core.clins.ClinsMemberId;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Registration of 5情報 Bundles (docs/clins.md): read the JSON, parse it as FHIR R4, apply {@link ClinsBundleRules},
 * find the registry person of the 被保険者個人識別子, then — in one transaction — replace the Bundle of the same
 * identifier (or delete it for a Patient-only Bundle). Two uploads of one identifier at once leave exactly one: the
 * unique identifier makes the later insert fail, and it is retried as a replacement. Every outcome is audited
 * (action {@value #ACTION}).
 */
@Service
public class ClinsRegistrationService {

    public static final String ACTION = "CLINS_REGISTRATION";
    /** One upload at most 10 MB (§1.3); larger Bundles are to be split. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    private static final int ATTEMPTS = 5;

    /** What a registration did. */
    public enum Outcome { CREATED, REPLACED, DELETED }

    public record Receipt(Outcome outcome, String identifier, String resourceType, int entryCount) {
    }

    private final ClinsFhir fhir;
    private final ClinsStore store;
    private final JdbcQualificationRegistry registry;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ClinsRegistrationService(ClinsFhir fhir, ClinsStore store, JdbcQualificationRegistry registry, AuditLog audit,
            PlatformTransactionManager transactions, Clock clock) {
        this.fhir = fhir;
        this.store = store;
        this.registry = registry;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** @throws ClinsRefusedException with every problem found; nothing is stored then */
    public Receipt register(FacilityPrincipal caller, byte[] body) {
        try {
            return registerChecked(caller, body);
        } catch (ClinsRefusedException refused) {
            audit.append(caller.institutionCode(), caller.actor(), ACTION, "bundle=-", "REFUSED "
                    + refused.problems().stream().map(p -> p.code().code()).distinct().collect(Collectors.joining(",")));
            throw refused;
        }
    }

    private Receipt registerChecked(FacilityPrincipal caller, byte[] body) {
        ClinsBundleReading.Read read = ClinsBundleReading.read(fhir, body);
        JsonNode tree = read.tree();
        Bundle bundle = read.bundle();
        ClinsBundleRules.Verdict verdict = ClinsBundleRules.check(bundle, caller.institutionCode());
        if (!verdict.problems().isEmpty()) {
            throw new ClinsRefusedException(422, verdict.problems());
        }
        ClinsUpload upload = verdict.upload();
        String personId = person(upload);
        List<String> entryJson = new ArrayList<>();
        for (ClinsUpload.Entry e : upload.entries()) {
            entryJson.add(tree.get("entry").get(e.index()).get("resource").toString());
        }
        String memberIdText = bundle.getEntryFirstRep().getResource() instanceof org.hl7.fhir.r4.model.Patient p
                ? p.getIdentifier().stream().filter(id -> ClinsMemberId.isMemberIdSystem(id.getSystem()))
                .map(id -> id.getValue()).findFirst().orElse("") : "";
        Receipt receipt = store(caller, upload, personId, memberIdText, body, entryJson);
        audit.append(caller.institutionCode(), caller.actor(), ACTION, "bundle=" + upload.identifier().value()
                + ";persons=" + personId, receipt.outcome() + " type=" + upload.resourceType() + " entries="
                + receipt.entryCount());
        return receipt;
    }

    private Receipt store(FacilityPrincipal caller, ClinsUpload upload, String personId, String memberIdText,
            byte[] body, List<String> entryJson) {
        Instant now = clock.instant();
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(status -> {
                    Optional<ClinsStore.StoredBundle> existing = store.lock(upload.identifier().value());
                    if (existing.isPresent() && !existing.get().personId().equals(personId)) {
                        throw new ClinsRefusedException(422, new ClinsProblem(ErrorCode.CLINS_PATIENT_CHANGED,
                                upload.memberIdLocation(), null));
                    }
                    if (upload.deletes()) {
                        if (existing.isEmpty()) {
                            throw new ClinsRefusedException(422, ClinsProblem.of(ErrorCode.CLINS_NOTHING_TO_DELETE,
                                    "Bundle.identifier.value"));
                        }
                        store.delete(existing.get().bundleId());
                        return new Receipt(Outcome.DELETED, upload.identifier().value(), upload.resourceType(), 0);
                    }
                    existing.ifPresent(b -> store.delete(b.bundleId()));
                    store.insert(upload, caller.institutionCode(), personId, memberIdText, body, entryJson, now);
                    store.purgeExpired(LocalDate.ofInstant(now, ClinsInformation.TOKYO));
                    return new Receipt(existing.isPresent() ? Outcome.REPLACED : Outcome.CREATED,
                            upload.identifier().value(), upload.resourceType(), upload.entries().size());
                });
            } catch (DataIntegrityViolationException | ConcurrencyFailureException raced) {
                // another upload of the same identifier committed first: do it again as a replacement
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private String person(ClinsUpload upload) {
        ClinsMemberId id = upload.memberId();
        Set<String> persons = new LinkedHashSet<>();
        new EligibilityService(registry).candidates(id.insurer(), id.symbol(), id.number(), id.branch(), upload.birthDate())
                .forEach(c -> persons.add(c.person().personId()));
        if (persons.size() != 1) {
            throw new ClinsRefusedException(422, ClinsProblem.of(persons.isEmpty() ? ErrorCode.CLINS_PATIENT_NOT_FOUND
                    : ErrorCode.CLINS_PATIENT_AMBIGUOUS, upload.memberIdLocation()));
        }
        return persons.iterator().next();
    }

    /** Deletes one of the caller's Bundles; another facility's identifier is answered as unknown. */
    public void delete(FacilityPrincipal caller, String identifier) {
        boolean deleted = Boolean.TRUE.equals(tx.execute(status -> {
            Optional<ClinsStore.StoredBundle> existing = store.lock(identifier);
            if (existing.isEmpty() || !existing.get().institutionCode().equals(caller.institutionCode())) {
                return false;
            }
            store.delete(existing.get().bundleId());
            return true;
        }));
        String subject = "bundle=" + ClinsBundleReading.cut(identifier);
        if (!deleted) {
            audit.append(caller.institutionCode(), caller.actor(), ACTION, subject,
                    "REFUSED " + ErrorCode.CLINS_BUNDLE_NOT_FOUND.code());
            throw new ClinsRefusedException(404, ClinsProblem.of(ErrorCode.CLINS_BUNDLE_NOT_FOUND, "Bundle.identifier.value"));
        }
        audit.append(caller.institutionCode(), caller.actor(), ACTION, subject, "DELETED");
    }

    public List<ClinsStore.StoredBundle> list(FacilityPrincipal caller) {
        return store.bundlesOf(caller.institutionCode());
    }
}
