package org.openoqs.core.codec.eps;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openoqs.core.codec.QualificationMessages;
import org.openoqs.core.eps.CheckResult;
import org.openoqs.core.eps.EpsResultCode;
import org.openoqs.core.xml.XmlNode;

/**
 * Reads the elements of one block of an EPS message, collecting a {@link CheckResult} for every missing or
 * malformed one instead of stopping at the first, so a sender sees all its mistakes in one answer.
 */
final class BodyFields {

    private final XmlNode block;
    private final String path;
    private final List<CheckResult> problems;

    BodyFields(XmlNode block, String path, List<CheckResult> problems) {
        this.block = block;
        this.path = path;
        this.problems = problems;
    }

    static BodyFields of(XmlNode block, String path) {
        return new BodyFields(block, path, new ArrayList<>());
    }

    /** The same problem list, for a nested block. */
    BodyFields nested(XmlNode child, String childPath) {
        return new BodyFields(child, childPath, problems);
    }

    List<CheckResult> problems() {
        return problems;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    XmlNode block() {
        return block;
    }

    /** Stripped text of a mandatory leaf, at most {@code max} characters; {@code null} (and a problem) otherwise. */
    String required(String name, int max) {
        String value = optional(name, max);
        if (value == null && !hasTooLong(name)) {
            missing(name);
        }
        return value;
    }

    /** Stripped text of an optional leaf; {@code null} when absent, empty or too long (the latter a problem). */
    String optional(String name, int max) {
        Optional<String> raw = block.text(name);
        if (raw.isEmpty() || raw.get().isBlank()) {
            return null;
        }
        String value = raw.get().strip();
        if (value.codePointCount(0, value.length()) > max) {
            invalid(name, max + "文字以内で指定してください");
            return null;
        }
        return value;
    }

    /** A mandatory {@code yyyyMMdd} date. */
    LocalDate requiredDate(String name) {
        String raw = optional(name, 8 + 1);
        if (raw == null) {
            if (!hasTooLong(name)) {
                missing(name);
            }
            return null;
        }
        return date(name, raw);
    }

    /** An optional {@code yyyyMMdd} date; {@code null} when absent. */
    LocalDate optionalDate(String name) {
        String raw = optional(name, 8 + 1);
        return raw == null ? null : date(name, raw);
    }

    /** A mandatory whole number in {@code [min, max]}. */
    Integer requiredNumber(String name, int min, int max) {
        String raw = required(name, 6);
        if (raw == null) {
            return null;
        }
        if (!raw.matches("\\d{1,6}")) {
            invalid(name, "数字で指定してください（指定値: " + raw + "）");
            return null;
        }
        int n = Integer.parseInt(raw);
        if (n < min || n > max) {
            invalid(name, min + "以上" + max + "以下で指定してください（指定値: " + raw + "）");
            return null;
        }
        return n;
    }

    void missing(String name) {
        problems.add(new CheckResult(EpsResultCode.MISSING_ITEM, where(name)));
    }

    void invalid(String name, String how) {
        problems.add(new CheckResult(EpsResultCode.INVALID_ITEM, where(name) + ": " + how));
    }

    void add(EpsResultCode code, String name, String how) {
        problems.add(new CheckResult(code, how == null ? where(name) : where(name) + ": " + how));
    }

    String where(String name) {
        return path == null || path.isEmpty() ? name : path + "/" + name;
    }

    private boolean hasTooLong(String name) {
        String where = where(name);
        return problems.stream().anyMatch(p -> p.detail() != null && p.detail().startsWith(where + ":"));
    }

    private LocalDate date(String name, String raw) {
        Optional<LocalDate> parsed = QualificationMessages.parseDate(raw);
        if (parsed.isEmpty()) {
            invalid(name, "yyyyMMdd 形式の存在する日付で指定してください（指定値: " + raw + "）");
            return null;
        }
        return parsed.get();
    }
}
