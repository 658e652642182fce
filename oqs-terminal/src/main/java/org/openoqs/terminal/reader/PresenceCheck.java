package org.openoqs.terminal.reader;

import java.util.Objects;
import org.openoqs.core.card.PresenceMethod;

/**
 * What happened at the reader before the card is asked to sign: the method, the PIN typed (PIN only), whether the
 * face-auth reader matched the face with the card photo (face only), whether staff confirmed the photo (visual only).
 */
public record PresenceCheck(PresenceMethod method, String pin, boolean faceMatched, boolean staffConfirmed) {

    public PresenceCheck {
        Objects.requireNonNull(method, "method");
    }

    public static PresenceCheck face(boolean matched) {
        return new PresenceCheck(PresenceMethod.FACE, null, matched, false);
    }

    public static PresenceCheck pin(String pin) {
        return new PresenceCheck(PresenceMethod.PIN, pin, false, false);
    }

    public static PresenceCheck visual() {
        return new PresenceCheck(PresenceMethod.VISUAL, null, false, true);
    }

    @Override
    public String toString() { // never log a PIN
        return "PresenceCheck[" + method + "]";
    }
}
