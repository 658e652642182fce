package org.openoqs.terminal.linkage;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of {@code work/answered.log}. Tab-separated, one of:
 * <pre>
 * &lt;epochMillis&gt;  CLAIMED  &lt;requestName&gt;
 * &lt;epochMillis&gt;  WRITING  &lt;requestName&gt;  &lt;resultFileName&gt;  &lt;sha256 of result&gt;
 * &lt;epochMillis&gt;  &lt;requestName&gt;  &lt;resultFileName&gt;  &lt;sha256 of result&gt;          (answered)
 * </pre>
 * A request name can never be {@code CLAIMED} or {@code WRITING} (it must contain {@code req_}), so the second
 * field tells the kinds apart.
 */
record JournalEntry(Stage stage, long epochMillis, String requestName, String resultFileName, String sha256) {

    enum Stage {
        /** About to move the request from {@code req} to {@code work/processing}. */
        CLAIMED,
        /** About to publish this result; its sha256 identifies the file if it turns up after a crash. */
        WRITING,
        /** The result is published. */
        DONE
    }

    private static final String SEPARATOR = "\t";

    JournalEntry {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(requestName, "requestName");
        if (stage != Stage.CLAIMED) {
            Objects.requireNonNull(resultFileName, "resultFileName");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    static JournalEntry claimed(String requestName, long epochMillis) {
        return new JournalEntry(Stage.CLAIMED, epochMillis, requestName, null, null);
    }

    static JournalEntry writing(String requestName, String resultFileName, String sha256, long epochMillis) {
        return new JournalEntry(Stage.WRITING, epochMillis, requestName, resultFileName, sha256);
    }

    static JournalEntry done(String requestName, String resultFileName, String sha256, long epochMillis) {
        return new JournalEntry(Stage.DONE, epochMillis, requestName, resultFileName, sha256);
    }

    String toLine() {
        return switch (stage) {
            case CLAIMED -> String.join(SEPARATOR, Long.toString(epochMillis), Stage.CLAIMED.name(), requestName);
            case WRITING -> String.join(SEPARATOR, Long.toString(epochMillis), Stage.WRITING.name(), requestName,
                    resultFileName, sha256);
            case DONE -> String.join(SEPARATOR, Long.toString(epochMillis), requestName, resultFileName, sha256);
        };
    }

    /** Parses one line; empty for a blank, torn or otherwise unreadable line. */
    static Optional<JournalEntry> parse(String line) {
        String[] fields = line.split(SEPARATOR, -1);
        try {
            long epochMillis = Long.parseLong(fields[0]);
            if (fields.length == 3 && fields[1].equals(Stage.CLAIMED.name())) {
                return Optional.of(claimed(fields[2], epochMillis));
            }
            if (fields.length == 5 && fields[1].equals(Stage.WRITING.name()) && isSha256(fields[4])) {
                return Optional.of(writing(fields[2], fields[3], fields[4], epochMillis));
            }
            if (fields.length == 4 && isSha256(fields[3])) {
                return Optional.of(done(fields[1], fields[2], fields[3], epochMillis));
            }
        } catch (NumberFormatException e) {
            // fall through: not a journal line
        }
        return Optional.empty();
    }

    private static boolean isSha256(String text) {
        return text.length() == 64 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }
}
