package org.openoqs.terminal.health;

import java.time.Instant;

/**
 * One reason the terminal is not fully healthy.
 *
 * @param code    stable machine code, e.g. {@code CENTRAL_SERVICE_UNREACHABLE}
 * @param message what the facility's staff should know, in Japanese
 * @param detail  the technical cause (the operating system's or the connection's own words)
 * @param since   when the problem started
 */
public record HealthProblem(String code, String message, String detail, Instant since) {

    public static final String CENTRAL_SERVICE_UNREACHABLE = "CENTRAL_SERVICE_UNREACHABLE";
    public static final String RESULT_FOLDER_NOT_WRITABLE = "RESULT_FOLDER_NOT_WRITABLE";
}
