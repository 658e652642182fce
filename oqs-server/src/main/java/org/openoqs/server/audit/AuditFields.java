package org.openoqs.server.audit;

/**
 * The column limits of {@code audit_event} and how every entry is made to fit them before it is hashed and
 * written: a value longer than its column is cut and ends with a marker telling how many characters were dropped
 * ({@code …[+1234]}), and control characters (line breaks that could fake log lines, NUL) become {@code ?}.
 * Applied centrally in {@link AuditLog}, so no caller — however long the URL or file name it audits — can make an
 * entry that does not fit, and so fail the batch it is committed with.
 */
final class AuditFields {

    static final int FACILITY = 10;
    static final int ACTOR = 200;
    static final int ACTION = 64;
    static final int SUBJECT = 1000;
    static final int OUTCOME = 500;

    private AuditFields() {
    }

    /**
     * The value as it is stored: printable, at most {@code max} characters ({@code null} stays {@code null}).
     * Cuts at a code-point boundary, so a cut never leaves half a surrogate pair.
     */
    static String bound(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = printable(value);
        if (clean.length() <= max) {
            return clean;
        }
        String marker = "…[+" + (clean.length() - max) + "]";
        int keep = Math.max(0, max - marker.length() - 2);
        if (keep > 0 && Character.isHighSurrogate(clean.charAt(keep - 1))) {
            keep--;
        }
        String cut = clean.substring(0, keep);
        marker = "…[+" + (clean.length() - keep) + "]";
        return cut + marker;
    }

    /** An institution code is never cut: a value too long to be one is not a facility, and is stored as none. */
    static String facility(String value) {
        return value == null || value.length() > FACILITY ? null : printable(value);
    }

    private static String printable(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(value.length()).append(value, 0, i);
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? value : out.toString();
    }
}
