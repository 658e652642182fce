package org.openoqs.server.reference;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.codec.MessageFormatException;
import org.openoqs.core.codec.ReferenceNumberMessages;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;
import org.openoqs.core.validation.ReferenceNumberValidator;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.registry.JdbcQualificationRegistry;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.stereotype.Service;

/**
 * 照会番号 単件登録 ({@code OQSsiimm01req_} → {@code OQSsiimm01res_}, INTERFACE.md §4.6): screen the request, find
 * the one person the insurance keys name (no birthdate in this message), register the number and answer. File-level
 * faults give {@code SegmentOfResult} 9; faults of the registration block give {@code ProcessingResultStatus} 2 with
 * the block echoed. Audited. The XML is read and written by {@link ReferenceNumberMessages} and screened by
 * {@link ReferenceNumberValidator} (oqs-core); this service looks the person up, registers and audits.
 */
@Service
public class ReferenceNumberRegistration {

    public static final String ACTION = "REFERENCE_NUMBER_REGISTRATION";
    public static final int MAX_LENGTH = ReferenceNumberValidator.MAX_REFERENCE_NUMBER_LENGTH;

    private final JdbcQualificationRegistry registry;
    private final ReferenceNumberService numbers;
    private final AuditLog audit;
    private final Clock clock;

    public ReferenceNumberRegistration(JdbcQualificationRegistry registry, ReferenceNumberService numbers, AuditLog audit,
            Clock clock) {
        this.registry = registry;
        this.numbers = numbers;
        this.audit = audit;
        this.clock = clock;
    }

    public XmlNode register(FacilityPrincipal caller, Facility facility, XmlNode root) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        CharacterCode cc = facility.settings().characterCode();
        ReferenceNumberMessages.Request request;
        try {
            request = ReferenceNumberMessages.readRequest(root);
        } catch (MessageFormatException notAMessage) {
            return fileError(caller, facility, null, Violation.of(notAMessage.errorCode(), null), now, cc);
        }
        String fileId = request.arbitraryFileIdentifier();
        Optional<Violation> headerFault = ReferenceNumberValidator.headerFault(request, facility.institutionCode());
        if (headerFault.isPresent()) {
            return fileError(caller, facility, fileId, headerFault.get(), now, cc);
        }
        Set<String> persons = new LinkedHashSet<>();
        Optional<Violation> fault = registerBlock(facility, request.block(), persons);
        String outcome = fault.map(v -> "PERSON_ERROR " + v.code().code()).orElse("OK");
        audit.append(caller.institutionCode(), caller.actor(), ACTION, "file=" + safe(fileId) + ";persons="
                + String.join(",", persons), outcome);
        return ReferenceNumberMessages.result(facility.institutionCode(), fileId, now, cc, fault.orElse(null),
                request.block());
    }

    /**
     * Screens and registers one {@code ReferenceNumberRegistrationInfo} block for the facility exactly as a single
     * registration does, without the header checks and the audit entry of a file: 照会番号 一括登録
     * ({@code OQSmuimm}) answers each block of its file with this and audits per chunk (docs/bulk.md).
     *
     * @param persons receives the registry ids the block's insurance keys matched
     * @return the block's fault, or empty when the number is registered (or was already)
     */
    public Optional<Violation> registerBlock(Facility facility, XmlNode block, Set<String> persons) {
        ReferenceNumberValidator.Screened screened = ReferenceNumberValidator.screen(
                ReferenceNumberMessages.RegistrationInfo.of(block));
        if (screened.fault() != null) {
            return Optional.of(screened.fault());
        }
        return registerEntry(facility, screened.registration(), persons);
    }

    private Optional<Violation> registerEntry(Facility facility, ReferenceNumberValidator.Registration r,
            Set<String> matched) {
        List<EligibilityService.Candidate> candidates = new EligibilityService(registry).candidates(r.insurer(),
                r.insuredCardSymbol(), r.insuredIdentificationNumber(), r.insuredBranchNumber(), null);
        Set<String> persons = new LinkedHashSet<>();
        candidates.forEach(c -> persons.add(c.person().personId()));
        matched.addAll(persons);
        if (persons.isEmpty()) {
            return Optional.of(Violation.of(ErrorCode.REFERENCE_NUMBER_PERSON_NOT_FOUND, null));
        }
        if (persons.size() > 1) {
            return Optional.of(Violation.of(ErrorCode.REFERENCE_NUMBER_AMBIGUOUS, "InsuredBranchNumber"));
        }
        ReferenceNumberService.Registration registration = numbers.register(facility.institutionCode(),
                persons.iterator().next(), r.referenceNumber());
        return registration == ReferenceNumberService.Registration.NUMBER_IN_USE
                ? Optional.of(Violation.of(ErrorCode.REFERENCE_NUMBER_IN_USE, "ReferenceNumber")) : Optional.empty();
    }

    private XmlNode fileError(FacilityPrincipal caller, Facility facility, String fileId, Violation v, LocalDateTime now,
            CharacterCode cc) {
        audit.append(caller.institutionCode(), caller.actor(), ACTION, "file=" + safe(fileId), "FILE_ERROR " + v.code().code());
        return ReferenceNumberMessages.fileError(facility.institutionCode(), fileId, now, cc, v);
    }

    private static String safe(String s) {
        return s == null ? "-" : s.codePoints().limit(100).collect(StringBuilder::new,
                (sb, cp) -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp), StringBuilder::append).toString();
    }
}
