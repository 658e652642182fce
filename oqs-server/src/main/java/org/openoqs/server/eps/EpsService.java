package org.openoqs.server.eps;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.openoqs.core.codec.eps.EpsMessages;
import org.openoqs.core.eps.EpsOperation;
import org.openoqs.core.eps.EpsRejectedException;
import org.openoqs.core.eps.EpsResultCode;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.error.Violation;
import org.openoqs.core.xml.XmlNode;
import org.openoqs.server.audit.AuditLog;
import org.openoqs.server.facility.EPrescriptionUse;
import org.openoqs.server.facility.Facility;
import org.openoqs.server.security.FacilityPrincipal;
import org.springframework.stereotype.Service;

/**
 * Every 電子処方箋 request, whichever way it came (terminal API, files through the terminal, the portal): the
 * envelope is checked (file-level errors), then the facility's 電子処方箋 setting and kind ({@code EPSA1001E},
 * {@code EPSA1002E}/{@code EPSA1003E}), then the body is read and the operation carried out. Every request is
 * audited with its outcome. The answer is always a result message, never an exception, except for a request
 * naming another facility ({@link InstitutionMismatchException}).
 */
@Service
public class EpsService {

    private final PrescriptionRegistrar registrar;
    private final PrescriptionQueries queries;
    private final PrescriptionMoves moves;
    private final AuditLog audit;
    private final Clock clock;

    EpsService(PrescriptionRegistrar registrar, PrescriptionQueries queries, PrescriptionMoves moves, AuditLog audit,
            Clock clock) {
        this.registrar = registrar;
        this.queries = queries;
        this.moves = moves;
        this.audit = audit;
        this.clock = clock;
    }

    /** Thrown when the request's {@code MedicalInstitutionCode} is not the caller's. */
    public static final class InstitutionMismatchException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Violation violation;

        InstitutionMismatchException(Violation violation) {
            super(violation.message());
            this.violation = violation;
        }

        public Violation violation() {
            return violation;
        }
    }

    /**
     * @param caller   the authenticated facility (audit actor)
     * @param facility the caller's facility with its current settings
     * @param root     the request message ({@code XmlMsg})
     * @return the result message ({@code XmlMsg})
     */
    public XmlNode handle(FacilityPrincipal caller, Facility facility, EpsOperation operation, XmlNode root) {
        return handle(caller.institutionCode(), caller.actor(), facility, operation, root);
    }

    /** The same for callers that are not a certificate (the portal: {@code actor} names the account). */
    public XmlNode handle(String institutionCode, String actor, Facility facility, EpsOperation operation, XmlNode root) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String action = "EPS_" + operation.name();
        Optional<Violation> fileLevel = EpsMessages.fileLevelViolation(root, facility.institutionCode());
        if (fileLevel.isPresent()) {
            Violation v = fileLevel.get();
            audit.append(institutionCode, actor, action, null, "REFUSED " + v.code().code());
            if (v.code() == ErrorCode.INSTITUTION_MISMATCH) {
                throw new InstitutionMismatchException(v);
            }
            return EpsMessages.fileLevelError(now, facility.institutionCode(), safeIdentifier(root), v.code(),
                    v.detail(), facility.settings().characterCode());
        }
        EpsOutcome outcome;
        try {
            outcome = carryOut(facility, operation, EpsMessages.body(root), now);
        } catch (EpsRejectedException refused) {
            outcome = new EpsOutcome(EpsMessages.refusal(refused.checks()), null, "REFUSED " + refused.code().code());
        }
        audit.append(institutionCode, actor, action, outcome.subject(), outcome.result());
        return EpsMessages.result(EpsMessages.ResultHeader.completed(now, facility.institutionCode(),
                EpsMessages.arbitraryFileIdentifier(root), facility.settings().characterCode()), outcome.body());
    }

    private EpsOutcome carryOut(Facility facility, EpsOperation operation, XmlNode body, LocalDateTime now) {
        if (facility.settings().ePrescription() == EPrescriptionUse.NOT_USED) {
            throw new EpsRejectedException(EpsResultCode.NOT_ENABLED, null);
        }
        Optional<EpsResultCode> wrongKind = operation.refuseCaller(facility.kind().scoreTable());
        if (wrongKind.isPresent()) {
            throw new EpsRejectedException(wrongKind.get(), facility.kind().label());
        }
        return switch (operation) {
            case REGISTER -> registrar.register(facility, EpsMessages.readRegister(body), now);
            case SEARCH -> queries.search(facility, EpsMessages.readSearch(body, now.toLocalDate()));
            case STATUS -> queries.status(facility, EpsMessages.readById(body));
            case CANCEL -> moves.cancel(facility, EpsMessages.readById(body), now);
            case COPY -> queries.copy(facility, EpsMessages.readById(body), now);
            case RECEIVE -> moves.receive(facility, EpsMessages.readReceive(body), now);
            case DISPENSING_RESULT -> moves.dispense(facility, EpsMessages.readDispense(body, now.toLocalDate()), now);
            case DISPENSING_RESULTS -> queries.dispensingResults(facility, EpsMessages.readDispensingResultList(body));
        };
    }

    private static String safeIdentifier(XmlNode root) {
        return root.name().equals(EpsMessages.ROOT) ? EpsMessages.arbitraryFileIdentifier(root) : null;
    }
}
