package org.openoqs.server.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.openoqs.server.ServerConfig;

/** Instants as the portal shows them: Japan time, numeric. */
final class JstFormat {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private JstFormat() {
    }

    static String day(Instant instant) {
        return instant == null ? "－" : instant.atZone(ServerConfig.TOKYO).format(DAY);
    }

    static String minute(Instant instant) {
        return instant == null ? "－" : instant.atZone(ServerConfig.TOKYO).format(MINUTE);
    }
}
