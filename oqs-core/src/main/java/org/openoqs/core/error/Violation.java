package org.openoqs.core.error;

import java.util.Objects;

/**
 * One broken rule of an input.
 *
 * @param code the error reported for it (its level says where it goes in the result)
 * @param field the element name at fault, e.g. {@code InsurerNumber}; {@code null} for whole-file problems
 * @param detail specific Japanese detail safe to show (e.g. {@code 7桁です}), or {@code null}
 */
public record Violation(ErrorCode code, String field, String detail) {

    public Violation {
        Objects.requireNonNull(code, "code");
    }

    public static Violation of(ErrorCode code, String field) {
        return new Violation(code, field, null);
    }

    /** The Japanese message for the result file: the code's message (which names the field) plus the detail. */
    public String message() {
        return code.messageWith(detail);
    }

    public boolean isFileLevel() {
        return code.isFileLevel();
    }

    /**
     * A value as written, made safe and short for a message: control characters become {@code ?}, at most 30
     * characters, {@code …} when cut.
     */
    public static String shown(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        raw.codePoints().limit(30).forEach(cp -> sb.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
        if (raw.codePointCount(0, raw.length()) > 30) {
            sb.append('…');
        }
        return sb.toString();
    }
}
