package org.openoqs.core.clins;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Bundle.identifier} of a CLINS upload (system {@value #SYSTEM}): {@code <医療機関コード>^<発行年>^<施設内ID>},
 * the JP-CLINS package's own pattern (../shared/spec/CIP-PMH.md §1.3). The identifier names what a later upload
 * replaces or deletes.
 */
public record ClinsBundleIdentifier(String value, String institutionCode, String year, String localId) {

    public static final String SYSTEM = "http://jpfhir.jp/fhir/clins/bundle-identifier";
    private static final Pattern PATTERN =
            Pattern.compile("([0-4][0-9][1-3][0-9]{7})\\^(20[2-3][0-9])\\^([A-Za-z0-9\\-]{1,36})");

    public static Optional<ClinsBundleIdentifier> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = PATTERN.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ClinsBundleIdentifier(value, m.group(1), m.group(2), m.group(3)));
    }
}
