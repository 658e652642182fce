package org.openoqs.terminal.doctor;

import java.security.cert.X509Certificate;
import java.time.Instant;
import org.openoqs.pki.ExpiryWarningSchedule;

/**
 * Seed ch. 6 (MPKIクライアント: 更新通知) and the closing notes (有効期限が切れた古いクライアント証明書): the certificate is
 * inside its validity window; within 30 days of its end date it is a warning (the renewal client's notices start
 * at 90 days, doctor asks for action from 30 on).
 */
public final class CertificateValidityCheck implements DoctorCheck {
    static final long WARN_DAYS = 30;

    @Override
    public String id() {
        return "certificate.validity";
    }

    @Override
    public Finding run(DoctorContext context) {
        var cert = context.certificate();
        if (cert.value().isEmpty()) {
            return Finding.skip(id(), "certificate.present が失敗したため確認できません。");
        }
        X509Certificate leaf = cert.value().get();
        Instant now = context.now();
        String renew = "oqs ca renew --home <端末ホーム> --from-terminal で更新するか、認証局で再発行してください（docs/certificates.md）。";
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            return Finding.fail(id(), "クライアント証明書の有効期間がまだ始まっていません（開始 " + leaf.getNotBefore().toInstant()
                    + "）。端末の時刻がずれている可能性があります。", "端末の時刻を確認してください（clock.service）。");
        }
        var warning = ExpiryWarningSchedule.warningAt(leaf.getNotAfter().toInstant(), now);
        if (warning.isPresent() && warning.get().expired()) {
            return Finding.fail(id(), warning.get().message(), renew);
        }
        if (warning.isPresent() && warning.get().daysLeft() <= WARN_DAYS) {
            return Finding.warn(id(), warning.get().message(), renew);
        }
        return Finding.ok(id(), "クライアント証明書は有効です（有効期限 " + leaf.getNotAfter().toInstant() + "）");
    }
}
