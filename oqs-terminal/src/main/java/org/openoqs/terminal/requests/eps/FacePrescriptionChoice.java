package org.openoqs.terminal.requests.eps;

import org.openoqs.terminal.central.EpsGateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.code.PrescriptionIssueSelect;
import org.openoqs.core.eps.PrescriptionSelectionTiming;
import org.openoqs.core.eps.ReaderPrescriptionChoice;
import org.openoqs.core.message.QualificationInquiryResult;
import org.openoqs.terminal.linkage.CentralServiceUnavailableException;

/**
 * The reader's prescription choice for face results: whether the reader should ask (the facility's OQSCD038/039,
 * fetched from the service and cached briefly), and the face result with the patient's answer applied — set only
 * when the facility opted in, removed otherwise ({@link ReaderPrescriptionChoice}). The card path's reader calls
 * {@link #readerAsks()} before showing the question and {@link #apply} before writing the face file.
 */
public final class FacePrescriptionChoice {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final EpsGateway gateway;
    private final Clock clock;
    private final AtomicReference<Cached> cached = new AtomicReference<>();

    public FacePrescriptionChoice(EpsGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** True when the reader shows the electronic / paper question; false while the service cannot be asked. */
    public boolean readerAsks() {
        return current().readerAsks();
    }

    /**
     * @param chosen the patient's answer, or {@code null} when the reader did not ask or the patient skipped it
     */
    public QualificationInquiryResult apply(QualificationInquiryResult result, PrescriptionIssueSelect chosen) {
        if (result == null || result.body() == null) {
            return result;
        }
        return new QualificationInquiryResult(result.header(), current().apply(result.body(), chosen));
    }

    private ReaderPrescriptionChoice current() {
        Cached c = cached.get();
        Instant now = clock.instant();
        if (c != null && c.fetchedAt().plus(TTL).isAfter(now)) {
            return c.choice();
        }
        try {
            EpsGateway.ReaderSettings s = gateway.readerSettings();
            ReaderPrescriptionChoice choice = new ReaderPrescriptionChoice(s.ePrescriptionUse(),
                    CodeTable.find(PrescriptionSelectionTiming.class, s.selectionTiming())
                            .orElse(PrescriptionSelectionTiming.OUTSIDE_CONFIRMATION));
            cached.set(new Cached(choice, now));
            return choice;
        } catch (CentralServiceUnavailableException | org.openoqs.terminal.central.CentralServiceRefusedException e) {
            // Without the facility's answer the reader must not ask: a choice nobody opted into is never passed on.
            return c != null ? c.choice()
                    : new ReaderPrescriptionChoice("0", PrescriptionSelectionTiming.OUTSIDE_CONFIRMATION);
        }
    }

    private record Cached(ReaderPrescriptionChoice choice, Instant fetchedAt) {
    }
}
