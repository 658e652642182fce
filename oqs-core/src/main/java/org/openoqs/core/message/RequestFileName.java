package org.openoqs.core.message;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name grammar of request files: {@code <SYS:3><si|mu><func:3><nn:2>req_<id>.<ext>}, e.g.
 * {@code OQSsiquc01req_20260401-0001.xml}. The answer carries the same name with {@code req_} replaced by
 * {@code res_}.
 *
 * @param prefix everything before {@code req_}, e.g. {@code OQSsiquc01}
 * @param id the facility's unique part between {@code req_} and the extension
 * @param extension without the dot, e.g. {@code xml} or {@code zip}
 */
public record RequestFileName(String prefix, String id, String extension) {

    private static final Pattern GRAMMAR =
            Pattern.compile("^([A-Z]{3}(?:si|mu)[a-z]{3}\\d{2})req_(.+?)(?:\\.([A-Za-z0-9]{1,8}))?$");

    /** Parses a file name; empty when it does not follow the request grammar. */
    public static Optional<RequestFileName> parse(String fileName) {
        if (fileName == null || fileName.contains("/") || fileName.contains("\\")) {
            return Optional.empty();
        }
        Matcher m = GRAMMAR.matcher(fileName);
        if (!m.matches() || m.group(2).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new RequestFileName(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3)));
    }

    /** The three-letter system: OQS, YZK, TKK, CIP, EPS, PMH. */
    public String system() {
        return prefix.substring(0, 3);
    }

    /** The name of the result file in the given extension, e.g. {@code OQSsiquc01res_<id>.xml}. */
    public String resultName(String resultExtension) {
        return prefix + "res_" + id + "." + resultExtension;
    }

    public String fileName() {
        return prefix + "req_" + id + (extension.isEmpty() ? "" : "." + extension);
    }
}
