package org.openoqs.core.code;

import java.util.Optional;

/**
 * A value of one of the interface's code tables (OQSCD001…). Every table is an enum implementing this, so
 * code, Japanese label and table id travel together and look-ups are uniform.
 */
public interface CodeTable {

    /** The value as written in the XML, e.g. {@code "01"}. */
    String code();

    /** The Japanese label shown to users, e.g. {@code 被保険者証（一般）}. */
    String label();

    /** Looks a code up in a table; empty when the table has no such value. */
    static <E extends Enum<E> & CodeTable> Optional<E> find(Class<E> table, String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = code.strip();
        for (E value : table.getEnumConstants()) {
            if (value.code().equals(trimmed)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The table id (e.g. {@code OQSCD006}) declared on the enum. */
    static String tableId(Class<? extends CodeTable> table) {
        TableId id = table.getAnnotation(TableId.class);
        return id == null ? table.getSimpleName() : id.value();
    }
}
