package org.openoqs.server.logging;

import java.util.Locale;
import java.util.Map;

/**
 * The documented switch for JSON logs: {@code OQS_LOG_FORMAT=json} in the environment or
 * {@code -Dopenoqs.log.format=json} (the property wins). JSON is Spring Boot's structured console format (Logstash
 * field names: {@code @timestamp}, {@code level}, {@code logger_name}, {@code message}, MDC keys such as
 * {@code requestId} as fields), one object per line; anything else keeps the readable text lines.
 */
public final class LogFormat {

    public static final String PROPERTY = "openoqs.log.format";
    public static final String ENVIRONMENT = "OQS_LOG_FORMAT";
    /** One line per HTTP request (method, path, status, time): with JSON logs only. */
    public static final String ACCESS_LOGGER = "org.openoqs.server.access";

    private LogFormat() {
    }

    public static boolean json() {
        String chosen = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        return chosen != null && chosen.strip().toLowerCase(Locale.ROOT).equals("json");
    }

    /** The Spring logging properties for the chosen format. */
    public static void apply(Map<String, Object> springProperties) {
        boolean json = json();
        if (json) {
            springProperties.put("logging.structured.format.console", "logstash");
        }
        springProperties.put("logging.level." + ACCESS_LOGGER, json ? "INFO" : "WARN");
    }
}
