package org.openoqs.terminal.central;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openoqs.core.code.CharacterCode;
import org.openoqs.core.code.ReferenceClassification;
import org.openoqs.core.code.SegmentOfResult;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.eligibility.EligibilityService;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.message.QualificationInquiryRequest;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.core.message.QualificationResultBody;
import org.openoqs.core.message.ResultHeader;
import org.openoqs.core.registry.QualificationRegistry;

/**
 * A central service in the same process, answering from any {@link QualificationRegistry} with the same
 * eligibility rules as the real service. For terminal tests and offline vendor set-ups; it has no network,
 * certificates or audit, and it can be switched "down" to rehearse outages.
 */
public final class SimulatedCentralService implements CentralService {

    private final String institutionCode;
    private final EligibilityService eligibility;
    private final Clock clock;
    private final AtomicReference<CharacterCode> characterCode = new AtomicReference<>(CharacterCode.UTF_8);
    private volatile boolean medicalAssistance = true;
    private volatile boolean available = true;

    public SimulatedCentralService(String institutionCode, QualificationRegistry registry, Clock clock) {
        this.institutionCode = institutionCode;
        this.eligibility = new EligibilityService(registry);
        this.clock = clock;
    }

    @Override
    public QualificationInquiryResult inquire(QualificationInquiryRequest request) {
        requireAvailable();
        if (!institutionCode.equals(request.header().medicalInstitutionCode().strip())) {
            throw new CentralServiceRefusedException(ErrorCode.INSTITUTION_MISMATCH, ErrorCode.INSTITUTION_MISMATCH.message());
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDate date = QualificationMessages.parseDate(request.header().qualificationConfirmationDate().strip())
                .orElseThrow();
        QualificationResultBody body = eligibility.answer(request.searchInfo(), date, medicalAssistance, (String) null, now);
        ResultHeader header = new ResultHeader(now, date, institutionCode, request.header().arbitraryFileIdentifier(),
                ReferenceClassification.INSURANCE_CARD_NUMBERS, SegmentOfResult.COMPLETED, null, null,
                characterCode.get());
        return new QualificationInquiryResult(header, body);
    }

    @Override
    public CharacterCode resultCharacterCode() {
        requireAvailable();
        return characterCode.get();
    }

    /** The facility's result character code (環境設定). */
    public void setCharacterCode(CharacterCode code) {
        characterCode.set(code);
    }

    /** The facility's 医療扶助 opt-in. */
    public void setMedicalAssistance(boolean enabled) {
        medicalAssistance = enabled;
    }

    /** Simulates an outage: calls throw {@code CentralServiceUnavailableException} until switched back. */
    public void setAvailable(boolean up) {
        available = up;
    }

    /** Whether the simulated service is up (not switched "down"). */
    boolean available() {
        return available;
    }

    /** Whether the facility has opted in to 医療扶助. */
    boolean medicalAssistance() {
        return medicalAssistance;
    }

    /** The facility this simulated service answers for. */
    String institutionCode() {
        return institutionCode;
    }

    /** Throws as the network would while the simulated service is switched "down" (every simulated port obeys). */
    void requireAvailable() {
        if (!available) {
            throw new org.openoqs.terminal.linkage.CentralServiceUnavailableException("simulated outage");
        }
    }
}
