package org.openoqs.core.registry;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Normalisation of 記号・番号・枝番 before they are compared. Facilities type these by hand from a card, so the
 * same number reaches OQS as {@code ＡＢ１２}, {@code ab12} or {@code  AB12 }. Rule (docs/eligibility.md):
 * Unicode NFKC (full-width digits and Latin letters become ASCII, half-width katakana becomes full-width),
 * dash look-alikes become {@code -}, every whitespace character is removed, Latin letters are upper-cased.
 * Leading zeros are significant (番号 {@code 0012} ≠ {@code 12}), except that a one-digit 枝番 is padded to two.
 */
public final class InsuranceIdentifiers {

    private InsuranceIdentifiers() {
    }

    /** The comparison form of a 記号 or 番号; {@code null} or blank gives {@code ""}. */
    public static String normalize(String value) {
        if (value == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(value, Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            switch (c) {
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63' -> sb.append('-');
                default -> sb.append(c);
            }
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /** The comparison form of a 枝番: normalised, and a single digit padded to two ({@code 1} → {@code 01}). */
    public static String normalizeBranch(String value) {
        String n = normalize(value);
        if (n.length() == 1 && n.charAt(0) >= '0' && n.charAt(0) <= '9') {
            return "0" + n;
        }
        return n;
    }

    /** True when the value is absent: {@code null} or nothing left after normalisation. */
    public static boolean isAbsent(String value) {
        return normalize(value).isEmpty();
    }
}
