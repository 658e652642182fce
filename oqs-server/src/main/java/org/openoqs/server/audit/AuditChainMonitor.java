package org.openoqs.server.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Verifies the audit chain at start-up and then every {@code oqs.audit.verify-interval} (default one hour), and
 * reports the last result as the {@code auditChain} health component.
 *
 * <p>A broken chain does not stop the service (the decision, in docs/security.md): refusing to start would turn
 * anyone who can write one row of the database into someone who can stop eligibility checks everywhere, and the
 * broken entries are evidence to keep, not a reason to stop recording. Instead it is loud: an ERROR line at every
 * check naming the first entry that does not verify, and {@code /actuator/health} answers DOWN (HTTP 503) until a
 * verification succeeds again, so monitoring raises the alarm.
 */
@Component("auditChainHealthIndicator") // health component "auditChain" (docs/security.md)
public class AuditChainMonitor implements HealthIndicator, InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditChainMonitor.class);

    private final AuditLog audit;
    private final Clock clock;
    private final Duration interval;
    private volatile Result last;
    private ScheduledExecutorService scheduler;

    /** A verification and when it ran. */
    public record Result(Instant at, AuditVerification verification) {
    }

    public AuditChainMonitor(AuditLog audit, Clock clock,
                             @Value("${oqs.audit.verify-interval:PT1H}") Duration interval) {
        this.audit = audit;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void afterPropertiesSet() {
        check();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oqs-audit-verify");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1000, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::checkQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Verifies now, remembers and logs the result. */
    public Result check() {
        AuditVerification v = audit.verify();
        Result result = new Result(clock.instant(), v);
        last = result;
        if (v.intact()) {
            log.info("audit chain verified: {} entries intact (keyed from entry {})", v.checked(),
                    audit.key().epochStart());
        } else {
            log.error("AUDIT CHAIN BROKEN at entry {}: {} ({} entries checked). The audit trail has been altered "
                    + "outside the service; keep the database as it is for investigation.", v.firstBrokenId(),
                    v.reason(), v.checked());
        }
        return result;
    }

    /** The last verification (start-up or scheduled). */
    public Result last() {
        return last;
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("audit chain verification could not run", e);
        }
    }

    @Override
    public Health health() {
        Result r = last;
        if (r == null) {
            return Health.unknown().build();
        }
        if (r.verification().intact()) {
            return Health.up().withDetail("entries", r.verification().checked()).build();
        }
        return Health.down().withDetail("firstBrokenId", r.verification().firstBrokenId())
                .withDetail("reason", r.verification().reason()).withDetail("at", r.at().toString()).build();
    }
}
