package org.openoqs.terminal.linkage;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.openoqs.files.DurableWrites;

/** Classifies the names found in the {@code req} folder. */
final class RequestNames {

    enum Kind {
        /** Matches the request grammar: a candidate for processing. */
        REQUEST,
        /** Hidden or still being written under a temporary name: ignored silently. */
        TEMPORARY,
        /** Anything else: left alone (the agent logs it once). */
        FOREIGN
    }

    // <SYS:3 upper><si|mu><func:3 lower><step:2 digits>req_<suffix> (INTERFACE.md §2.1)
    private static final Pattern REQUEST = Pattern.compile("^[A-Z]{3}(si|mu)[a-z]{3}\\d{2}req_.+$");
    private static final List<String> TEMPORARY_SUFFIXES = List.of(".tmp", ".part", ".crdownload", ".swp");

    private RequestNames() {
    }

    static Kind classify(String name) {
        if (isTemporary(name)) {
            return Kind.TEMPORARY;
        }
        // Control characters would break the tab-separated journal; no real HIS produces them.
        if (name.chars().anyMatch(Character::isISOControl) || !REQUEST.matcher(name).matches()) {
            return Kind.FOREIGN;
        }
        return Kind.REQUEST;
    }

    static boolean isTemporary(String name) {
        if (name.startsWith(".") || name.startsWith("~")) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    /** A name under which a result was being written before it is renamed into place (a crash's leftover). */
    static boolean isTemporaryResultName(String name) {
        return DurableWrites.isTemporaryName(name);
    }
}
