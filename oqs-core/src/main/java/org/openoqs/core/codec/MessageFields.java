package org.openoqs.core.codec;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.openoqs.core.code.CodeTable;
import org.openoqs.core.error.ErrorCode;
import org.openoqs.core.xml.XmlNode;

/**
 * How every message codec writes and reads the typed fields of a result: code-table values, {@code yyyyMMdd}
 * dates and {@code yyyyMMddHHmmss} times. Reading is strict — an unknown code or an impossible date in something
 * the service sent is a {@link MessageFormatException} naming the element — and absent or blank means {@code null}.
 */
public final class MessageFields {

    private static final ErrorCode BAD_RESULT = ErrorCode.CENTRAL_SERVICE_INVALID_RESPONSE;

    private MessageFields() {
    }

    public static String code(CodeTable value) {
        return value == null ? null : value.code();
    }

    public static String date(LocalDate value) {
        return value == null ? null : QualificationMessages.DATE.format(value);
    }

    public static String dateTime(LocalDateTime value) {
        return value == null ? null : QualificationMessages.DATE_TIME.format(value);
    }

    public static <E extends Enum<E> & CodeTable> E code(XmlNode parent, String name, Class<E> table) {
        String raw = parent.text(name).orElse(null);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return CodeTable.find(table, raw).orElseThrow(() -> new MessageFormatException(BAD_RESULT, name,
                name + " に未知のコード値「" + shorten(raw) + "」があります（" + CodeTable.tableId(table) + "）"));
    }

    public static LocalDate date(XmlNode parent, String name) {
        String raw = parent.text(name).orElse(null);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return QualificationMessages.parseDate(raw.strip()).orElseThrow(() -> new MessageFormatException(BAD_RESULT,
                name, name + " の日付「" + shorten(raw) + "」が yyyyMMdd 形式の存在する日付ではありません"));
    }

    public static LocalDateTime dateTime(XmlNode parent, String name) {
        String raw = parent.text(name).orElse(null);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return QualificationMessages.parseDateTime(raw.strip()).orElseThrow(() -> new MessageFormatException(
                BAD_RESULT, name, name + " の日時「" + shorten(raw) + "」が yyyyMMddHHmmss 形式の存在する日時ではありません"));
    }

    /** Values come from the other side: keep what is echoed in a message short. */
    static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
