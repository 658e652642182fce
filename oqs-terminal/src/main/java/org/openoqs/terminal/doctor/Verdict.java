package org.openoqs.terminal.doctor;

import java.util.Locale;

/**
 * The outcome of one doctor check. {@code SKIP}: the check does not apply to this set-up (e.g. no NTP server
 * configured) or could not run because a check it depends on failed — the message says which; it never counts
 * as a failure, the failure it depends on does.
 */
public enum Verdict {
    OK, WARN, FAIL, SKIP;

    /** {@code ok}, {@code warn}, {@code fail}, {@code skip} — as in {@code oqs doctor --json}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
