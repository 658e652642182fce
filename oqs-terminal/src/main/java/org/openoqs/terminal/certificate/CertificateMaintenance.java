package org.openoqs.terminal.certificate;

import java.util.Optional;
import org.openoqs.pki.ExpiryWarningSchedule.ExpiryWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the terminal does about its certificate on every agent cycle: log the due expiry warning and, when the
 * installer allowed it ({@code certificate.auto-renew.days} in terminal.properties), renew itself once the end
 * date is that close. A failed renewal is logged and retried next cycle; the current certificate stays in use.
 */
public final class CertificateMaintenance implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(CertificateMaintenance.class);

    private final CertificateExpiryWarner warner;
    private final CertificateRenewalClient renewal;
    private final int autoRenewDays;

    /**
     * @param renewal       null when the terminal must not renew itself
     * @param autoRenewDays renew when at most this many days are left; 0 = never renew automatically
     */
    public CertificateMaintenance(CertificateExpiryWarner warner, CertificateRenewalClient renewal, int autoRenewDays) {
        if (autoRenewDays < 0) {
            throw new IllegalArgumentException("certificate.auto-renew.days must be >= 0");
        }
        this.warner = warner;
        this.renewal = renewal;
        this.autoRenewDays = autoRenewDays;
    }

    @Override
    public void run() {
        runOnce();
    }

    /** @return the renewal done in this run, if any */
    public Optional<RenewalResult> runOnce() {
        warner.check();
        Optional<ExpiryWarning> due = warner.due();
        if (renewal == null || autoRenewDays == 0 || due.isEmpty() || due.get().expired()
                || due.get().daysLeft() > autoRenewDays) {
            return Optional.empty(); // an expired certificate cannot authenticate a renewal: the CA must reissue
        }
        try {
            return Optional.of(renewal.renew());
        } catch (RenewalFailedException e) {
            log.error("クライアント証明書を自動更新できませんでした: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
