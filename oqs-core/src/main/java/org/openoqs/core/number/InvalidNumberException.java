package org.openoqs.core.number;

/** A domain number (insurer number, institution code, …) that breaks its format or check-digit rule. */
public class InvalidNumberException extends IllegalArgumentException {

    private final String field;

    public InvalidNumberException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The interface element name the number came from, e.g. {@code InsurerNumber}. */
    public String field() {
        return field;
    }
}
