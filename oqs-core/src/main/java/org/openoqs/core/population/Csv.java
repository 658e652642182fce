package org.openoqs.core.population;

/** Minimal RFC 4180 writer: quotes a field only when it holds a comma, a double quote, CR or LF. */
final class Csv {

    private Csv() {
    }

    /** One field, quoted when needed; {@code null} becomes the empty field. */
    public static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Appends one row terminated by LF. */
    public static void row(StringBuilder sb, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields[i]));
        }
        sb.append('\n');
    }
}
