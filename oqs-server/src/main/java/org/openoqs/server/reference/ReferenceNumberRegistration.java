package org.openoqs.server.reference;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.number.CheckDigit;
import org.openoqs.core.number.InsurerNumber;
import org.openoqs.core.number.InvalidNumberException;
import org.openoqs.core.validation.InquiryValidator;
import org.openoqs.core.error.Violation;
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
 * the block echoed. Audited.
 */
@Service
public class ReferenceNumberRegistration {

    public static final String ACTION = "REFERENCE_NUMBER_REGISTRATION";
    public static final int MAX_LENGTH = 50;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final String BLOCK = "ReferenceNumberRegistrationInfo";

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
        if (!"XmlMsg".equals(root.name())) {
            return fileError(caller, facility, null, Violation.of(ErrorCode.WRONG_ROOT, null), now, cc);
        }
        Optional<XmlNode> header = root.child("MessageHeader");
        if (header.isEmpty()) {
            return fileError(caller, facility, null, Violation.of(ErrorCode.MISSING_MESSAGE_HEADER, null), now, cc);
        }
        String fileId = header.get().text("ArbitraryFileIdentifier").orElse(null);
        Optional<Violation> headerFault = institutionFault(header.get().text("MedicalInstitutionCode").orElse(null),
                facility.institutionCode());
        if (headerFault.isEmpty() && fileId != null && fileId.length() > InquiryValidator.MAX_FILE_IDENTIFIER) {
            headerFault = Optional.of(Violation.of(ErrorCode.ARBITRARY_FILE_IDENTIFIER_TOO_LONG, "ArbitraryFileIdentifier"));
        }
        if (headerFault.isEmpty() && root.child("MessageBody").isEmpty()) {
            headerFault = Optional.of(Violation.of(ErrorCode.MISSING_MESSAGE_BODY, "MessageBody"));
        }
        if (headerFault.isPresent()) {
            return fileError(caller, facility, fileId, headerFault.get(), now, cc);
        }
        XmlNode block = root.child("MessageBody").flatMap(b -> b.child(BLOCK)).orElse(null);
        Entry entry = new Entry(block);
        Optional<Violation> fault = entry.fault();
        if (fault.isEmpty()) {
            fault = registerEntry(facility, entry);
        }
        String outcome = fault.map(v -> "PERSON_ERROR " + v.code().code()).orElse("OK");
        audit.append(caller.institutionCode(), caller.actor(), ACTION, "file=" + safe(fileId) + ";persons="
                + String.join(",", entry.persons), outcome);
        XmlNode.Builder body = XmlNode.builder("MessageBody")
                .leaf("ProcessingResultStatus", fault.isPresent() ? "2" : "1");
        fault.ifPresent(v -> body.leaf("ProcessingResultCode", v.code().code()).leaf("ProcessingResultMessage", v.message()));
        if (block != null) {
            body.child(block);
        }
        return XmlNode.element("XmlMsg", header(facility.institutionCode(), fileId, now, cc, null).build(), body.build());
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
        Entry entry = new Entry(block);
        Optional<Violation> fault = entry.fault();
        if (fault.isEmpty()) {
            fault = registerEntry(facility, entry);
        }
        persons.addAll(entry.persons);
        return fault;
    }

    private Optional<Violation> registerEntry(Facility facility, Entry e) {
        List<EligibilityService.Candidate> candidates = new EligibilityService(registry).candidates(e.insurer,
                e.symbol, e.number, e.branch, null);
        Set<String> persons = new LinkedHashSet<>();
        candidates.forEach(c -> persons.add(c.person().personId()));
        e.persons.addAll(persons);
        if (persons.isEmpty()) {
            return Optional.of(Violation.of(ErrorCode.REFERENCE_NUMBER_PERSON_NOT_FOUND, null));
        }
        if (persons.size() > 1) {
            return Optional.of(Violation.of(ErrorCode.REFERENCE_NUMBER_AMBIGUOUS, "InsuredBranchNumber"));
        }
        ReferenceNumberService.Registration r = numbers.register(facility.institutionCode(), persons.iterator().next(),
                e.referenceNumberStripped);
        return r == ReferenceNumberService.Registration.NUMBER_IN_USE
                ? Optional.of(Violation.of(ErrorCode.REFERENCE_NUMBER_IN_USE, "ReferenceNumber")) : Optional.empty();
    }

    private XmlNode fileError(FacilityPrincipal caller, Facility facility, String fileId, Violation v, LocalDateTime now,
            CharacterCode cc) {
        audit.append(caller.institutionCode(), caller.actor(), ACTION, "file=" + safe(fileId), "FILE_ERROR " + v.code().code());
        return XmlNode.element("XmlMsg", header(facility.institutionCode(), fileId, now, cc, v).build(),
                XmlNode.builder("MessageBody").build());
    }

    private static XmlNode.Builder header(String institution, String fileId, LocalDateTime now, CharacterCode cc,
            Violation fileFault) {
        XmlNode.Builder h = XmlNode.builder("MessageHeader")
                .leaf("ProcessExecutionTime", now.format(DATE_TIME))
                .leaf("MedicalInstitutionCode", institution)
                .leaf("ArbitraryFileIdentifier", fileId)
                .leaf("SegmentOfResult", fileFault == null ? "1" : "9");
        if (fileFault != null) {
            h.leaf("ErrorCode", fileFault.code().code()).leaf("ErrorMessage", fileFault.message());
        }
        return h.leaf("CharacterCodeIdentifier", cc.code());
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

    private static String safe(String s) {
        return s == null ? "-" : s.codePoints().limit(100).collect(StringBuilder::new,
                (sb, cp) -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp), StringBuilder::append).toString();
    }

    /** The registration block, read and screened. */
    private static final class Entry {
        final String referenceNumber;
        final String symbol;
        final String number;
        final String branch;
        final String rawInsurer;
        InsurerNumber insurer;
        String referenceNumberStripped;
        final Set<String> persons = new LinkedHashSet<>();
        private final boolean present;

        Entry(XmlNode block) {
            present = block != null;
            referenceNumber = text(block, "ReferenceNumber");
            rawInsurer = text(block, "InsurerNumber");
            symbol = text(block, "InsuredCardSymbol");
            number = text(block, "InsuredIdentificationNumber");
            branch = text(block, "InsuredBranchNumber");
        }

        Optional<Violation> fault() {
            if (!present || referenceNumber == null || referenceNumber.isBlank()) {
                return Optional.of(Violation.of(ErrorCode.MISSING_REFERENCE_NUMBER, "ReferenceNumber"));
            }
            if (referenceNumber.strip().codePointCount(0, referenceNumber.strip().length()) > MAX_LENGTH
                    || referenceNumber.chars().anyMatch(Character::isISOControl)) {
                return Optional.of(Violation.of(ErrorCode.REFERENCE_NUMBER_TOO_LONG, "ReferenceNumber"));
            }
            if (rawInsurer == null || rawInsurer.isBlank()) {
                return Optional.of(Violation.of(ErrorCode.MISSING_INSURER_NUMBER, "InsurerNumber"));
            }
            String digits = rawInsurer.strip();
            if (!digits.matches("[0-9]{6}|[0-9]{8}")) {
                return Optional.of(Violation.of(ErrorCode.INVALID_INSURER_NUMBER_FORMAT, "InsurerNumber"));
            }
            try {
                insurer = InquiryValidator.normalizedInsurerNumber(rawInsurer);
            } catch (InvalidNumberException e) {
                return Optional.of(Violation.of(ErrorCode.INVALID_INSURER_NUMBER_CHECK_DIGIT, "InsurerNumber"));
            }
            if (symbol != null && symbol.length() > InquiryValidator.MAX_SYMBOL) {
                return Optional.of(Violation.of(ErrorCode.INSURED_CARD_SYMBOL_TOO_LONG, "InsuredCardSymbol"));
            }
            if (number == null || number.isBlank()) {
                return Optional.of(Violation.of(ErrorCode.MISSING_INSURED_IDENTIFICATION_NUMBER, "InsuredIdentificationNumber"));
            }
            if (number.length() > InquiryValidator.MAX_IDENTIFICATION_NUMBER) {
                return Optional.of(Violation.of(ErrorCode.INSURED_IDENTIFICATION_NUMBER_TOO_LONG, "InsuredIdentificationNumber"));
            }
            if (branch != null && !branch.isBlank() && !branch.strip().matches("[0-9]{2}")) {
                return Optional.of(Violation.of(ErrorCode.INVALID_BRANCH_NUMBER, "InsuredBranchNumber"));
            }
            referenceNumberStripped = referenceNumber.strip();
            return Optional.empty();
        }

        private static String text(XmlNode block, String name) {
            return block == null ? null : block.text(name).orElse(null);
        }
    }
}
