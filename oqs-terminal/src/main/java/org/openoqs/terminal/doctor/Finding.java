package org.openoqs.terminal.doctor;

import java.util.Objects;

/**
 * One line of the doctor's report.
 *
 * @param id      stable check id (docs/doctor.md maps each to the seed's step)
 * @param message Japanese: what was found
 * @param fix     Japanese: what to do; empty when nothing is to be done
 */
public record Finding(String id, Verdict status, String message, String fix) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    public static Finding ok(String id, String message) {
        return new Finding(id, Verdict.OK, message, "");
    }

    public static Finding warn(String id, String message, String fix) {
        return new Finding(id, Verdict.WARN, message, fix);
    }

    public static Finding fail(String id, String message, String fix) {
        return new Finding(id, Verdict.FAIL, message, fix);
    }

    public static Finding skip(String id, String message) {
        return new Finding(id, Verdict.SKIP, message, "");
    }
}
