package org.openoqs.pki;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a certificate's holder is to be warned about its end date, as the seed's renewal client (MPKI クライアント)
 * does: once when 90, 60, 30, 15 and 7 days are left, and every day once it has expired. Shared by the terminal
 * (log, auto-renewal) and the central service (the web portal's notice), so both say the same thing.
 *
 * <p>Each warning belongs to a <em>slot</em> — {@code 90d} … {@code 7d}, or {@code expired-<date>} per day
 * after expiry (dates in Japan time). A holder remembers the last slot it warned for a certificate and warns
 * again only when the slot changes; a terminal that was switched off on day 30 still warns for 30 when it
 * comes back on day 25.
 */
public final class ExpiryWarningSchedule {
    /** Days before the end date at which a warning is due (descending). */
    public static final List<Integer> THRESHOLD_DAYS = List.of(90, 60, 30, 15, 7);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");

    private ExpiryWarningSchedule() {
    }

    /**
     * A warning due at {@code now}.
     *
     * @param daysLeft whole days until the end date (rounded down); negative after expiry
     * @param slot     {@code 90d}, {@code 60d}, {@code 30d}, {@code 15d}, {@code 7d} or {@code expired-yyyy-MM-dd}
     * @param message  Japanese, for the log and the portal
     */
    public record ExpiryWarning(Instant notAfter, long daysLeft, String slot, boolean expired, String message) {
        public ExpiryWarning {
            Objects.requireNonNull(notAfter, "notAfter");
            Objects.requireNonNull(slot, "slot");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Empty while more than 90 days are left. */
    public static Optional<ExpiryWarning> warningAt(Instant notAfter, Instant now) {
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(now, "now");
        String endDate = DATE.format(notAfter.atZone(JAPAN));
        if (now.isAfter(notAfter)) {
            LocalDate today = now.atZone(JAPAN).toLocalDate();
            long daysPast = Duration.between(notAfter, now).toDays();
            return Optional.of(new ExpiryWarning(notAfter, -daysPast, "expired-" + today, true,
                    "クライアント証明書の有効期限（" + endDate + "）が切れています" + (daysPast > 0 ? "（" + daysPast + "日経過）" : "")
                            + "。オンライン資格確認等システムに接続できません。証明書を更新してください。"));
        }
        long daysLeft = Duration.between(now, notAfter).toDays();
        Optional<Integer> threshold = THRESHOLD_DAYS.stream().filter(t -> daysLeft <= t)
                .reduce((larger, smaller) -> smaller);
        return threshold.map(t -> new ExpiryWarning(notAfter, daysLeft, t + "d", false,
                "クライアント証明書の有効期限（" + endDate + "）まであと" + daysLeft + "日です。"
                        + "期限までに証明書を更新してください。"));
    }
}
