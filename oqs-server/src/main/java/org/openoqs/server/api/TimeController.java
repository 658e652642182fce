package org.openoqs.server.api;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/time}: the service's clock, for the terminal's clock-skew check. */
@RestController
@RequestMapping("/api/v1")
public class TimeController {

    private static final DateTimeFormatter PROCESS_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");

    private final Clock clock;

    public TimeController(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param serverTime  ISO-8601 with offset, Asia/Tokyo
     * @param epochMillis milliseconds since the epoch
     * @param zone        always {@code Asia/Tokyo}
     * @param processTime {@code yyyyMMddHHmmss} as in result headers
     */
    public record ServerTime(String serverTime, long epochMillis, String zone, String processTime) {
    }

    @GetMapping("/time")
    public ServerTime time() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ZonedDateTime local = now.atZone(clock.getZone());
        return new ServerTime(local.toOffsetDateTime().toString(), now.toEpochMilli(), clock.getZone().getId(),
                local.format(PROCESS_TIME));
    }
}
