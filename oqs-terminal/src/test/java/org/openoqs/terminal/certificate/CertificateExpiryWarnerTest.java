package org.openoqs.terminal.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openoqs.pki.CertificateAuthority;
import org.slf4j.LoggerFactory;

/** The terminal log warns 90/60/30/15/7 days before the end date and every day after it, each once. */
class CertificateExpiryWarnerTest {
    @TempDir
    Path tmp;

    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final AtomicReference<Instant> now = new AtomicReference<>();
    X509Certificate certificate;
    CertificateExpiryWarner warner;

    @BeforeEach
    void setUp() {
        ((Logger) LoggerFactory.getLogger(CertificateExpiryWarner.class)).addAppender(log);
        log.start();
        CertificateAuthority ca = CertificateAuthority.initOrLoad(tmp.resolve("ca"), "openoqs Test CA");
        certificate = ca.issueFacilityCertificate("0113810014", "オープン診療所").certificate();
        warner = new CertificateExpiryWarner(tmp.resolve("terminal"), () -> certificate, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger(CertificateExpiryWarner.class)).detachAppender(log);
    }

    /** Runs the daily check from {@code fromDaysBefore} to {@code toDaysAfter} the end date, once a day. */
    private List<String> dailyChecks(int fromDaysBefore, int toDaysAfter) {
        Instant end = certificate.getNotAfter().toInstant();
        List<String> slots = new ArrayList<>();
        for (int day = -fromDaysBefore; day <= toDaysAfter; day++) {
            now.set(end.plus(Duration.ofDays(day)).plus(Duration.ofHours(1)));
            warner.check().ifPresent(w -> slots.add(w.slot()));
        }
        return slots;
    }

    @Test
    void warnsOnceAtEachThresholdAndDailyAfterExpiry() {
        List<String> slots = dailyChecks(120, 3); // expired on days 0, 1, 2 and 3 after the end date

        assertThat(slots).hasSize(9);
        assertThat(slots.subList(0, 5)).containsExactly("90d", "60d", "30d", "15d", "7d");
        assertThat(slots.subList(5, 9)).allSatisfy(s -> assertThat(s).startsWith("expired-")).doesNotHaveDuplicates();
        assertThat(log.list).hasSize(9);
        assertThat(log.list.get(2).getFormattedMessage()).contains("あと30日").contains("証明書シリアル");
        assertThat(log.list.get(8).getLevel().toString()).isEqualTo("ERROR");
        assertThat(log.list.get(8).getFormattedMessage()).contains("切れています");
    }

    @Test
    void aRestartDoesNotRepeatAWarningAlreadyGiven() {
        now.set(certificate.getNotAfter().toInstant().minus(Duration.ofDays(20)));
        assertThat(warner.check()).isPresent();

        CertificateExpiryWarner afterRestart = new CertificateExpiryWarner(tmp.resolve("terminal"), () -> certificate,
                Clock.fixed(now.get(), ZoneOffset.UTC));

        assertThat(afterRestart.check()).isEmpty();
        assertThat(afterRestart.due()).map(w -> w.slot()).contains("30d");
    }

    @Test
    void nothingIsLoggedWhileMoreThanNinetyDaysAreLeft() {
        now.set(certificate.getNotAfter().toInstant().minus(Duration.ofDays(200)));

        assertThat(warner.check()).isEmpty();
        assertThat(log.list).isEmpty();
    }
}
