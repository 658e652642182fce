package org.openoqs.server.distribution;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openoqs.pki.ExpiryWarningSchedule;
import org.springframework.stereotype.Service;

/**
 * The certificate-expiry notices of one facility, for the web portal: for every terminal in the 配信記録, the
 * warning due for the client certificate it presented last (90/60/30/15/7 days before, then daily after expiry —
 * {@link ExpiryWarningSchedule}, the same rule the terminal logs by). Computed when asked, so an expired certificate
 * (whose terminal can no longer connect) keeps being reported every day.
 *
 * <p>Portal use: {@code warnings.forFacility(code)} → show each {@link TerminalCertificateWarning#message()} with
 * the computer name; an empty list means nothing is due.
 */
@Service
public class CertificateExpiryWarnings {

    private final DistributionService distribution;
    private final Clock clock;

    public CertificateExpiryWarnings(DistributionService distribution, Clock clock) {
        this.distribution = distribution;
        this.clock = clock;
    }

    /**
     * @param computerName the terminal the certificate belongs to
     * @param daysLeft     whole days left; negative after expiry
     * @param message      Japanese, ready to show
     */
    public record TerminalCertificateWarning(String computerName, String certificateSerial, Instant notAfter,
                                             long daysLeft, boolean expired, String message) {
    }

    public List<TerminalCertificateWarning> forFacility(String institutionCode) {
        Instant now = clock.instant();
        List<TerminalCertificateWarning> warnings = new ArrayList<>();
        for (TerminalRecord terminal : distribution.terminals(institutionCode)) {
            ExpiryWarningSchedule.warningAt(terminal.certificateNotAfter(), now).ifPresent(w ->
                    warnings.add(new TerminalCertificateWarning(terminal.computerName(), terminal.certificateSerial(),
                            w.notAfter(), w.daysLeft(), w.expired(), w.message())));
        }
        return warnings;
    }
}
