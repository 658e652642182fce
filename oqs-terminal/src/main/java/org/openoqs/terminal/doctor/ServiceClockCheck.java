package org.openoqs.terminal.doctor;

import java.time.Duration;
import java.time.Instant;

/**
 * Seed ch. 3 (時刻の設定): the terminal's clock against the service's ({@code GET /api/v1/time}), the round trip halved
 * as the uncertainty. Up to {@link #WARN} is fine, up to {@link #FAIL} a warning; beyond it certificates and result
 * times go wrong.
 */
public final class ServiceClockCheck implements DoctorCheck {
    static final Duration WARN = Duration.ofSeconds(2);
    static final Duration FAIL = Duration.ofSeconds(60);

    @Override
    public String id() {
        return "clock.service";
    }

    @Override
    public Finding run(DoctorContext context) {
        DoctorContext.ServiceCall time = context.get("api/v1/time");
        if (!time.ok()) {
            return Finding.skip(id(), "サービスの時刻を取得できないため確認できません: " + time.failure());
        }
        long serverMillis = time.json().path("epochMillis").asLong();
        // the terminal's clock as the set-up sees it, at the middle of the round trip
        Duration rtt = Duration.between(time.sentAt(), time.receivedAt());
        Instant localMiddle = context.now().minus(Duration.between(time.sentAt(), Instant.now())).plus(rtt.dividedBy(2));
        Duration offset = Duration.ofMillis(localMiddle.toEpochMilli() - serverMillis);
        String shown = String.format("%+.1f 秒", offset.toMillis() / 1000.0);
        String fix = "端末の時刻同期（NTP、seed の手順では ntp.base.oqs-pdl.org）を設定し、今すぐ同期してください。";
        if (offset.abs().compareTo(FAIL) > 0) {
            return Finding.fail(id(), "端末の時刻がオンライン資格確認等システムと " + shown + " ずれています。", fix);
        }
        if (offset.abs().compareTo(WARN) > 0) {
            return Finding.warn(id(), "端末の時刻がオンライン資格確認等システムと " + shown + " ずれています。", fix);
        }
        return Finding.ok(id(), "端末の時刻はオンライン資格確認等システムと一致しています（差 " + shown + "、往復 "
                + rtt.toMillis() + " ms）");
    }
}
