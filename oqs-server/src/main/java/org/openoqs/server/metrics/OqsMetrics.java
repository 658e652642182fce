package org.openoqs.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openoqs.server.facility.Facility;
import org.springframework.stereotype.Component;

/**
 * The service's own figures for Prometheus ({@code /actuator/prometheus} on the management port, docs/metrics.md):
 * per operation a counter {@code oqs_<name>_total} and a latency histogram {@code oqs_<name>_seconds}, both labelled
 * {@code outcome} and {@code facility_kind} (medical / dental / pharmacy / unknown).
 */
@Component
public class OqsMetrics {

    /** Label of a request whose facility is not known (no or a refused certificate). */
    public static final String UNKNOWN_FACILITY = "unknown";

    /** What is counted; the names become {@code oqs_inquiries_total} and {@code oqs_inquiry_seconds} etc. */
    public enum Operation {
        INQUIRY("oqs.inquiries", "oqs.inquiry"),
        CARD("oqs.card.requests", "oqs.card.request"),
        BULK("oqs.bulk.requests", "oqs.bulk.request"),
        EPRESCRIPTION("oqs.eprescription.requests", "oqs.eprescription.request"),
        /** 電子カルテ情報共有サービス: registration, list, delete and retrieval under /api/v1/clins/. */
        CLINS("oqs.clins.requests", "oqs.clins.request");

        private final String counter;
        private final String timer;

        Operation(String counter, String timer) {
            this.counter = counter;
            this.timer = timer;
        }

        /** Micrometer's name of the counter ({@code oqs.inquiries} → {@code oqs_inquiries_total}). */
        public String counterName() {
            return counter;
        }

        /** Micrometer's name of the timer ({@code oqs.inquiry} → {@code oqs_inquiry_seconds_*}). */
        public String timerName() {
            return timer;
        }
    }

    private final MeterRegistry registry;
    /**
     * The meters of each label set, registered once: building and registering them on every request showed as lock
     * contention in Micrometer's registry under the terminal API's load (docs/performance.md). The label sets are as
     * few as the registry's own meters (operations × outcomes × facility kinds).
     */
    private final Map<MeterKey, Meters> meters = new ConcurrentHashMap<>();

    private record MeterKey(Operation operation, String outcome, String facilityKind) {
    }

    private record Meters(Counter counter, Timer timer) {
    }

    public OqsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Operation operation, String outcome, String facilityKind, Duration took) {
        Meters m = meters.computeIfAbsent(new MeterKey(operation, outcome, facilityKind), this::register);
        m.counter().increment();
        m.timer().record(took);
    }

    private Meters register(MeterKey key) {
        Counter counter = Counter.builder(key.operation().counter)
                .description("requests answered, by outcome and facility kind")
                .tag("outcome", key.outcome()).tag("facility_kind", key.facilityKind()).register(registry);
        Timer timer = Timer.builder(key.operation().timer).description("time to answer, by outcome and facility kind")
                .tag("outcome", key.outcome()).tag("facility_kind", key.facilityKind())
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry);
        return new Meters(counter, timer);
    }

    public static String facilityKind(Facility facility) {
        return facility == null ? UNKNOWN_FACILITY : facility.kind().name().toLowerCase(Locale.ROOT);
    }
}
